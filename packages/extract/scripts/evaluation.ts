import {
  CATALOGUE,
  codePointToIndex,
  findQuantities,
  formatQuantity,
  indexToCodePoint,
  type Observation,
  type Quantity,
  type Relation,
  type Report,
} from "@govreport/schema";
import type { ExtractedQuantity } from "../src/index.js";

/** One printed figure the truth records (curated data or a hand annotation), with what it says about it. */
export interface TruthFigure {
  value: number;
  /** The upper end of a printed range (3-5%), when there is one. */
  max?: number;
  unit: string;
  /** Absent for curated figures that record none: qualifier is then not scored for them. */
  qualifier?: string;
  printed: string;
  /** Code points into the source: where the figure is printed, [start, end) (-1 when not found in its quote). */
  start: number;
  end: number;
  /** The quote's span, for figures that cannot be placed exactly. */
  quoteStart: number;
  quoteEnd: number;
  /** Every reading of this figure in the data (a baseline is read twice: in a comparison and on its own). */
  readings: Reading[];
}

/** What the truth says about a figure. A field a truth does not record is not scored for that figure. */
export interface Reading {
  observation: string;
  /** True when the figure is the observation's own quantity (not a part of its comparison). */
  own?: boolean;
  role: string;
  period: string;
  kind?: string;
  /** A catalogue id, or a report-local one (`local:<name>` in hand truth) scored by grouping. */
  indicator?: string;
  /** The phrase that names what the figure measures (see `subjectAgrees`). */
  subject?: string;
}

export interface Pair {
  truth: TruthFigure;
  extracted: ExtractedQuantity;
}

/** The fields scored on every matched figure. */
export const FIELDS = ["value", "unit", "qualifier", "period", "role", "subject", "indicator"] as const;
export type Field = (typeof FIELDS)[number];

export interface Evaluation {
  truth: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  misses: TruthFigure[];
  falsePositives: ExtractedQuantity[];
  pairs: Pair[];
  /** Per field, over the matched figures whose truth records that field. */
  fields: Record<Field, Rate>;
  /** The pairs each field is wrong on. */
  wrong: Record<Field, Pair[]>;
  agreement: {
    role: Rate;
    period: Rate;
    /** Over pairs whose curated indicator is in the catalogue. */
    indicator: Rate;
    /** Over pairs where the extractor chose a catalogue indicator (and the truth records one): how often the data agrees. */
    catalogueChoice: Rate;
    /** Over pairs whose truth records a kind. */
    kind: Rate;
  };
}

export interface Rate {
  agree: number;
  of: number;
  rate: number;
}

export const rate = (agree: number, of: number): Rate => ({ agree, of, rate: of === 0 ? 1 : agree / of });
const CATALOGUE_IDS = new Set<string>(CATALOGUE.map((i) => i.id));
const inCatalogue = (id: string | undefined) => id !== undefined && CATALOGUE_IDS.has(id);
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
const sameMax = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? a === b : same(a, b);

/** Where `q` is printed in the quote (code points from the quote start), or -1. */
function locate(quote: string, q: Quantity): number {
  const printed = q.printed ?? formatQuantity(q);
  const found = findQuantities(quote, { bare: q.unit === "" }).find(
    (c) => c.printed === printed || (same(c.value, q.value) && c.unit === q.unit),
  );
  if (found) return indexToCodePoint(quote, found.start);
  const at = quote.indexOf(printed);
  return at < 0 ? -1 : indexToCodePoint(quote, at);
}

/**
 * The figures of the curated report: each observation's quantity and each quantity of its
 * comparison (baseline, change, percent, points), one entry per printed figure.
 */
