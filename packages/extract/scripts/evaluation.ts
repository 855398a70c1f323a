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
  unit: string;
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

/** What the truth says about a figure. A hand annotation records no indicator or kind: those are not scored. */
export interface Reading {
  observation: string;
  /** True when the figure is the observation's own quantity (not a part of its comparison). */
  own?: boolean;
  role: string;
  period: string;
  kind?: string;
  indicator?: string;
}

export interface Pair {
  truth: TruthFigure;
  extracted: ExtractedQuantity;
}

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

const rate = (agree: number, of: number): Rate => ({ agree, of, rate: of === 0 ? 1 : agree / of });
const CATALOGUE_IDS = new Set(CATALOGUE.map((i) => i.id));
const inCatalogue = (id: string | undefined) => id !== undefined && CATALOGUE_IDS.has(id);
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

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
      unit: q.unit,
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
 * Scores extracted figures against the truth. A pair matches on value and unit, and on position:
 * the extracted span overlaps the truth span (the same start preferred, so a neighbour cannot take
 * it), or, for a curated figure that cannot be placed in its quote, the extracted figure lies inside
 * the curated quote. Overlap rather than equal spans, because where a figure begins is itself a
 * judgement (近1.6万条 or 1.6万条). Each figure is matched at most once.
 */
export function evaluate(truth: readonly TruthFigure[], extracted: readonly ExtractedQuantity[]): Evaluation {
  const used = new Set<ExtractedQuantity>();
  const pairs: Pair[] = [];
  const misses: TruthFigure[] = [];
  const fits = (t: TruthFigure, e: ExtractedQuantity) => !used.has(e) && same(e.value, t.value) && e.unit === t.unit;
  for (const t of truth) {
    const e =
      extracted.find((x) => fits(t, x) && t.start >= 0 && x.start === t.start) ??
      extracted.find((x) => fits(t, x) && t.start >= 0 && x.start < t.end && t.start < x.end) ??
      extracted.find((x) => fits(t, x) && t.start < 0 && x.start >= t.quoteStart && x.end <= t.quoteEnd);
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
    agreement: {
      role: agree((p) => p.truth.readings.some((r) => r.role === p.extracted.role)),
      period: agree((p) => p.truth.readings.some((r) => r.period === p.extracted.period)),
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

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const context = (source: string, start: number, end: number) => {
  const a = codePointToIndex(source, Math.max(0, start - 8));
  const b = codePointToIndex(source, end + 8);
  return source.slice(a, b).replace(/\s+/g, " ");
};

/** A plain-text report of an evaluation, for the terminal. */
export function formatEvaluation(ev: Evaluation, source: string, limit = 20): string {
  const lines: string[] = [];
  const r = (x: Rate) => (x.of === 0 ? "n/a (not annotated)" : `${pct(x.rate)} (${x.agree}/${x.of})`);
  lines.push(
    `figures: ${ev.truth} in the truth, ${ev.extracted} extracted, ${ev.matched} matched`,
    `precision ${pct(ev.precision)}  recall ${pct(ev.recall)}  F1 ${pct(ev.f1)}`,
    `agreement on matched figures: role ${r(ev.agreement.role)}, period ${r(ev.agreement.period)}, kind ${r(ev.agreement.kind)}`,
    `  indicator (curated is a catalogue indicator) ${r(ev.agreement.indicator)}; catalogue choices the data shares ${r(ev.agreement.catalogueChoice)}`,
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
  const disagreements = ev.pairs.filter(
    (p) =>
      !p.truth.readings.some((x) => x.role === p.extracted.role) ||
      !p.truth.readings.some((x) => x.period === p.extracted.period),
  );
  lines.push(
    "",
    `role or period disagreements (${disagreements.length}${disagreements.length > limit ? `, first ${limit}` : ""}):`,
  );
  for (const p of disagreements.slice(0, limit)) {
    const t = p.truth.readings[0];
    lines.push(
      `  ${p.truth.printed.padEnd(12)} truth ${t?.role}/${t?.period}, extracted ${p.extracted.role}/${p.extracted.period}  …${context(source, p.extracted.start, p.extracted.end)}…`,
    );
  }
  const wrongIndicator = ev.pairs.filter(
    (p) =>
      p.truth.readings.some((x) => inCatalogue(x.indicator)) &&
      !p.truth.readings.some((x) => x.indicator === p.extracted.indicator),
  );
  lines.push(
    "",
    `indicator disagreements (${wrongIndicator.length}${wrongIndicator.length > limit ? `, first ${limit}` : ""}):`,
  );
  for (const p of wrongIndicator.slice(0, limit))
    lines.push(
      `  ${p.truth.printed.padEnd(12)} curated ${p.truth.readings.map((x) => x.indicator).join("/")}, extracted ${p.extracted.indicator} (subject ${p.extracted.subject})`,
    );
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

/**
 * Scores proposed relations against curated ones. The two name observations differently, so a
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
