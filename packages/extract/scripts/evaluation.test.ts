import { readFileSync } from "node:fs";
import { parseReport } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { type ExtractedQuantity, extractReport } from "../src/index.js";
import {
  evaluate,
  evaluateRelations,
  figureRelations,
  formatEvaluation,
  formatRelationEvaluation,
  normalizeSubject,
  subjectAgrees,
  type TruthFigure,
  truthFigures,
} from "./evaluation.js";
import { loadTruth, ZHANGJIANG } from "./paths.js";

describe("evaluate", () => {
  const source = "某镇报告。完成税收20亿元,比去年同期10亿元增长100%。新增企业9家。种树3棵。";
  const truth = loadTruthFrom(source);

  it("counts matches on value, unit and position; misses and false positives", () => {
    const extracted = extractReport(source).quantities;
    const t = truthFigures(truth, source);
    expect(t.map((f) => f.printed)).toEqual(["20亿元", "10亿元", "100%", "9家"]);
    // The baseline is read twice in the data (in the comparison and on its own) but printed once.
    expect(t[1]?.readings.map((r) => r.kind)).toEqual(["baseline", "baseline"]);
    const ev = evaluate(t, extracted);
    expect(ev).toMatchObject({ truth: 4, extracted: 5, matched: 4, recall: 1, precision: 0.8 });
    expect(ev.falsePositives.map((e) => e.printed)).toEqual(["3棵"]);
    expect(ev.agreement.role.rate).toBe(1);
    // Position is span overlap: a span that shares a code point matches, one beside it does not.
    const shift = (by: number) =>
      extracted.map((e) => (e.printed === "9家" ? { ...e, start: e.start + by, end: e.end + by } : e));
    expect(evaluate(t, shift(1)).misses).toEqual([]);
    expect(evaluate(t, shift(-1)).misses).toEqual([]);
    expect(evaluate(t, shift(2)).misses.map((m) => m.printed)).toEqual(["9家"]);
    expect(evaluate(t, shift(-2)).misses.map((m) => m.printed)).toEqual(["9家"]);
    // Pairs are made by position: a figure read with the wrong unit where it is printed is a wrong
    // unit, not a miss and a false positive (it used to be both, which hid what was wrong).
    const other = extracted.map((e): ExtractedQuantity => (e.printed === "9家" ? { ...e, unit: "个" } : e));
    const ev2 = evaluate(t, other);
    expect(ev2.matched).toBe(4);
    expect(ev2.fields.unit).toEqual({ agree: 3, of: 4, rate: 0.75 });
    expect(ev2.wrong.unit.map((p) => p.truth.printed)).toEqual(["9家"]);
    expect(formatEvaluation(ev, source)).toContain("precision 80.0%  recall 100.0%");
  });

  it("refuses curated data whose quote is not at its offset", () => {
    const bad = {
      ...truth,
      observations: truth.observations.map((o) => ({ ...o, source: { ...o.source, offset: 0 } })),
    };
    expect(() => truthFigures(bad, source)).toThrow(/not at offset/);
  });
});

/** A made-up extracted figure: only the fields the scorer reads matter. */
function fig(over: Partial<ExtractedQuantity> & { start: number; end: number }): ExtractedQuantity {
  return {
    value: 1,
    unit: "亿元",
    decimals: 0,
    qualifier: "exact",
    printed: "1亿元",
    kind: "observation",
    observation: "o",
    subject: "税收",
    quote: "",
    offset: 0,
    section: [],
    period: "2023",
    role: "actual",
    indicator: "tax_revenue",
    suggestions: [],
    ...over,
  };
}

/** A made-up hand-truth figure. */
function truthAt(
  start: number,
  end: number,
  over: Partial<TruthFigure> = {},
  reading: Partial<TruthFigure["readings"][number]> = {},
): TruthFigure {
  return {
    value: 1,
    unit: "亿元",
    qualifier: "exact",
    printed: "1亿元",
    start,
    end,
    quoteStart: start,
    quoteEnd: end,
    ...over,
    readings: [
      {
        observation: `t${start}`,
        role: "actual",
        period: "2023",
        subject: "税收",
        indicator: "tax_revenue",
        ...reading,
      },
    ],
  };
}

