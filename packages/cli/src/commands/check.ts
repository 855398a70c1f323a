import { type ExtractedQuantity, type ExtractWarning, extractReport } from "@govreport/extract";
import {
  type CheckedRelation,
  type CoverageKind,
  checkReport,
  codePointToIndex,
  coverageLine,
  type Finding,
  formatQuantity,
  INCONSISTENCY_CODES,
  NOTE_CODES,
  type Observation,
  type Relation,
} from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { escapeControl, escapeStrings } from "../format/escape.js";
import { LineIndex } from "../format/lines.js";
import { readTextInput } from "../io/read.js";
import { readOptions } from "../report-file.js";
import { textSha256 } from "../source-text.js";
import { FirstInOrder } from "./check-first.js";

/** Findings that mean the printed figures contradict each other, and those worth a look. */
const ARITHMETIC: ReadonlySet<string> = INCONSISTENCY_CODES;
const NOTES: ReadonlySet<string> = NOTE_CODES;

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
  /** The formula in words (value − baseline = increase). */
  formula?: string;
  /** What the stated figure would have to be, printed to its own decimals (6.28 to 6.30亿元). */
  expected?: string;
  message: { zh: string; en: string };
  observations: string[];
}

/** A relation checked, with each figure located in the text. */
export interface CheckedItem extends Omit<CheckedRelation, "figures"> {
  figures: (CheckedRelation["figures"][number] & { line: number; column: number })[];
}

/**
 * How many inconsistencies, notes and relations checked a run lists at most, each (`--limit`). A
 * text of 20 MB can hold 400,000 figures that each raise a note: listing them all would print
 * hundreds of megabytes and hold them in memory (issue 10). The rest are counted, never dropped
 * silently: the human output says how many were not listed, and the JSON output in `unlisted`.
 */
export const DEFAULT_LIMIT = 1000;

/** `--limit`: a whole number of items to list, or `all`. */
export function parseLimit(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === "boolean") return DEFAULT_LIMIT;
  if (value === "all") return Number.POSITIVE_INFINITY;
  if (!/^[1-9]\d{0,8}$/.test(value))
    throw new CliError(`--limit must be a whole number from 1 to 999999999, or all, not "${value}"`);
  return Number(value);
}

