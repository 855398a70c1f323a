import { basename, dirname, extname, relative, resolve } from "node:path";
import { extractReport, type SkippedFigure } from "@govreport/extract";
import type { Report } from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { readTextInput } from "../io/read.js";
import { writeOutput } from "../io/write.js";
import { readOptions } from "../report-file.js";
import { textSha256 } from "../source-text.js";
import { VERSION } from "../version.js";

/** A report id from a file name: lower-case letters, digits and dashes. */
export function idFromFileName(name: string): string | undefined {
  let stem = basename(name, extname(name));
  // reports/zhangjiang-2023-h1/source.txt: the folder names the report, not the file.
  if (/^(source|report|text|index)$/i.test(stem) && basename(dirname(name)) !== ".") stem = basename(dirname(name));
  stem = stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|-+$/g, "");
  return stem === "" ? undefined : stem;
}

/** Objects written on one line in the draft, as in the shipped reports: short and read as a unit. */
const FLOW_KEYS = new Set([
  "quantity",
  "source",
  "name",
  "change",
  "percent",
  "points",
  "baseline",
  "section",
  "parts",
]);

export async function draftYaml(report: Report, header: string[]): Promise<string> {
  const { Document, isMap, isPair, isScalar, isSeq, visit } = await import("yaml");
  const doc = new Document(report);
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (FLOW_KEYS.has(key) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    },
  });
  doc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const arg = args.positionals[0] as string;
  const output = args.options.output as string | undefined;
  const format =
    (args.options.format as "yaml" | "json" | undefined) ?? (output && /\.json$/i.test(output) ? "json" : "yaml");
  const input = await readTextInput(arg, readOptions(ctx));
  const id = (args.options.id as string | undefined) ?? (input.path ? idFromFileName(input.name) : undefined);
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id))
    throw new CliError(`--id "${id}" is not a valid id: use letters, digits, ".", "_" or "-"`);
  // source.file is relative to where the draft is written; for stdout, to the working directory.
  const sourceFile = input.path
    ? relative(output ? dirname(resolve(ctx.cwd, output)) : ctx.cwd, input.path)
    : undefined;
  const { report, warnings, skipped } = extractReport(input.text, {
    sha256: textSha256(input.text),
    ...(id !== undefined ? { id } : {}),
    ...(sourceFile !== undefined ? { sourceFile } : {}),
  });

  let text: string;
  if (format === "json") text = `${JSON.stringify(report, null, 2)}\n`;
  else {
    const header = [
      `MACHINE DRAFT made by govreport extract ${VERSION} from ${input.name} (${input.encoding}): review before use.`,
      "Every observation below was read by a program. Check each figure's indicator, role, period and",
      "comparison against its quote, delete what is not a fact, add relations, then run",
      `  govreport validate ${output ?? "<this file>"}`,
      ...(output === undefined && sourceFile !== undefined
        ? [`source.file is relative to the directory extract ran in; adjust it if you save this elsewhere.`]
        : []),
      ...(sourceFile?.startsWith("..")
        ? [`source.file lies outside this file's folder, which validate does not follow: add --source ${input.name}`]
        : []),
      `${report.observations.length} observations; ${skipped.length} numbers judged not to be facts${skipSummary(skipped)}; ${warnings.length} warning${warnings.length === 1 ? "" : "s"}${warnings.length > 0 ? ":" : "."}`,
      ...warnings.map((w) => `  - [${w.code}] ${w.message.replace(/\n/g, " ")}`),
    ];
    text = await draftYaml(report, header);
  }
  if (output === undefined) ctx.stdout.write(text);
  else {
    await writeOutput(output, text, { force: args.options.force === true, cwd: ctx.cwd });
    ctx.stderr.write(
      `govreport: wrote ${output}: ${report.observations.length} observations${warnings.length > 0 ? `, ${warnings.length} warnings` : ""}; review it, then run govreport validate ${output}\n`,
    );
  }
  return EXIT.ok;
}

/** How many numbers were skipped for each reason, by code: " (figure.skipped.threshold 4, …)". */
function skipSummary(skipped: readonly SkippedFigure[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
  return counts.size === 0 ? "" : ` (${[...counts].map(([code, n]) => `${code} ${n}`).join(", ")})`;
}
