import { createHash } from "node:crypto";
import { type Column, OBSERVATION_COLUMNS, observationsCsv } from "@govreport/data";
import type { Report } from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { writeDirectory, writeOutput } from "../io/write.js";
import { resolveReport } from "../report-source.js";

/** The report as the data package ships it (reports/<id>.json): validated, defaults filled in. */
export function canonicalJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The Table Schema field of a column, as @govreport/data's build writes it. Rebuilt here from the
 * exported column list until the data package exports its descriptor builder (requested).
 */
function field(c: Column): Record<string, unknown> {
  const f: Record<string, unknown> = { name: c.name, type: c.type, format: "default", description: c.description };
  if (c.constraints && Object.keys(c.constraints).length > 0) f.constraints = { ...c.constraints };
  return f;
}

/** A one-report Frictionless tabular data package: datapackage.json describing observations.csv. */
export function dataPackageFiles(report: Report): Record<string, string> {
  const csv = observationsCsv([report]);
  const bytes = Buffer.from(csv, "utf8");
  const descriptor = {
    profile: "tabular-data-package",
    name: `govreport-${report.id.toLowerCase().replace(/[^a-z0-9._-]/g, "-")}`,
    title: `${report.title.zh} (${report.title.en})`,
    description: `Indicators of one government work report, exported by govreport. Every figure keeps its verbatim quote and code-point offset in the source text (sha256 ${report.source.sha256}).`,
    sources: [
      { title: `${report.title.zh} (${report.title.en})`, ...(report.source.url ? { path: report.source.url } : {}) },
    ],
    resources: [
      {
        profile: "tabular-data-resource",
        name: "observations",
        path: "observations.csv",
        title: "Observations",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: bytes.length,
        hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
        dialect: { delimiter: ",", doubleQuote: true, lineTerminator: "\r\n", quoteChar: '"', header: true },
        schema: {
          fields: OBSERVATION_COLUMNS.map(field),
          primaryKey: ["report_id", "observation_id"],
          missingValues: [""],
        },
      },
    ],
  };
  return { "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`, "observations.csv": csv };
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
      `govreport: wrote ${output}/ (datapackage.json, observations.csv: ${report.observations.length} rows)\n`,
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