export interface CheckOutput {
  file: string;
  encoding: string;
  characters: number;
  figures: number;
  inconsistencies: Inconsistency[];
  notes: Inconsistency[];
  /**
   * Every relation between printed figures that was checked (up to the limit, in the order checked):
   * an empty list of inconsistencies means these held.
   */
  relations: CheckedItem[];
  /** How many items each list holds at most (`--limit`; null for all). */
  limit: number | null;
  /** How many were found but not listed, over the limit: each list's total is its length plus these. */
  unlisted: { inconsistencies: number; notes: number; relations: number };
  coverage: {
    checked: number;
    byKind: Partial<Record<CoverageKind, number>>;
    inconsistencies: number;
    notChecked: number;
    /** Relations checked, each distinct statement once (a text that prints a passage twice counts it once). */
    distinct: number;
    /** The coverage as the last line of the human output prints it. */
    line: string;
  };
  extractorWarnings: ExtractWarning[];
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

/** The observation whose printed figure a relation finding is about: the total, the rate, the target. */
function statedOf(r: Relation): string | undefined {
  switch (r.kind) {
    case "sum":
      return r.total;
    case "ratio":
      return r.ratio;
    case "derived_target":
      return r.target ?? r.rate;
    case "progress":
      return r.actual;
    case "average_growth":
      return r.rate;
    case "part":
      return r.parts[0] as string;
    case "remainder":
      return r.remaining;
    case "product":
      return r.product;
    case "growth":
      return r.rate;
    case "per_capita":
      return r.perCapita;
    // About printed words, located by the finding's own offset (wordsQuote).
    case "sequence":
    case "count":
      return undefined;
  }
}

/** The clause of the words a finding on a numbered or counted list is about: the marker or count at its offset. */
function wordsQuote(r: Relation | undefined, offset: number): string {
  if (r?.kind === "sequence") return r.markers.find((m) => m.offset === offset)?.quote ?? "";
  if (r?.kind === "count") return r.count.offset === offset ? r.count.quote : "";
  return "";
}

/** Code points in a text, counted without an array of its characters (a pair of surrogates is one). */
function codePointCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export async function check(arg: string, ctx: Context, limit = DEFAULT_LIMIT): Promise<CheckOutput> {
  const input = await readTextInput(arg, readOptions(ctx));
  const text = input.text;
  const { report, quantities, warnings } = extractReport(text, { sha256: textSha256(text) });
  const lines = new LineIndex(text);
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const relations = new Map(report.relations.map((r) => [r.id, r]));
  // Lookups keyed once (a scan of every figure for every finding was quadratic: issue 10).
  const figuresOf = new Map<string, ExtractedQuantity[]>();
  for (const q of quantities) {
    const list = figuresOf.get(q.observation);
    if (list) list.push(q);
    else figuresOf.set(q.observation, [q]);
  }
  const figureAt = (o: Observation, kind = "observation") =>
    figuresOf.get(o.id)?.find((q) => q.kind === kind || (kind === "observation" && q.kind === "baseline"));
  // The first check recorded for each finding code and relation (or observation), as a scan would
  // find it: what the finding's description needs of it (not the check, with its figures and quotes).
  const doneBy = new Map<string, Pick<CheckedRelation, "arithmetic" | "formula" | "expected">>();
  const done = (c: CheckedRelation) => {
    if (c.finding === undefined) return;
    const keys = [`${c.finding}\0o\0${c.id}`];
    if (c.relation !== undefined) keys.push(`${c.finding}\0r\0${c.relation}`);
    for (const key of keys)
      if (!doneBy.has(key)) doneBy.set(key, { arithmetic: c.arithmetic, formula: c.formula, expected: c.expected });
  };
  // Figures in the order they are printed, for the figures inside a quote (a binary search, then the quote's own).
  const byStart = quantities.map((q, i) => ({ q, i })).sort((a, b) => a.q.start - b.q.start || a.i - b.i);
  const firstFrom = (offset: number) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byStart[mid] as { q: ExtractedQuantity }).q.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** A finding with where it is printed: the stated figure's observation and its index in the text. */
  interface Anchored {
    f: Finding;
    relation: Relation | undefined;
    /** None for a finding on printed words (a numbered or counted list), anchored at its offset. */
    o: Observation | undefined;
    figure: ExtractedQuantity | undefined;
    at: number;
  }
  const anchor = (f: Finding): Anchored | undefined => {
    const relation = f.relation === undefined ? undefined : relations.get(f.relation);
    const id = relation ? statedOf(relation) : f.observations[0];
    const o = id === undefined ? undefined : byId.get(id);
    if (!o)
      return f.offset === undefined
        ? undefined
        : { f, relation, o: undefined, figure: undefined, at: codePointToIndex(text, f.offset) };
    const figure = figureAt(o, FIGURE_OF[f.code] ?? "observation");
    return { f, relation, o, figure, at: codePointToIndex(text, figure?.start ?? o.source.offset) };
  };
  const locate = ({ f, relation, o, at }: Anchored): Inconsistency => {
    const where = lines.at(at);
    const item: Inconsistency = {
      code: f.code,
      severity: f.severity,
      ...where,
      quote: o ? o.source.quote : wordsQuote(relation, f.offset ?? -1),
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
    // The check that raised the finding says how it was computed; a finding no relation check raised
    // (a change stated the wrong way with its size) falls back to the plain difference.
    const done = doneBy.get(relation ? `${f.code}\0r\0${relation.id}` : `${f.code}\0o\0${o?.id}`);
    const a = done?.arithmetic ?? (relation || !o ? undefined : arithmetic(f.code, o));
    if (a) item.arithmetic = a;
    if (done) {
      item.formula = done.formula;
      if (done.expected) item.expected = done.expected;
    }
    return item;
  };
  // The checks pass each finding and relation as they are made; only the first `limit` of each list
  // are kept (findings in the order they are printed: line and column follow the index in the text,
  // ties in the checks' order), the rest counted, so that memory does not grow with the findings.
  const inconsistencies = new FirstInOrder<Anchored>(limit);
  const notes = new FirstInOrder<Anchored>(limit);
  const relationsListed: CheckedRelation[] = [];
  const checked = checkReport(report, {
    sourceText: text,
    onFinding: (f) => {
      const list = ARITHMETIC.has(f.code) ? inconsistencies : NOTES.has(f.code) ? notes : undefined;
      const a = list && anchor(f);
      if (a) list.add(a.at, a);
    },
    onChecked: (c) => {
      done(c);
      if (relationsListed.length < limit) relationsListed.push(c);
    },
  });
  const listedInconsistencies = inconsistencies.items().map(locate);
  const listedNotes = notes.items().map(locate);
  const relationsChecked: CheckedItem[] = relationsListed.map((c) => ({
    ...c,
    figures: c.figures.map((x) => {
      // The figure as printed inside its quote (a comparison's baseline is printed in its owner's quote).
      const end = x.offset + [...x.quote].length;
      // The first such figure in extraction order, among those printed from the quote's start to its end.
      let q: ExtractedQuantity | undefined;
      let qi = Number.POSITIVE_INFINITY;
      for (let k = firstFrom(x.offset); k < byStart.length; k++) {
        const y = byStart[k] as { q: ExtractedQuantity; i: number };
        if (y.q.start > end) break;
        if (y.i < qi && y.q.end <= end && formatQuantity(y.q) === x.printed) {
          q = y.q;
          qi = y.i;
        }
      }
      return { ...x, ...lines.at(codePointToIndex(text, q?.start ?? x.offset)) };
    }),
  }));
  const { relations: _all, ...counts } = checked.coverage;
  return {
    file: input.name,
    encoding: input.encoding,
    characters: codePointCount(text),
    figures: report.observations.length,
    inconsistencies: listedInconsistencies,
    notes: listedNotes,
    relations: relationsChecked,
    limit: Number.isFinite(limit) ? limit : null,
    unlisted: {
      inconsistencies: inconsistencies.dropped,
      notes: notes.dropped,
      relations: checked.coverage.checked + checked.coverage.notChecked - relationsChecked.length,
    },
    coverage: { ...counts, line: coverageLine(checked.coverage, ctx.lang) },
    extractorWarnings: warnings,
    summary: {
      inconsistencies: listedInconsistencies.length + inconsistencies.dropped,
      notes: listedNotes.length + notes.dropped,
      figures: report.observations.length,
    },
  };
}

function formatItem(i: Inconsistency, file: string, ctx: Context, paint: (s: string) => string): string[] {
  const c = ctx.out;
  const out = [`${c.bold(`${file}:${i.line}:${i.column}`)}: ${paint(i.message[ctx.lang])}`];
  out.push(`    ${c.dim("quote:")}    ${i.quote}`);
  for (const r of i.related ?? []) out.push(`    ${c.dim(`line ${r.line}:`.padEnd(9))} ${r.quote}`);
  if (i.stated !== undefined) out.push(`    ${c.dim("stated:")}   ${i.stated}`);
  if (i.formula !== undefined) out.push(`    ${c.dim("formula:")}  ${i.formula}`);
  if (i.computed !== undefined)
    out.push(
      `    ${c.dim("computed:")} ${i.arithmetic ? `${i.arithmetic}  ${c.dim(`(allowing for rounding: ${i.computed})`)}` : i.computed}`,
    );
  if (i.expected !== undefined)
    out.push(
      `    ${c.dim("expected:")} ${ctx.lang === "zh" ? `印出的数字应为 ${i.expected}` : `the printed figure would have to be ${i.expected}`}`,
    );
  out.push(`    ${c.dim(`[${i.code}]`)}`);
  return out;
}

/** The line saying how many of a list were found and not listed (`--limit`), or none. */
function unlistedLine(n: number, listed: number, what: [string, string], ctx: Context): string | undefined {
  if (n === 0) return undefined;
  return ctx.lang === "zh"
    ? `……另有${n}条${what[1]}未列出(只列出前${listed}条;--limit all 列出全部)`
    : `… and ${n} more ${what[0]} not listed (the first ${listed} are; --limit all lists every one)`;
}

/**
 * Writes the human output item by item, each escaped as it is written (control characters from the
 * text never reach the terminal raw; the JSON output is not escaped): no string of the whole output.
 */
export function writeCheck(r: CheckOutput, ctx: Context, write: (s: string) => void): void {
  const c = ctx.out;
  const file = escapeControl(r.file);
  const list = (items: Inconsistency[], unlisted: number, what: [string, string], paint: (s: string) => string) => {
    for (const i of items) write(`${formatItem(escapeStrings(i), file, ctx, paint).join("\n")}\n\n`);
    const more = unlistedLine(unlisted, items.length, what, ctx);
    if (more) write(`${c.dim(more)}\n\n`);
  };
  list(r.inconsistencies, r.unlisted.inconsistencies, ["inconsistencies", "不一致"], c.red);
  list(r.notes, r.unlisted.notes, ["notes", "提示"], c.yellow);
  const n = r.summary.inconsistencies;
  const notes = r.summary.notes;
  const summary = `${n === 0 ? c.green("no inconsistencies") : c.red(`${n} inconsistenc${n === 1 ? "y" : "ies"}`)} among ${r.figures} figures in ${file}${notes > 0 ? `; ${notes} note${notes === 1 ? "" : "s"}` : ""}`;
  // The last line says what was checked, so that no inconsistency reads as "verified", not "not looked at".
  write(`${summary}\n${escapeControl(r.coverage.line)}\n`);
}

/** The human output as one string (what `run` writes piece by piece). */
export function formatCheck(r: CheckOutput, ctx: Context): string {
  const out: string[] = [];
  writeCheck(r, ctx, (s) => out.push(s));
  return out.join("");
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const limit = parseLimit(args.options.limit);
  const r = await check(args.positionals[0] as string, ctx, limit);
  if (args.options.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else writeCheck(r, ctx, (s) => ctx.stdout.write(s));
  if (ctx.debug)
    for (const w of r.extractorWarnings)
      ctx.stderr.write(`govreport: extract: [${w.code}] ${escapeControl(w.message)}\n`);
  return r.summary.inconsistencies === 0 ? EXIT.ok : EXIT.invalid;
}
