import { createHash } from "node:crypto";
import {
  DefinitionConflictError,
  dataPackage,
  indicatorsCsv,
  OBSERVATION_COLUMNS,
  observationsCsv,
  unitsCsv,
} from "@govreport/data";
import type { Report } from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { writeDirectory, writeOutput } from "../io/write.js";
import { resolveReport } from "../report-source.js";
import { VERSION } from "../version.js";

/** The report as the data package ships it (reports/<id>.json): validated, defaults filled in. */
export function canonicalJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * A one-report Frictionless data package, built by @govreport/data's own descriptor builder:
 * datapackage.json describing observations.csv, indicators.csv and units.csv, joined by foreign keys.
 */
export function dataPackageFiles(report: Report): Record<string, string> {
  const reports = [report];
  let tables: Record<"observations" | "indicators" | "units", { path: string; content: string }>;
  try {
    tables = {
      observations: { path: "observations.csv", content: observationsCsv(reports) },
      indicators: { path: "indicators.csv", content: indicatorsCsv(reports) },
      units: { path: "units.csv", content: unitsCsv(reports) },
    };
  } catch (e) {
    if (e instanceof DefinitionConflictError) throw new CliError(e.message, undefined, EXIT.invalid);
    throw e;
  }
  const facts = (f: { path: string; content: string }) => {
    const bytes = Buffer.from(f.content, "utf8");
    return { path: f.path, bytes: bytes.length, hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}` };
  };
  const descriptor = dataPackage(
    {
      name: "@govreport/cli",
      id: `govreport-${report.id.toLowerCase().replace(/[^a-z0-9._-]/g, "-")}`,
      title: `${report.title.zh} (${report.title.en})`,
      version: VERSION,
      description: `Indicators of one government work report (source text sha256 ${report.source.sha256}), exported by govreport`,
      created: new Date().toISOString(),
    },
    OBSERVATION_COLUMNS,
    reports,
    { observations: facts(tables.observations), indicators: facts(tables.indicators), units: facts(tables.units) },
  );
  return {
    "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`,
    ...Object.fromEntries(Object.values(tables).map((t) => [t.path, t.content])),
  };
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const format = args.options.format as "csv" | "json" | "datapackage" | undefined;
  if (!format) throw new CliError("--format is required: csv, json or datapackage (see govreport export --help)");
  const output = args.options.output as string | undefined;
  const force = args.options.force === true;
  const { report } = await resolveReport(args.positionals[0] as string, ctx);
  if (format === "datapackage") {
    if (!output) throw new CliError("--format datapackage writes a folder: give it with -o <dir>");
    await writeDirectory(output, dataPackageFiles(report), { force, cwd: ctx.cwd });
    ctx.stderr.write(
      `govreport: wrote ${output}/ (datapackage.json, observations.csv: ${report.observations.length} rows, indicators.csv, units.csv)\n`,
    );
    return EXIT.ok;
  }
  const text = format === "csv" ? observationsCsv([report]) : canonicalJson(report);
  if (output === undefined) ctx.stdout.write(text);
  else {
    await writeOutput(output, text, { force, cwd: ctx.cwd });
    ctx.stderr.write(`govreport: wrote ${output}\n`);
  }
  return EXIT.ok;
}