describe("each field is scored on its own", () => {
  it("value, unit, qualifier, period, role, subject: one wrong field counts against that field only", () => {
    const truth = [0, 10, 20, 30, 40, 50, 60].map((s) => truthAt(s, s + 4));
    const extracted = [
      fig({ start: 0, end: 4 }),
      fig({ start: 10, end: 14, value: 2 }),
      fig({ start: 20, end: 24, unit: "万元" }),
      fig({ start: 30, end: 34, qualifier: "more_than" }),
      fig({ start: 40, end: 44, period: "2024" }),
      fig({ start: 50, end: 54, role: "target" }),
      fig({ start: 60, end: 64, subject: "增长" }),
    ];
    const ev = evaluate(truth, extracted);
    expect(ev.matched).toBe(7);
    for (const [field, at] of [
      ["value", 10],
      ["unit", 20],
      ["qualifier", 30],
      ["period", 40],
      ["role", 50],
      ["subject", 60],
    ] as const) {
      expect(ev.fields[field], field).toEqual({ agree: 6, of: 7, rate: 6 / 7 });
      expect(
        ev.wrong[field].map((p) => p.truth.start),
        field,
      ).toEqual([at]);
    }
    expect(ev.fields.indicator.rate).toBe(1);
    expect(formatEvaluation(ev, "x".repeat(80))).toContain("value 85.7% (6/7)");
  });

  it("a range's upper end is part of its value", () => {
    const t = [truthAt(0, 4, { value: 3, max: 5, unit: "%" })];
    expect(evaluate(t, [fig({ start: 0, end: 4, value: 3, max: 5, unit: "%" })]).fields.value.rate).toBe(1);
    expect(evaluate(t, [fig({ start: 0, end: 4, value: 3, unit: "%" })]).fields.value.rate).toBe(0);
  });

  it("pairs by position, preferring the figure that reads right; a figure beside it is a miss", () => {
    // 8500亿元 broken by a line: the extractor reads 85 and 00亿元 over the same span.
    const t = [truthAt(0, 7, { value: 8500, printed: "8500亿元" })];
    const broken = [fig({ start: 0, end: 2, value: 85, unit: "" }), fig({ start: 2, end: 7, value: 0 })];
    const ev = evaluate(t, broken);
    expect(ev).toMatchObject({ matched: 1, extracted: 2 });
    expect(ev.fields.value.rate).toBe(0);
    expect(ev.falsePositives).toHaveLength(1);
    const right = evaluate(t, [...broken, fig({ start: 1, end: 7, value: 8500 })]);
    expect(right.fields.value.rate).toBe(1);
    expect(evaluate(t, [fig({ start: 7, end: 9, value: 8500 })]).misses).toHaveLength(1);
  });

  it("fields a truth does not record are not scored", () => {
    const t = [truthAt(0, 4, { qualifier: undefined }, { subject: undefined, indicator: undefined })];
    const ev = evaluate(t, [fig({ start: 0, end: 4, qualifier: "nearly", subject: "x", indicator: "gdp" })]);
    expect(ev.fields.qualifier.of).toBe(0);
    expect(ev.fields.subject.of).toBe(0);
    expect(ev.fields.indicator.of).toBe(0);
    expect(formatEvaluation(ev, "xxxx")).toContain("subject n/a (not annotated)");
  });

  it("a catalogue indicator must be the same id; a local one must group the same figures", () => {
    const t = [
      truthAt(0, 4, {}, { indicator: "gdp" }),
      truthAt(10, 14, {}, { indicator: "local:粮食产量" }),
      truthAt(20, 24, {}, { indicator: "local:粮食产量" }),
      truthAt(30, 34, {}, { indicator: "local:粮食播种面积" }),
    ];
    const x = (ids: string[]) => ids.map((indicator, i) => fig({ start: 10 * i, end: 10 * i + 4, indicator }));
    // Names differ freely; the grouping is what counts.
    expect(evaluate(t, x(["gdp", "local.mass-a", "local.mass-a", "local.area-b"])).fields.indicator.rate).toBe(1);
    // A series split in two: both of its figures are wrong, the other local one is still right.
    const split = evaluate(t, x(["gdp", "local.mass-a", "local.mass-c", "local.area-b"]));
    expect(split.wrong.indicator.map((p) => p.truth.start)).toEqual([10, 20]);
    // Two series merged: all three figures are wrong.
    const merged = evaluate(t, x(["gdp", "local.a", "local.a", "local.a"]));
    expect(merged.wrong.indicator.map((p) => p.truth.start)).toEqual([10, 20, 30]);
    // A catalogue id where the truth has a local one, and the other way round.
    const swapped = evaluate(t, x(["local.gdp", "grain_output", "local.mass-a", "local.area-b"]));
    expect(swapped.wrong.indicator.map((p) => p.truth.start)).toEqual([0, 10, 20]);
  });

  it("subjects agree when the extracted one names the truth's phrase and little more", () => {
    expect(normalizeSubject("全省 粮食产量")).toBe("粮食产量");
    expect(normalizeSubject("“１２３４５”热线")).toBe("12345热线");
    expect(subjectAgrees("粮食产量", "全省粮食总产量")).toBe(false);
    expect(subjectAgrees("粮食产量", "全省粮食产量累计")).toBe(true);
    expect(subjectAgrees("规模以上工业增加值", "规上工业增加值")).toBe(false);
    expect(subjectAgrees("税收", "完成区级税收")).toBe(true);
    expect(subjectAgrees("税收", "我们持续优化营商环境全年完成区级税收")).toBe(false);
    expect(subjectAgrees("税收", "增长")).toBe(false);
  });
});