export function truthFigures(report: Report, source: string): TruthFigure[] {
  const byStart = new Map<string, TruthFigure>();
  const out: TruthFigure[] = [];
  const add = (o: Observation, q: Quantity, kind: string, role: string, period: string, own = false) => {
    const quoteStart = o.source.offset;
    const quoteEnd = quoteStart + [...o.source.quote].length;
    const rel = locate(o.source.quote, q);
    const start = rel < 0 ? -1 : quoteStart + rel;
    const reading = { observation: o.id, own, kind, role, period, indicator: o.indicator };
    const key = start < 0 ? `${o.id}:${kind}` : `${start}:${q.unit}:${q.value}`;
    const prior = byStart.get(key);
    if (prior) {
      prior.readings.push(reading);
      return;
    }
    const printed = q.printed ?? formatQuantity(q);
    const t: TruthFigure = {
      value: q.value,
      ...(q.max !== undefined ? { max: q.max } : {}),
      unit: q.unit,
      qualifier: q.qualifier,
      printed,
      start,
      end: start < 0 ? -1 : start + [...printed].length,
      quoteStart,
      quoteEnd,
      readings: [reading],
    };
    byStart.set(key, t);
    out.push(t);
  };
  // The source check keeps the data honest: a quote must be where its offset says.
  for (const o of report.observations) {
    const i = codePointToIndex(source, o.source.offset);
    if (source.slice(i, i + o.source.quote.length) !== o.source.quote)
      throw new Error(`observation ${o.id}: its quote is not at offset ${o.source.offset} of the source`);
    add(o, o.quantity, o.role === "baseline" ? "baseline" : "observation", o.role, o.period, true);
    const c = o.comparison;
    if (c?.baseline) add(o, c.baseline.quantity, "baseline", "baseline", c.baseline.period);
    if (c?.change) add(o, c.change, "change", o.role, o.period);
    if (c?.percent) add(o, c.percent, "percent", o.role, o.period);
    if (c?.points) add(o, c.points, "points", o.role, o.period);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Words that frame a subject without naming what is measured: where (全省, 我市), when (全年, 今年),
 * how it is counted (累计, 共, 分别, 同比) and list punctuation. Stripped from both sides before
 * subjects are compared, so 全省粮食产量 and 粮食产量 name the same thing.
 */
const FRAME =
  /^(?:全省|全市|全区|全县|全镇|全旗|我省|我市|我区|我县|我镇|本市|本区|全年|今年|去年|上年|当年|其中|累计|累积|共计|合计|总计|共|分别|同比|年均|已|并)+|(?:分别|累计|共计|合计|同比|年均|达到|达|实现|完成|为|是)+$/g;

/** A subject reduced to what it names: NFKC (full-width digits), no spaces, quotes or frame words. */
export function normalizeSubject(s: string): string {
  let t = s.normalize("NFKC").replace(/[\s“”"'‘’《》「」『』()()、,,。;;::]/g, "");
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(FRAME, "");
  }
  return t;
}

/**
 * Whether an extracted subject names what the truth's does. The truth records the shortest phrase
 * that names the measured thing (规模以上工业增加值); the extracted subject agrees when, both
 * normalised, it contains that phrase and is not much longer (at most twice its length plus four
 * characters): a whole clause that happens to contain it does not name it.
 */
export function subjectAgrees(truth: string, extracted: string): boolean {
  const t = normalizeSubject(truth);
  const e = normalizeSubject(extracted);
  if (t === "") return e === "";
  return e.includes(t) && [...e].length <= 2 * [...t].length + 4;
}

/**
 * Scores extracted figures against the truth. A pair is made by position: the extracted span
 * overlaps the truth span — the same start and reading preferred, then the same reading, then the
 * same start, then any overlap — so that a figure read wrongly where it is printed (8500亿元 read as
 * 0亿元 after a line break) counts as a wrong value, not as a miss and a false positive. A curated
 * figure that cannot be placed in its quote pairs with an extracted figure of the same value and
 * unit inside the quote. Each figure is paired at most once. Every field (value, unit, qualifier,
 * period, role, subject, indicator) is then scored on the pairs whose truth records it.
 */
export function evaluate(truth: readonly TruthFigure[], extracted: readonly ExtractedQuantity[]): Evaluation {
  const used = new Set<ExtractedQuantity>();
  const pairs: Pair[] = [];
  const misses: TruthFigure[] = [];
  const reads = (t: TruthFigure, e: ExtractedQuantity) => same(e.value, t.value) && e.unit === t.unit;
  const overlaps = (t: TruthFigure, x: ExtractedQuantity) => t.start >= 0 && x.start < t.end && t.start < x.end;
  for (const t of truth) {
    const free = extracted.filter((x) => !used.has(x) && overlaps(t, x));
    const e =
      free.find((x) => x.start === t.start && reads(t, x)) ??
      free.find((x) => reads(t, x)) ??
      free.find((x) => x.start === t.start) ??
      free[0] ??
      (t.start < 0
        ? extracted.find((x) => !used.has(x) && reads(t, x) && x.start >= t.quoteStart && x.end <= t.quoteEnd)
        : undefined);
    if (e) {
      used.add(e);
      pairs.push({ truth: t, extracted: e });
    } else {
      misses.push(t);
    }
  }
  const falsePositives = extracted.filter((e) => !used.has(e));
  const precision = extracted.length === 0 ? 1 : pairs.length / extracted.length;
  const recall = truth.length === 0 ? 1 : pairs.length / truth.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const agree = (pred: (p: Pair) => boolean, among: (p: Pair) => boolean = () => true) => {
    const set = pairs.filter(among);
    return rate(set.filter(pred).length, set.length);
  };
  const kindOf = (k: string) => (k === "baseline" ? "baseline" : k);
  const indicatorRight = indicatorJudge(pairs);
  const judges: Record<Field, { among: (p: Pair) => boolean; right: (p: Pair) => boolean }> = {
    value: {
      among: () => true,
      right: (p) => same(p.extracted.value, p.truth.value) && sameMax(p.extracted.max, p.truth.max),
    },
    unit: { among: () => true, right: (p) => p.extracted.unit === p.truth.unit },
    qualifier: {
      among: (p) => p.truth.qualifier !== undefined,
      right: (p) => p.extracted.qualifier === p.truth.qualifier,
    },
    period: { among: () => true, right: (p) => p.truth.readings.some((r) => r.period === p.extracted.period) },
    role: { among: () => true, right: (p) => p.truth.readings.some((r) => r.role === p.extracted.role) },
    subject: {
      among: (p) => p.truth.readings.some((r) => r.subject !== undefined),
      right: (p) =>
        p.truth.readings.some((r) => r.subject !== undefined && subjectAgrees(r.subject, p.extracted.subject)),
    },
    indicator: {
      among: (p) => p.truth.readings.some((r) => r.indicator !== undefined),
      right: indicatorRight,
    },
  };
  const fields = {} as Record<Field, Rate>;
  const wrong = {} as Record<Field, Pair[]>;
  for (const f of FIELDS) {
    const { among, right } = judges[f];
    fields[f] = agree(right, among);
    wrong[f] = pairs.filter((p) => among(p) && !right(p));
  }
  return {
    truth: truth.length,
    extracted: extracted.length,
    matched: pairs.length,
    precision,
    recall,
    f1,
    misses,
    falsePositives,
    pairs,
    fields,
    wrong,
    agreement: {
      role: fields.role,
      period: fields.period,
      indicator: agree(
        (p) => p.truth.readings.some((r) => r.indicator === p.extracted.indicator),
        (p) => p.truth.readings.some((r) => inCatalogue(r.indicator)),
      ),
      catalogueChoice: agree(
        (p) => p.truth.readings.some((r) => r.indicator === p.extracted.indicator),
        (p) => CATALOGUE_IDS.has(p.extracted.indicator) && p.truth.readings.some((r) => r.indicator !== undefined),
      ),
      kind: agree(
        (p) => p.truth.readings.some((r) => r.kind !== undefined && kindOf(r.kind) === kindOf(p.extracted.kind)),
        (p) => p.truth.readings.some((r) => r.kind !== undefined),
      ),
    },
  };
}

/**
 * The indicator of a pair is right when the truth's is a catalogue id and the extractor chose that
 * id; or when the truth's is report-local (no catalogue entry measures it) and the extractor chose
 * no catalogue id and groups the figures the same way: exactly the matched figures that share the
 * truth's local indicator share the extracted one. Local ids are names the two sides give
 * independently, so only the grouping they make can be compared.
 */
function indicatorJudge(pairs: readonly Pair[]): (p: Pair) => boolean {
  const truthId = (p: Pair) => p.truth.readings.find((r) => r.indicator !== undefined)?.indicator;
  const byTruth = new Map<string, Set<Pair>>();
  const byExtracted = new Map<string, Set<Pair>>();
  for (const p of pairs) {
    const t = truthId(p);
    if (t !== undefined && !inCatalogue(t)) {
      if (!byTruth.has(t)) byTruth.set(t, new Set());
      byTruth.get(t)?.add(p);
    }
    if (!inCatalogue(p.extracted.indicator)) {
      if (!byExtracted.has(p.extracted.indicator)) byExtracted.set(p.extracted.indicator, new Set());
      byExtracted.get(p.extracted.indicator)?.add(p);
    }
  }
  return (p) => {
    if (p.truth.readings.some((r) => inCatalogue(r.indicator) && r.indicator === p.extracted.indicator)) return true;
    const t = truthId(p);
    if (t === undefined || inCatalogue(t) || inCatalogue(p.extracted.indicator)) return false;
    const a = byTruth.get(t) ?? new Set();
    const b = byExtracted.get(p.extracted.indicator) ?? new Set();
    return a.size === b.size && [...a].every((x) => b.has(x));
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const context = (source: string, start: number, end: number) => {
  const a = codePointToIndex(source, Math.max(0, start - 8));
  const b = codePointToIndex(source, end + 8);
  return source.slice(a, b).replace(/\s+/g, " ");
};

/** How a pair's field reads on each side, for the disagreement lists. */
function sides(p: Pair, f: Field): string {
  const r = p.truth.readings[0];
  const t = p.truth;
  const e = p.extracted;
  switch (f) {
    case "value":
      return `${t.value}${t.max !== undefined ? `-${t.max}` : ""} / ${e.value}${e.max !== undefined ? `-${e.max}` : ""}`;
    case "unit":
      return `${t.unit || "(none)"} / ${e.unit || "(none)"}`;
    case "qualifier":
      return `${t.qualifier} / ${e.qualifier}`;
    case "period":
      return `${p.truth.readings.map((x) => x.period).join("|")} / ${e.period}`;
    case "role":
      return `${p.truth.readings.map((x) => x.role).join("|")} / ${e.role}`;
    case "subject":
      return `${r?.subject} / ${e.subject}`;
    case "indicator":
      return `${p.truth.readings.map((x) => x.indicator).join("|")} / ${e.indicator} (${e.subject})`;
  }
}

/** A plain-text report of an evaluation, for the terminal: scores, then misses, false positives and each field's disagreements (`limit` of each). */
export function formatEvaluation(ev: Evaluation, source: string, limit = 20): string {
  const lines: string[] = [];
  const r = (x: Rate) => (x.of === 0 ? "n/a (not annotated)" : `${pct(x.rate)} (${x.agree}/${x.of})`);
  lines.push(
    `figures: ${ev.truth} in the truth, ${ev.extracted} extracted, ${ev.matched} matched`,
    `precision ${pct(ev.precision)}  recall ${pct(ev.recall)}  F1 ${pct(ev.f1)}`,
    `fields on matched figures: ${FIELDS.map((f) => `${f} ${r(ev.fields[f])}`).join(", ")}`,
    `  kind ${r(ev.agreement.kind)}; indicator where the truth's is a catalogue one ${r(ev.agreement.indicator)}; catalogue choices the truth shares ${r(ev.agreement.catalogueChoice)}`,
    "",
    `misses (${ev.misses.length}${ev.misses.length > limit ? `, first ${limit}` : ""}):`,
  );
  for (const m of ev.misses.slice(0, limit)) {
    const where =
      m.start >= 0 ? context(source, m.start, m.start + [...m.printed].length) : "(not placed in its quote)";
    lines.push(`  ${m.printed.padEnd(12)} ${m.readings.map((x) => x.kind ?? x.role).join("+")}  …${where}…`);
  }
  lines.push(
    "",
    `false positives (${ev.falsePositives.length}${ev.falsePositives.length > limit ? `, first ${limit}` : ""}):`,
  );
  for (const e of ev.falsePositives.slice(0, limit))
    lines.push(`  ${e.printed.padEnd(12)} ${e.kind}  …${context(source, e.start, e.end)}…`);
  for (const f of FIELDS) {
    const w = ev.wrong[f];
    if (w.length === 0) continue;
    lines.push("", `${f} disagreements, truth / extracted (${w.length}${w.length > limit ? `, first ${limit}` : ""}):`);
    for (const p of w.slice(0, limit))
      lines.push(
        `  ${p.truth.printed.padEnd(12)} ${sides(p, f)}  …${p.truth.start >= 0 ? context(source, p.truth.start, p.truth.end) : ""}…`,
      );
  }
  return lines.join("\n");
}

/** The observations a relation refers to, by role: total and parts, numerator…, base…, actual and target. */
export function relationRefs(r: Relation): Record<string, string | string[] | undefined> {
  switch (r.kind) {
    case "sum":
      return { total: r.total, parts: r.parts };
    case "ratio":
      return { numerator: r.numerator, denominator: r.denominator, ratio: r.ratio };
    case "derived_target":
      return { base: r.base, rate: r.rate, target: r.target };
    case "progress":
      return { actual: r.actual, target: r.target };
    case "average_growth":
      return { from: r.from, to: r.to, rate: r.rate };
    case "part":
      return { whole: r.whole, parts: r.parts };
    case "remainder":
      return { total: r.total, done: r.done, remaining: r.remaining };
    case "product":
      return { factors: r.factors, product: r.product };
    case "growth":
      return { from: r.from, to: r.to, rate: r.rate };
    case "per_capita":
      return { total: r.total, population: r.population, perCapita: r.perCapita };
    case "sequence":
    case "count":
      return {};
  }
}

export interface RelationEvaluation {
  truth: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  pairs: { truth: Relation; extracted: Relation }[];
  misses: Relation[];
  falsePositives: Relation[];
}

/** The relations between figures: numbered and counted lists are about words, which the curated data does not hold. */
export const figureRelations = (rs: readonly Relation[]): Relation[] =>
  rs.filter((r) => r.kind !== "sequence" && r.kind !== "count");

/**
 * Scores proposed relations (between figures: {@link figureRelations}) against curated ones. The two name observations differently, so a
 * curated observation is identified with the extracted one whose printed figure the figure
 * evaluation (`evaluate`) paired with its own quantity. A relation matches when its kind and every
 * figure in every role agree (the parts of a sum in any order; a derived target's printed target
 * counts too, so one that only one side records does not match).
 */
export function evaluateRelations(
  truth: Pick<Report, "relations">,
  extracted: Pick<Report, "relations">,
  figures: Evaluation,
): RelationEvaluation {
  truth = { relations: figureRelations(truth.relations) };
  extracted = { relations: figureRelations(extracted.relations) };
  const idOf = new Map<string, string>();
  for (const p of figures.pairs) {
    if (p.extracted.kind !== "observation" && p.extracted.kind !== "baseline") continue;
    for (const r of p.truth.readings) if (r.own) idOf.set(r.observation, p.extracted.observation);
  }
  const key = (r: Relation, map: (id: string) => string | undefined) =>
    JSON.stringify([
      r.kind,
      ...Object.entries(relationRefs(r)).map(([role, v]) => [
        role,
        v === undefined ? null : Array.isArray(v) ? v.map(map).sort() : map(v),
      ]),
    ]);
  const extractedKeys = new Map<string, Relation>();
  for (const r of extracted.relations)
    extractedKeys.set(
      key(r, (id) => id),
      r,
    );
  const pairs: RelationEvaluation["pairs"] = [];
  const misses: Relation[] = [];
  const used = new Set<Relation>();
  for (const t of truth.relations) {
    const e = extractedKeys.get(key(t, (id) => idOf.get(id) ?? `unmatched:${id}`));
    if (e && !used.has(e)) {
      used.add(e);
      pairs.push({ truth: t, extracted: e });
    } else misses.push(t);
  }
  const falsePositives = extracted.relations.filter((r) => !used.has(r));
  const n = extracted.relations.length;
  const m = truth.relations.length;
  return {
    truth: m,
    extracted: n,
    matched: pairs.length,
    precision: n === 0 ? 1 : pairs.length / n,
    recall: m === 0 ? 1 : pairs.length / m,
    pairs,
    misses,
    falsePositives,
  };
}

/** One line per relation: its kind and id, its figures as printed by role, and the quote it starts in. */
export function describeRelation(r: Relation, report: Pick<Report, "observations">): string {
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const fig = (id: string) => {
    const o = byId.get(id);
    return o ? formatQuantity(o.quantity) : `?${id}`;
  };
  const roles = Object.entries(relationRefs(r))
    .filter(([, v]) => v !== undefined)
    .map(([role, v]) => `${role} ${Array.isArray(v) ? v.map(fig).join(" + ") : fig(v as string)}`);
  const first = Object.values(relationRefs(r)).flat()[0];
  const quote = (first && byId.get(first)?.source.quote) ?? "";
  return `${r.kind.padEnd(14)} ${roles.join(", ")}  «${quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}»`;
}

/** A plain-text report of a relation evaluation, for the terminal. */
export function formatRelationEvaluation(
  ev: RelationEvaluation,
  truth: Pick<Report, "observations">,
  extracted: Pick<Report, "observations">,
): string {
  const lines = [
    `relations: ${ev.truth} curated, ${ev.extracted} proposed, ${ev.matched} matched (by kind and printed figures)`,
    `precision ${pct(ev.precision)}  recall ${pct(ev.recall)}`,
    "",
    `curated relations not proposed (${ev.misses.length}):`,
    ...ev.misses.map((r) => `  ${describeRelation(r, truth)}`),
    "",
    `proposed relations not curated (${ev.falsePositives.length}):`,
    ...ev.falsePositives.map((r) => `  ${describeRelation(r, extracted)}`),
  ];
  return lines.join("\n");
}
