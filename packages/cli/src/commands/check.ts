import { extractReport } from "@govreport/extract";
import {
  checkReport,
  codePointToIndex,
  convert,
  type Finding,
  formatQuantity,
  type Observation,
  type Relation,
} from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { escapeControl, escapeStrings } from "../format/escape.js";
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
  /** The clause the figures are printed in, verbatim (for a relation on one line, from its first figure's clause to its last). */
  quote: string;
  /** For a relation whose figures are printed on other lines: where, and in which clause. */
  related?: { line: number; quote: string }[];
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
/** A computed figure to `decimals` places, without trailing zeros (95, 97.67). */
const round = (x: number, decimals: number) => Number(x.toFixed(decimals)).toString();

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

/** The observation whose printed figure a relation finding is about: the total, the rate, the target. */
function statedOf(r: Relation): string {
  switch (r.kind) {
    case "sum":
      return r.total;
    case "ratio":
      return r.ratio;
    case "derived_target":
      return r.target ?? r.rate;
    case "progress":
      return r.actual;
  }
}

/** The plain computation behind a relation finding, from the printed figures (42件 + 1件 = 43件). */
function relationArithmetic(r: Relation, get: (id: string) => Observation | undefined): string | undefined {
  const inUnit = (o: Observation, unit: string) => {
    try {
      return convert(o.quantity.value, o.quantity.unit, unit);
    } catch {
      return undefined;
    }
  };
  if (r.kind === "sum") {
    const total = get(r.total);
    const parts = r.parts.map(get);
    if (!total || parts.some((p) => !p)) return undefined;
    const values = (parts as Observation[]).map((p) => inUnit(p, total.quantity.unit));
    if (values.some((v) => v === undefined)) return undefined;
    const d = Math.max(...(parts as Observation[]).map((p) => p.quantity.decimals), total.quantity.decimals);
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    return `${(parts as Observation[]).map((p) => formatQuantity(p.quantity)).join(" + ")} = ${sum.toFixed(d)}${total.quantity.unit}`;
  }
  if (r.kind === "ratio") {
    const [num, den, ratio] = [get(r.numerator), get(r.denominator), get(r.ratio)];
    if (!num || !den || !ratio || den.quantity.value === 0) return undefined;
    const n = inUnit(num, den.quantity.unit);
    if (n === undefined) return undefined;
    const factor = ratio.quantity.unit === "%" ? 100 : ratio.quantity.unit === "‰" ? 1000 : 1;
    const times = factor === 1 ? "" : ` × ${factor}`;
    return `${formatQuantity(num.quantity)} ÷ ${formatQuantity(den.quantity)}${times} = ${round((n / den.quantity.value) * factor, ratio.quantity.decimals + 2)}${ratio.quantity.unit}`;
  }
  if (r.kind === "derived_target") {
    const [base, rate] = [get(r.base), get(r.rate)];
    if (!base || !rate || rate.quantity.unit !== "%") return undefined;
    const target = base.quantity.value * (1 + rate.quantity.value / 100);
    return `${formatQuantity(base.quantity)} × (1 + ${rate.quantity.value}%) = ${round(target, base.quantity.decimals + 2)}${base.quantity.unit}`;
  }
  return undefined;
}

export async function check(arg: string, ctx: Context): Promise<CheckOutput> {
  const input = await readTextInput(arg, readOptions(ctx));
  const text = input.text;
  const { report, quantities, warnings } = extractReport(text, { sha256: textSha256(text) });
  const checked = checkReport(report, { sourceText: text });
  const lines = new LineIndex(text);
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const relations = new Map(report.relations.map((r) => [r.id, r]));
  const figureAt = (o: Observation, kind = "observation") =>
    quantities.find(
      (q) => q.observation === o.id && (q.kind === kind || (kind === "observation" && q.kind === "baseline")),
    );

  const locate = (f: Finding): Inconsistency | undefined => {
    const relation = f.relation === undefined ? undefined : relations.get(f.relation);
    const id = relation ? statedOf(relation) : f.observations[0];
    const o = id === undefined ? undefined : byId.get(id);
    if (!o) return undefined;
    const figure = figureAt(o, FIGURE_OF[f.code] ?? "observation");
    const at = codePointToIndex(text, figure?.start ?? o.source.offset);
    const where = lines.at(at);
    const item: Inconsistency = {
      code: f.code,
      severity: f.severity,
      ...where,
      quote: o.source.quote,
      message: f.message,
      observations: f.observations,
    };
    if (relation) {
      // The clauses of every figure involved, one verbatim span a line: the stated figure's line as the
      // quote, the others (a base printed in the review, a target in the plan) each with its line.
      const byLine = new Map<number, { start: number; end: number }>();
      for (const x of f.observations.map((id) => byId.get(id))) {
        if (!x) continue;
        const start = codePointToIndex(text, x.source.offset);
        const end = start + x.source.quote.length;
        const { line } = lines.at(start);
        const span = byLine.get(line);
        byLine.set(line, span ? { start: Math.min(span.start, start), end: Math.max(span.end, end) } : { start, end });
      }
      const own = byLine.get(where.line);
      if (own) item.quote = text.slice(own.start, own.end);
      const others = [...byLine].filter(([line]) => line !== where.line).sort(([a], [b]) => a - b);
      if (others.length > 0) item.related = others.map(([line, x]) => ({ line, quote: text.slice(x.start, x.end) }));
    }
    if (f.stated !== undefined) item.stated = f.stated;
    if (f.computed !== undefined) item.computed = f.computed;
    const a = relation ? relationArithmetic(relation, (x) => byId.get(x)) : arithmetic(f.code, o);
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
  for (const r of i.related ?? []) out.push(`    ${c.dim(`line ${r.line}:`.padEnd(9))} ${r.quote}`);
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
  else ctx.stdout.write(formatCheck(escapeStrings(r), ctx));
  if (ctx.debug) for (const w of r.extractorWarnings) ctx.stderr.write(`govreport: extract: ${escapeControl(w)}\n`);
  return r.inconsistencies.length === 0 ? EXIT.ok : EXIT.invalid;
}