describe("evaluateRelations", () => {
  const source =
    "某镇人民政府工作报告\n第一部分 上半年主要工作情况\n梳理企业名录30家(本地企业20家、外地企业10家)。受理投诉40件,办结36件,办结率90%。\n";
  const draft = extractReport(source).report;
  // Curated data names its observations its own way: the same report with every id renamed.
  const rename = (id: string) => `curated-${id}`;
  const curated = parseOrThrow({
    ...draft,
    observations: draft.observations.map((o) => ({ ...o, id: rename(o.id) })),
    relations: draft.relations.map((r) =>
      r.kind === "sum"
        ? { ...r, id: `c-${r.id}`, total: rename(r.total), parts: r.parts.map(rename) }
        : r.kind === "ratio"
          ? {
              ...r,
              id: `c-${r.id}`,
              numerator: rename(r.numerator),
              denominator: rename(r.denominator),
              ratio: rename(r.ratio),
            }
          : r,
    ),
  });
  const figures = () => evaluate(truthFigures(curated, source), extractReport(source).quantities);

  it("matches relations by kind and by the printed figures, whatever the observations are called", () => {
    expect(draft.relations.map((r) => r.kind)).toEqual(["sum", "ratio"]);
    const ev = evaluateRelations(curated, draft, figures());
    expect(ev).toMatchObject({ truth: 2, extracted: 2, matched: 2, precision: 1, recall: 1 });
  });

  it("counts a relation over other figures as a miss and a false positive", () => {
    const [sum, ratio] = curated.relations;
    if (sum?.kind !== "sum" || ratio?.kind !== "ratio") throw new Error("expected a sum and a ratio");
    // The ratio read over the wrong denominator (the sum's total), and the parts of the sum reordered.
    const wrong = {
      relations: [
        { ...sum, parts: [...sum.parts].reverse() },
        { ...ratio, denominator: sum.total },
      ],
    };
    const ev = evaluateRelations(wrong, draft, figures());
    expect(ev).toMatchObject({ truth: 2, extracted: 2, matched: 1, precision: 0.5, recall: 0.5 });
    expect(ev.misses.map((r) => r.kind)).toEqual(["ratio"]);
    expect(ev.falsePositives.map((r) => r.kind)).toEqual(["ratio"]);
    const text = formatRelationEvaluation(ev, curated, draft);
    expect(text).toContain("precision 50.0%  recall 50.0%");
    expect(text).toContain("ratio          numerator 36件, denominator 30家, ratio 90%");
  });
});

