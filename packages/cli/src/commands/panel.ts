import { createHash } from "node:crypto";
import { panelCsv, panelDataPackage, panelRecords, panelRows } from "@govreport/data/panel";
import type { ParsedArgs } from "../args.js";
import { loadInputs } from "../batch/reports.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { writeDirectory, writeOutput } from "../io/write.js";
import { VERSION } from "../version.js";

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const format = (args.options.format as "csv" | "json" | "datapackage" | undefined) ?? "csv";
  const output = args.options.output as string | undefined;
  if (format === "datapackage" && output === undefined)
    throw new CliError("--format datapackage writes a folder: give it with -o <folder>");
  const { inputs, code } = await loadInputs(args.positionals, ctx);
  if (inputs.length === 0)
    throw new CliError("no report could be read; nothing to build a panel from", undefined, Math.max(code, EXIT.usage));
  const rows = panelRows(inputs.map((x) => x.report));
  const force = args.options.force === true;
  if (format === "datapackage") {
    const csv = panelCsv(rows);
    const bytes = Buffer.byteLength(csv, "utf8");
    const hash = `sha256:${createHash("sha256").update(csv, "utf8").digest("hex")}`;
    const descriptor = panelDataPackage({ version: VERSION }, { path: "panel.csv", bytes, hash });
    await writeDirectory(
      output as string,
      { "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`, "panel.csv": csv },
      { force, cwd: ctx.cwd },
    );
  } else {
    const text = format === "json" ? `${JSON.stringify(panelRecords(rows), null, 2)}\n` : panelCsv(rows);
    if (output === undefined) ctx.stdout.write(text);
    else await writeOutput(output, text, { force, cwd: ctx.cwd });
  }
  const reports = new Set(rows.map((r) => r.report.id)).size;
  const places = new Set(rows.map((r) => r.jurisdiction)).size;
  ctx.stderr.write(
    `govreport panel: ${rows.length} rows from ${inputs.length} report${inputs.length === 1 ? "" : "s"} (${reports} contributing), ${places} jurisdiction${places === 1 ? "" : "s"}${output ? `; wrote ${output}` : ""}\n`,
  );
  return code;
}
