/** Scoring one truth on its clean text and its layout variants, and the compact table of the results. */
import { type ExtractResult, extractReport } from "../src/index.js";
import { type Evaluation, evaluate, FIELDS, type Rate, rate, type TruthFigure } from "./evaluation.js";
import { type StageScore, scoreStages } from "./evaluation-stages.js";
import { makeVariant, placeInOriginal, VARIANT_NAMES } from "./evaluation-variants.js";

export interface Scored {
  report: string;
  /** How the truth relates to the extractor's rules: in-sample, development (tuning allowed), held-out. */
  use: string;
  layout: string;
  ev: Evaluation;
  extraction: ExtractResult;
  /** On the clean text: the truth scored after each figure stage too (evaluation-stages.ts). */
  stages?: StageScore[];
}

/** The truth scored on the clean text (first) and on each layout variant, by position in the original. */
export function scoreLayouts(report: string, use: string, text: string, truth: readonly TruthFigure[]): Scored[] {
  const { extraction, stages } = scoreStages(text, truth);
  const out: Scored[] = [
    { report, use, layout: "clean", ev: evaluate(truth, extraction.quantities), extraction, stages },
  ];
  for (const name of VARIANT_NAMES) {
    const v = makeVariant(name, text);
    const x = extractReport(v.text);
    out.push({ report, use, layout: name, ev: evaluate(truth, placeInOriginal(v, x.quantities)), extraction: x });
  }
  return out;
}

interface Totals {
  truth: number;
  extracted: number;
  matched: number;
  fields: Record<string, Rate>;
}

/** Counts added over several evaluations (a pooled score, not a mean of rates). */
export function pool(evs: readonly Evaluation[]): Totals {
  const fields: Record<string, Rate> = {};
  for (const f of FIELDS) {
    const agree = evs.reduce((s, e) => s + e.fields[f].agree, 0);
    const of = evs.reduce((s, e) => s + e.fields[f].of, 0);
    fields[f] = rate(agree, of);
  }
  return {
    truth: evs.reduce((s, e) => s + e.truth, 0),
    extracted: evs.reduce((s, e) => s + e.extracted, 0),
    matched: evs.reduce((s, e) => s + e.matched, 0),
    fields,
  };
}

const pct = (r: Rate) => (r.of === 0 ? "–" : (100 * r.rate).toFixed(1));

/**
 * One row per report and layout, then pooled rows per layout: over the hand-annotated texts, and over
 * the held-out ones alone. Recall and precision by position; each field over the matched figures
 * whose truth records it ("–": not annotated).
 */
export function formatTable(rows: readonly Scored[]): string {
  const head = ["report", "use", "layout", "truth", "found", "recall", "prec", ...FIELDS.map((f) => f.slice(0, 9))];
  const line = (report: string, use: string, layout: string, t: Totals) => [
    report,
    use,
    layout,
    String(t.truth),
    String(t.extracted),
    pct(rate(t.matched, t.truth)),
    pct(rate(t.matched, t.extracted)),
    ...FIELDS.map((f) => pct(t.fields[f] ?? rate(0, 0))),
  ];
  const body = rows.map((r) => line(r.report, r.use, r.layout, pool([r.ev])));
  const layouts = [...new Set(rows.map((r) => r.layout))];
  const annotated = rows.filter((r) => r.use !== "curated, in-sample");
  for (const [label, set] of [
    ["ALL hand-annotated", annotated],
    ["ALL held-out", annotated.filter((r) => r.use === "held-out")],
  ] as const) {
    if (set.length === 0) continue;
    for (const l of layouts) body.push(line(label, "", l, pool(set.filter((r) => r.layout === l).map((r) => r.ev))));
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [
    "Extraction quality: recall and precision by position; fields in % of matched figures",
    fmt(head),
    ...body.map(fmt),
  ].join("\n");
}
