import { extractReport } from "@govreport/extract";
import { checkReport, codePointToIndex, type Finding, formatQuantity, type Observation } from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { LineIndex } from "../format/lines.js";
import { readTextInput } from "../io/read.js";
import { readOptions } from "../report-file.js";
import { textSha256 } from "../source-text.js";

/** Findings that mean the printed figures contradict each other. */
const ARITHMETIC = new Set<string>([
  "comparison.change_mismatch",
  "comparison.percent_mismatch",
  "comparison.points_mismatch",
  "comparison.direction_mismatch",
  "relation.sum_mismatch",
  "relation.ratio_mismatch",
  "relation.derived_target_mismatch",
  "value.out_of_bounds",
]);
/** Findings worth a look that are not contradictions. */
const NOTES = new Set<string>(["comparison.percent_for_points"]);

/** Which printed figure a finding is about: the stated change, percent or points, else the value. */
const FIGURE_OF: Record<string, string> = {
  "comparison.change_mismatch": "change",
  "comparison.percent_mismatch": "percent",
  "comparison.points_mismatch": "points",
  "comparison.percent_for_points": "percent",
};

export interface Inconsistency {
  code: string;
  severity: Finding["severity"];
  line: number;
  column: number;
  /** The clause the figures are printed in, verbatim. */
  quote: string;
  stated?: string;
  computed?: string;
  /** The arithmetic behind `computed`, from the printed figures (20.17亿元 − 13.88亿元 = 6.29亿元). */
  arithmetic?: string;
  message: { zh: string; en: string };
  observations: string[];
}

export interface CheckOutput {
  file: string;
  encoding: string;
  characters: number;
  figures: number;
  inconsistencies: Inconsistency[];
  notes: Inconsistency[];
  extractorWarnings: string[];
  summary: { inconsistencies: number; notes: number; figures: number };
}

const trim = (x: number) => Number(x.toFixed(6)).toString();

/** The plain computation behind a comparison finding, when value and baseline share a unit. */
function arithmetic(code: string, o: Observation): string | undefined {
  const c = o.comparison;
  const b = c?.baseline?.quantity;
  if (!c || !b || b.unit !== o.quantity.unit) return undefined;
  const v = o.quantity.value;
  const d = Math.max(o.quantity.decimals, b.decimals);
  const u = o.quantity.unit;
  if (code === "comparison.change_mismatch" || code === "comparison.direction_mismatch")
    return `${formatQuantity(o.quantity)} − ${formatQuantity(b)} = ${(v - b.value).toFixed(d)}${u}`;
  if (code === "comparison.percent_mismatch" && b.value !== 0)
    return `(${formatQuantity(o.quantity)} ÷ ${formatQuantity(b)} − 1) × 100 = ${trim((v / b.value - 1) * 100)}%`;
  if (code === "comparison.points_mismatch")
    return `${formatQuantity(o.quantity)} − ${formatQuantity(b)} = ${(v - b.value).toFixed(d)}个百分点`;
  return undefined;
}

export async function check(arg: string, ctx: Context): Promise<CheckOutput> {
  const input = await readTextInput(arg, readOptions(ctx));
  const text = input.text;
  const { report, quantities, warnings } = extractReport(text, { sha256: textSha256(text) });
  const checked = checkReport(report, { sourceText: text });
  const lines = new LineIndex(text);
  const byId = new Map(report.observations.map((o) => [o.id, o]));

  const locate = (f: Finding): Inconsistency | undefined => {
    const id = f.observations[0];
    const o = id === undefined ? undefined : byId.get(id);
    if (!o) return undefined;
    const kind = FIGURE_OF[f.code] ?? "observation";
    const figure = quantities.find((q) => q.observation === o.id && q.kind === kind);
    const at = codePointToIndex(text, figure?.start ?? o.source.offset);
    const item: Inconsistency = {
      code: f.code,
      severity: f.severity,
      ...lines.at(at),
      quote: o.source.quote,
      message: f.message,
      observations: f.observations,
    };
    if (f.stated !== undefined) item.stated = f.stated;
    if (f.computed !== undefined) item.computed = f.computed;
    const a = arithmetic(f.code, o);
    if (a) item.arithmetic = a;
    return item;
  };
  const pick = (codes: Set<string>) =>
    checked.findings
      .filter((f) => codes.has(f.code))
      .map(locate)
      .filter((x): x is Inconsistency => x !== undefined)
      .sort((a, b) => a.line - b.line || a.column - b.column);

  const inconsistencies = pick(ARITHMETIC);
  const notes = pick(NOTES);
  return {
    file: input.name,
    encoding: input.encoding,
    characters: [...text].length,
    figures: report.observations.length,
    inconsistencies,
    notes,
    extractorWarnings: warnings,
    summary: { inconsistencies: inconsistencies.length, notes: notes.length, figures: report.observations.length },
  };
}

function formatItem(i: Inconsistency, file: string, ctx: Context, paint: (s: string) => string): string[] {
  const c = ctx.out;
  const out = [`${c.bold(`${file}:${i.line}:${i.column}`)}: ${paint(i.message[ctx.lang])}`];
  out.push(`    ${c.dim("quote:")}    ${i.quote}`);
  if (i.stated !== undefined) out.push(`    ${c.dim("stated:")}   ${i.stated}`);
  if (i.computed !== undefined)
    out.push(
      `    ${c.dim("computed:")} ${i.arithmetic ? `${i.arithmetic}  ${c.dim(`(allowing for rounding: ${i.computed})`)}` : i.computed}`,
    );
  out.push(`    ${c.dim(`[${i.code}]`)}`);
  return out;
}

export function formatCheck(r: CheckOutput, ctx: Context): string {
  const c = ctx.out;
  const out: string[] = [];
  for (const i of r.inconsistencies) out.push(...formatItem(i, r.file, ctx, c.red), "");
  for (const i of r.notes) out.push(...formatItem(i, r.file, ctx, c.yellow), "");
  const n = r.inconsistencies.length;
  const summary = `${n === 0 ? c.green("no inconsistencies") : c.red(`${n} inconsistenc${n === 1 ? "y" : "ies"}`)} among ${r.figures} figures in ${r.file}${r.notes.length > 0 ? `; ${r.notes.length} note${r.notes.length === 1 ? "" : "s"}` : ""}`;
  out.push(summary);
  return `${out.join("\n")}\n`;
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const r = await check(args.positionals[0] as string, ctx);
  if (args.options.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else ctx.stdout.write(formatCheck(r, ctx));
  if (ctx.debug) for (const w of r.extractorWarnings) ctx.stderr.write(`govreport: extract: ${w}\n`);
  return r.inconsistencies.length === 0 ? EXIT.ok : EXIT.invalid;
}