describe("against the curated Zhangjiang data", () => {
  it("computes figures within [0, 1], well above the aim (recall ≥ 95%, precision ≥ 90%)", () => {
    const source = readFileSync(ZHANGJIANG.source, "utf8");
    const t = truthFigures(loadTruth(ZHANGJIANG.report), source);
    const ev = evaluate(t, extractReport(source).quantities);
    expect(ev.truth).toBeGreaterThan(150);
    for (const x of [ev.precision, ev.recall, ev.f1, ...Object.values(ev.agreement).map((a) => a.rate)]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    // The curated data is still growing, so this is a floor, not the measured score.
    expect(ev.recall).toBeGreaterThanOrEqual(0.9);
    expect(ev.precision).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it("scores the proposed relations against the curated ones", () => {
    const source = readFileSync(ZHANGJIANG.source, "utf8");
    const truth = loadTruth(ZHANGJIANG.report);
    const extraction = extractReport(source);
    const ev = evaluateRelations(
      truth,
      extraction.report,
      evaluate(truthFigures(truth, source), extraction.quantities),
    );
    expect(ev.truth).toBe(truth.relations.length);
    // Relations between figures: the lists of words (sequence, count) are not curated, nor scored.
    expect(ev.extracted).toBe(figureRelations(extraction.report.relations).length);
    expect(ev.matched).toBe(ev.pairs.length);
    expect(ev.misses.length + ev.matched).toBe(ev.truth);
    expect(ev.falsePositives.length + ev.matched).toBe(ev.extracted);
    // A floor for the in-sample score (the rules were written reading this text), not the measured one.
    expect(ev.recall).toBeGreaterThanOrEqual(0.7);
    expect(ev.precision).toBeGreaterThanOrEqual(0.7);
  }, 60_000);
});

/** A tiny curated report over `source`, built the way report.yaml is written. */
function loadTruthFrom(source: string) {
  const cp = (s: string) => [...source.slice(0, source.indexOf(s))].length;
  const base = { role: "actual", period: "2023-H1", section: [] } as const;
  const q = (value: number, unit: string, printed: string) => ({
    value,
    unit,
    decimals: 0,
    qualifier: "exact",
    printed,
  });
  const report = {
    id: "t",
    title: { zh: "t", en: "t" },
    jurisdiction: { name: { zh: "某镇", en: "x" }, level: "town" },
    source: { sha256: "0".repeat(64) },
    period: "2023-H1",
    observations: [
      {
        ...base,
        id: "tax",
        indicator: "tax_revenue",
        quantity: q(20, "亿元", "20亿元"),
        comparison: {
          direction: "increase",
          baseline: { quantity: q(10, "亿元", "10亿元"), period: "2022-H1" },
          percent: q(100, "%", "100%"),
        },
        source: { quote: "完成税收20亿元,比去年同期10亿元增长100%", offset: cp("完成税收") },
      },
      {
        ...base,
        id: "tax-base",
        indicator: "tax_revenue",
        role: "baseline",
        period: "2022-H1",
        quantity: q(10, "亿元", "10亿元"),
        source: { quote: "比去年同期10亿元", offset: cp("比去年同期") },
      },
      {
        ...base,
        id: "firms",
        indicator: "new_enterprises",
        quantity: q(9, "家", "9家"),
        source: { quote: "新增企业9家", offset: cp("新增企业") },
      },
    ],
  };
  return parseOrThrow(report);
}

function parseOrThrow(x: unknown) {
  const r = parseReport(x);
  if (!r.success) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.report;
}
