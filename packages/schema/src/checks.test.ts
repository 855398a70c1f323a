import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acknowledges,
  type CheckOptions,
  checkReport,
  codePointToIndex,
  indexToCodePoint,
  unusedAcknowledgements,
} from "./checks.js";
import { type CheckedRelation, coverageLine, summarizeCoverage } from "./checks-coverage.js";
import { FINDING_CODES, type Finding, type FindingCode } from "./finding.js";
import { type Indicator, indicatorId } from "./indicator.js";
import { div, formatInterval, interval, mul, rounded, scale, sub } from "./interval.js";
import {
  type AcknowledgedFinding,
  type ObservationInput,
  type Report,
  type ReportInput,
  ReportSchema,
} from "./report.js";

// Sentences from the Zhangjiang 2023 mid-year report, behind an emoji so that code points and
// UTF-16 indices differ for every quote.
const SOURCE = [
  "😀张江镇政府工作报告",
  "1-5月,共计完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%;完成区级财政收入5.72亿元,比去年同期3.69亿元增长2.03亿元,增幅55.2%。",
  "梳理户管清单4718家(镇域企业2506家、管镇企业2212家)。",
  "备案公文总数43件,主动公开42件,免于公开1件,主动公开率98%。",
  "拨打12345热线受理近1.6万条。",
].join("\n");

/** Code-point offset of a quote in SOURCE, computed independently of the code under test. */
const offsetOf = (quote: string) => {
  const i = SOURCE.indexOf(quote);
  if (i < 0) throw new Error(`test quote not in source: ${quote}`);
  return [...SOURCE.slice(0, i)].length;
};

type Q = ObservationInput["quantity"];
let n = 0;
function obs(indicator: string, quantity: Q, extra: Partial<ObservationInput> = {}): ObservationInput {
  const quote = extra.source?.quote ?? SOURCE.split("\n")[1] ?? "";
  return {
    id: `o${++n}`,
    indicator,
    role: "actual",
    period: "2023-01/2023-05",
    quantity,
    section: [],
    ...extra,
    source: { quote, offset: extra.source?.offset ?? offsetOf(quote) },
  };
}
const yi = (value: number, decimals = 2): Q => ({ value, unit: "亿元", decimals });
const pct = (value: number, decimals = 1): Q => ({ value, unit: "%", decimals });

function report(input: Partial<ReportInput>): Report {
  return ReportSchema.parse({
    id: "test",
    title: { zh: "测试", en: "Test" },
    jurisdiction: { name: { zh: "张江镇", en: "Zhangjiang" }, level: "town" },
    source: { sha256: "0".repeat(64) },
    period: "2023-H1",
    observations: [],
    ...input,
  });
}
const check = (r: Report, sourceText?: string, more: Omit<CheckOptions, "sourceText"> = {}) =>
  checkReport(r, sourceText === undefined ? more : { ...more, sourceText });
const codes = (fs: Finding[]) => fs.map((f) => f.code).filter((c) => c !== "provenance.no_source");
const only = (fs: Finding[], code: FindingCode) => fs.filter((f) => f.code === code);
// The interval a finding shows, as checks print it: `decimals` places, then the unit.
const shown = (lo: number, hi: number, decimals: number, unit: string) =>
  `${formatInterval(interval(lo, hi), decimals)}${unit}`;

const seen = new Set<FindingCode>();
const record = (fs: Finding[]) => {
  for (const f of fs) seen.add(f.code);
  return fs;
};

describe("comparisons, with rounding-aware arithmetic", () => {
  it("accepts 5.72 vs 3.69: 增长2.03, 增幅55.2%", () => {
    const o = obs("district_fiscal_revenue", yi(5.72), {
      comparison: {
        baseline: { quantity: yi(3.69), period: "2022-01/2022-05" },
        direction: "increase",
        change: yi(2.03),
        percent: pct(55.2),
      },
    });
    const r = check(report({ observations: [o] }), SOURCE);
    expect(codes(r.findings)).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("flags 20.17 vs 13.88 with 增长6.39 (the difference is 6.29), but accepts 增幅45.4%", () => {
    const o = obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: yi(13.88), period: "2022-01/2022-05" },
        direction: "increase",
        change: yi(6.39),
        percent: pct(45.4),
      },
    });
    const r = check(report({ observations: [o] }), SOURCE);
    const found = record(r.findings);
    expect(codes(found)).toEqual(["comparison.change_mismatch"]);
    const [f] = only(found, "comparison.change_mismatch");
    const diff = sub(rounded(20.17, 2), rounded(13.88, 2));
    expect(diff.hi).toBeLessThan(6.39 - 0.005); // why it fails
    expect(f).toMatchObject({
      severity: "error",
      observations: [o.id],
      stated: "6.39亿元",
      computed: shown(diff.lo, diff.hi, 4, "亿元"),
      path: "$.observations[0].comparison.change.value",
      acknowledged: false,
    });
    expect(f?.message.en).toContain("6.39亿元");
    expect(r.valid).toBe(false);
    // 45.4% passes only because 20.17 and 13.88 are themselves rounded.
    expect((20.17 / 13.88 - 1) * 100).toBeLessThan(45.35);
    const ratio = scale(sub(div(rounded(20.17, 2), rounded(13.88, 2)), interval(1)), 100);
    expect(ratio.hi).toBeGreaterThanOrEqual(45.35);
  });

  it("flags a percent change that does not follow", () => {
    const o = obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: yi(13.88), period: "2022-01/2022-05" },
        direction: "increase",
        percent: pct(54.5),
      },
    });
    const found = record(check(report({ observations: [o] })).findings);
    expect(codes(found)).toEqual(["comparison.percent_mismatch"]);
    const ratio = scale(sub(div(rounded(20.17, 2), rounded(13.88, 2)), interval(1)), 100);
    expect(only(found, "comparison.percent_mismatch")[0]?.computed).toBe(shown(ratio.lo, ratio.hi, 3, "%"));
  });

  it("flags a stated direction the figures contradict", () => {
    const o = obs("tax_revenue", yi(13.88), {
      comparison: { baseline: { quantity: yi(20.17), period: "2022-01/2022-05" }, direction: "increase" },
    });
    expect(codes(record(check(report({ observations: [o] })).findings))).toEqual(["comparison.direction_mismatch"]);
    const down = obs("tax_revenue", yi(13.88), {
      comparison: {
        baseline: { quantity: yi(20.17), period: "2022-01/2022-05" },
        direction: "decrease",
        change: yi(6.29),
      },
    });
    expect(codes(check(report({ observations: [down] })).findings)).toEqual([]);
  });

  it("checks percentage points and warns when a rate's change is printed in %", () => {
    const base = { quantity: { value: 55, unit: "%", decimals: 0 }, period: "2022" };
    const points = (p: number) =>
      obs(
        "waste_recycling_rate",
        { value: 60, unit: "%", decimals: 0 },
        {
          comparison: { baseline: base, direction: "increase", points: { value: p, unit: "个百分点", decimals: 0 } },
        },
      );
    expect(codes(check(report({ observations: [points(5)] })).findings)).toEqual([]);
    // 60 − 55 is [4, 6] once rounding is counted: 3 is outside.
    const found = record(check(report({ observations: [points(3)] })).findings);
    expect(codes(found)).toEqual(["comparison.points_mismatch"]);
    const d = sub(rounded(60, 0), rounded(55, 0));
    expect(only(found, "comparison.points_mismatch")[0]?.computed).toBe(shown(d.lo, d.hi, 2, "个百分点"));
    const asPercent = obs(
      "waste_recycling_rate",
      { value: 60, unit: "%", decimals: 0 },
      {
        comparison: { direction: "increase", percent: pct(5, 0) },
      },
    );
    const w = record(check(report({ observations: [asPercent] })).findings);
    expect(codes(w)).toEqual(["comparison.percent_for_points"]);
    expect(only(w, "comparison.percent_for_points")[0]?.severity).toBe("warning");
  });

  it("refuses to compare a baseline in another dimension", () => {
    const o = obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: { value: 5, unit: "家", decimals: 0 }, period: "2022" },
        direction: "increase",
      },
    });
    const found = record(check(report({ observations: [o] })).findings);
    expect(codes(found)).toEqual(["relation.unit_mismatch"]);
    expect(found.find((f) => f.code === "relation.unit_mismatch")?.path).toBe(
      "$.observations[0].comparison.baseline.quantity.unit",
    );
  });
});

describe("relations", () => {
  const line = SOURCE.split("\n")[2] ?? "";
  const firms = (value: number) =>
    obs("registered_enterprises", { value, unit: "家", decimals: 0 }, { source: { quote: line, offset: 0 } });

  it("sum: 4718家 = 2506家 + 2212家, and flags parts that do not add up", () => {
    const [t, a, b] = [firms(4718), firms(2506), firms(2212)];
    const ok = report({
      observations: [t, a, b],
      relations: [{ kind: "sum", id: "r", total: t.id, parts: [a.id, b.id] }],
    });
    expect(codes(check(ok).findings)).toEqual([]);
    const c = firms(2200);
    const bad = report({
      observations: [t, a, c],
      relations: [{ kind: "sum", id: "r", total: t.id, parts: [a.id, c.id] }],
    });
    const found = record(check(bad).findings);
    expect(codes(found)).toEqual(["relation.sum_mismatch"]);
    // Whole counts of single units are exact, so the computed sum is one number.
    expect(found[0]).toMatchObject({
      relation: "r",
      observations: [t.id, a.id, c.id],
      stated: "4718家",
      computed: `${2506 + 2200}家`,
      path: "$.relations[0]",
    });
  });

  it("sum of whole counts is exact: a breakdown of three parts off by one is flagged", () => {
    const proj = (v: number) => obs("self_governance_projects", { value: v, unit: "个", decimals: 0 });
    const [t, a, b, c] = [proj(39), proj(9), proj(15), proj(15)];
    const rel = (total: string) => [{ kind: "sum" as const, id: "r", total, parts: [a.id, b.id, c.id] }];
    expect(codes(check(report({ observations: [t, a, b, c], relations: rel(t.id) })).findings)).toEqual([]);
    const off = proj(40);
    expect(codes(check(report({ observations: [off, a, b, c], relations: rel(off.id) })).findings)).toEqual([
      "relation.sum_mismatch",
    ]);
    // Scaled counts (万户) and measures stay rounded: 0.5万户 + 0.7万户 may print as 1.3万户.
    const wan = (v: number) => obs("sewage_treated_households", { value: v, unit: "万户", decimals: 1 });
    const [w, x, y] = [wan(1.3), wan(0.5), wan(0.7)];
    expect(
      codes(
        check(
          report({ observations: [w, x, y], relations: [{ kind: "sum", id: "r", total: w.id, parts: [x.id, y.id] }] }),
        ).findings,
      ),
    ).toEqual([]);
  });

  it("sum across units converts, and refuses incommensurable parts", () => {
    const t = obs("tax_revenue", yi(1.5, 1));
    const a = obs("tax_revenue", yi(1, 0));
    const b = obs("tax_revenue", { value: 5000, unit: "万元", decimals: 0 });
    const rel = { kind: "sum" as const, id: "r", total: t.id, parts: [a.id, b.id] };
    expect(codes(check(report({ observations: [t, a, b], relations: [rel] })).findings)).toEqual([]);
    const h = obs("registered_enterprises", { value: 5, unit: "户", decimals: 0 });
    const p = obs("registered_enterprises", { value: 5, unit: "人", decimals: 0 });
    const q = obs("registered_enterprises", { value: 5, unit: "户", decimals: 0 });
    const r = report({
      observations: [h, p, q],
      relations: [{ kind: "sum", id: "r", total: h.id, parts: [p.id, q.id] }],
    });
    expect(codes(record(check(r).findings))).toContain("relation.unit_mismatch");
  });

  it("ratio: 主动公开率98% = 42件 / 43件; 90% is flagged", () => {
    const doc = (v: number) => obs("documents", { value: v, unit: "件", decimals: 0 });
    const num = doc(42);
    const den = doc(43);
    const rate = (v: number) => obs("disclosure_rate", { value: v, unit: "%", decimals: 0 });
    const local: Indicator[] = [
      {
        id: indicatorId("documents"),
        name: { zh: "公文", en: "Documents" },
        category: "governance",
        dimension: "count",
        direction: "neutral",
      },
      {
        id: "disclosure_rate",
        name: { zh: "主动公开率", en: "Disclosure rate" },
        category: "governance",
        dimension: "percent",
        direction: "higher_is_better",
        bounds: [0, 100],
      },
    ];
    const rel = (ratio: string) => [{ kind: "ratio" as const, id: "r", numerator: num.id, denominator: den.id, ratio }];
    const good = rate(98);
    expect(
      codes(
        check(report({ indicators: [...local], observations: [num, den, good], relations: rel(good.id) })).findings,
      ),
    ).toEqual([]);
    const bad = rate(90);
    const found = record(
      check(report({ indicators: [...local], observations: [num, den, bad], relations: rel(bad.id) })).findings,
    );
    expect(codes(found)).toEqual(["relation.ratio_mismatch"]);
    const x = scale(div(interval(42), interval(43)), 100);
    expect(found[0]?.computed).toBe(shown(x.lo, x.hi, 2, "%"));
  });

  it("derived target: base × (1 + rate), stated or computed", () => {
    const base = obs("tax_revenue", yi(30.2), { period: "2022" });
    const rate = obs("tax_revenue_growth", pct(10, 0), { role: "target", period: "2023" });
    const target = (v: number) => obs("tax_revenue", yi(v), { role: "target", period: "2023" });
    const rel = (t?: string) => [
      { kind: "derived_target" as const, id: "r", base: base.id, rate: rate.id, ...(t ? { target: t } : {}) },
    ];
    // 30.20 printed with 2 decimals, 10% with none: the target lies in [30.195 × 1.095, 30.205 × 1.105].
    const growth = mul(rounded(30.2, 2), interval(1 + 0.095, 1 + 0.105));
    expect(growth.lo).toBeCloseTo(30.195 * 1.095, 10);
    const info = record(check(report({ observations: [base, rate], relations: rel() })).findings);
    expect(codes(info)).toEqual(["relation.derived_target"]);
    expect(info.find((f) => f.code === "relation.derived_target")).toMatchObject({
      severity: "info",
      computed: shown(growth.lo, growth.hi, 3, "亿元"),
    });
    const ok = target(33.22);
    expect(codes(check(report({ observations: [base, rate, ok], relations: rel(ok.id) })).findings)).toEqual([]);
    const off = target(40);
    expect(codes(record(check(report({ observations: [base, rate, off], relations: rel(off.id) })).findings))).toEqual([
      "relation.derived_target_mismatch",
    ]);
  });

  it("progress: an actual against its target, as info", () => {
    const actual = obs("elevators_added_completed", { value: 10, unit: "台", decimals: 0 });
    const goal = obs(
      "elevators_added_completed",
      { value: 20, unit: "台", decimals: 0 },
      { role: "target", period: "2023" },
    );
    const found = record(
      check(
        report({
          observations: [actual, goal],
          relations: [{ kind: "progress", id: "p", actual: actual.id, target: goal.id }],
        }),
      ).findings,
    );
    expect(codes(found)).toEqual(["relation.progress"]);
    const pctDone = scale(div(interval(10), interval(20)), 100);
    expect(found.find((f) => f.code === "relation.progress")).toMatchObject({
      severity: "info",
      stated: "10台 / 20台",
      computed: shown(pctDone.lo, pctDone.hi, 1, "%"),
    });
  });

  it("reports references to observations that do not exist", () => {
    const a = obs("registered_enterprises", { value: 1, unit: "家", decimals: 0 });
    const r = report({
      observations: [a],
      relations: [{ kind: "sum", id: "r", total: a.id, parts: ["nope", "gone"] }],
    });
    const found = record(only(check(r).findings, "report.unknown_reference"));
    expect(found.map((f) => f.path)).toEqual(["$.relations[0].parts[0]", "$.relations[0].parts[1]"]);
    expect(found[0]?.message.en).toContain("nope");
  });
});

describe("observations", () => {
  it("flags an indicator that is neither in the catalogue nor local", () => {
    const found = record(check(report({ observations: [obs("no_such_thing", yi(1))] })).findings);
    expect(codes(found)).toEqual(["indicator.unknown"]);
    expect(found[0]?.path).toBe("$.observations[0].indicator");
  });

  it("warns about an unknown unit without invalidating the report, and takes declared units", () => {
    const o = obs("registered_enterprises", { value: 3, unit: "网格", decimals: 0 });
    const r = check(report({ observations: [o] }));
    expect(codes(record(r.findings))).toEqual(["unit.unknown"]);
    expect(r.valid).toBe(true);
    expect(r.summary.warning).toBe(1);
    const declared = [
      { id: "网格", zh: "网格", en: "grid cells", dimension: "count", base: "网格", scale: 1 },
    ] as const;
    expect(codes(check(report({ units: [...declared], observations: [o] })).findings)).toEqual([]);
  });

  it("flags a unit of the wrong dimension for its indicator", () => {
    const found = record(
      check(report({ observations: [obs("tax_revenue", { value: 3, unit: "家", decimals: 0 })] })).findings,
    );
    expect(codes(found)).toEqual(["unit.dimension_mismatch"]);
  });

  it("flags rates outside their bounds, including a range's upper end", () => {
    const rate = (q: Q) => codes(record(check(report({ observations: [obs("waste_recycling_rate", q)] })).findings));
    expect(rate(pct(98.5))).toEqual([]);
    expect(rate(pct(100, 0))).toEqual([]);
    expect(rate(pct(120, 0))).toEqual(["value.out_of_bounds"]);
    expect(rate({ value: 90, max: 101, unit: "%", decimals: 0 })).toEqual(["value.out_of_bounds"]);
  });

  it("reports duplicate ids of observations, relations and indicators", () => {
    const a = obs("registered_enterprises", { value: 1, unit: "家", decimals: 0 });
    const b = { ...a };
    const ind = {
      id: "x_local",
      name: { zh: "甲", en: "x" },
      category: "economy",
      dimension: "count",
      direction: "neutral",
    } as const;
    const r = report({
      indicators: [ind, ind],
      observations: [a, b],
      relations: [{ kind: "progress", id: a.id, actual: a.id, target: a.id }],
    });
    const found = record(only(check(r).findings, "report.duplicate_id"));
    expect(found.map((f) => f.path).sort()).toEqual([
      "$.indicators[1].id",
      "$.observations[1].id",
      "$.relations[0].id",
    ]);
  });
});

describe("provenance (offsets in code points)", () => {
  const line = SOURCE.split("\n")[4] ?? "";
  const hotline = (
    extra: Partial<ObservationInput> = {},
    q: Q = { value: 1.6, unit: "万条", decimals: 1, qualifier: "nearly" },
  ) => obs("hotline_tickets", q, { source: { quote: line, offset: offsetOf(line) }, ...extra });
  const local = [
    {
      id: "hotline_tickets",
      name: { zh: "热线工单", en: "Hotline tickets" },
      category: "governance",
      dimension: "count",
      direction: "neutral",
    },
  ] as const;
  const run = (o: ObservationInput) =>
    record(check(report({ indicators: [...local], observations: [o] }), SOURCE).findings);

  it("converts between code points and UTF-16 indices", () => {
    const s = "a😀b😀c";
    expect(codePointToIndex(s, 2)).toBe(3);
    expect(indexToCodePoint(s, 3)).toBe(2);
    for (let cp = 0; cp <= [...s].length; cp++) expect(indexToCodePoint(s, codePointToIndex(s, cp))).toBe(cp);
    // The quotes in SOURCE start after the emoji, so code points are one less than indices.
    expect(offsetOf(line)).toBe(SOURCE.indexOf(line) - 1);
  });

  it("accepts a quote at its code-point offset with the figure in it", () => {
    expect(codes(run(hotline()))).toEqual([]);
    expect(
      codes(
        run(
          hotline({ quantity: { value: 1.6, unit: "万条", decimals: 1, qualifier: "nearly", printed: "近1.6万条" } }),
        ),
      ),
    ).toEqual([]);
  });

  it("flags a quote the source does not contain", () => {
    const found = run(hotline({ source: { quote: "拨打12345热线受理近1.7万条", offset: 0 } }));
    expect(codes(found)).toEqual(["provenance.quote_not_found"]);
  });

  it("searches the whole text for misplaced quotes only within a budget, and says when it stopped", () => {
    const nowhere = (id: string, quote: string) => hotline({ id, source: { quote, offset: 0 } });
    const two = report({
      indicators: [...local],
      observations: [nowhere("o1", "拨打12345热线受理近1.7万条"), nowhere("o2", "拨打12345热线受理近1.8万条")],
    });
    // Under the default budget a short text is searched for every quote.
    expect(codes(record(check(two, SOURCE).findings))).toEqual([
      "provenance.quote_not_found",
      "provenance.quote_not_found",
    ]);
    // A budget of one read of the text: the first quote is looked for, the second is not, and says so.
    const one = check(two, SOURCE, { quoteSearchBudget: SOURCE.length });
    expect(record(one.findings).map((f) => [f.observations[0], f.code])).toEqual([
      ["o1", "provenance.quote_not_found"],
      ["o2", "provenance.quote_not_searched"],
    ]);
    expect(one.valid).toBe(false);
    // A quote near its recorded place is found whatever the budget.
    const right = offsetOf(line);
    const near = check(
      report({ indicators: [...local], observations: [hotline({ source: { quote: line, offset: right + 3 } })] }),
      SOURCE,
      {
        quoteSearchBudget: 0,
      },
    );
    expect(codes(record(near.findings))).toEqual(["provenance.offset_mismatch"]);
  });

  it("flags a wrong offset and gives the right one", () => {
    const right = offsetOf(line);
    const found = run(hotline({ source: { quote: line, offset: right + 1 } }));
    expect(codes(found)).toEqual(["provenance.offset_mismatch"]);
    expect(found.find((f) => f.code === "provenance.offset_mismatch")).toMatchObject({
      stated: String(right + 1),
      computed: String(right),
    });
    // A UTF-16 index is not a code-point offset.
    expect(codes(run(hotline({ source: { quote: line, offset: SOURCE.indexOf(line) } })))).toEqual([
      "provenance.offset_mismatch",
    ]);
  });

  it("flags a figure that is not in its quote", () => {
    expect(codes(run(hotline({}, { value: 1.7, unit: "万条", decimals: 1, qualifier: "nearly" })))).toEqual([
      "provenance.figure_not_in_quote",
    ]);
    const printed = run(
      hotline({}, { value: 1.7, unit: "万条", decimals: 1, qualifier: "nearly", printed: "近1.7万条" }),
    );
    expect(codes(printed)).toEqual(["provenance.figure_not_in_quote"]);
    expect(printed.find((f) => f.code === "provenance.figure_not_in_quote")?.path).toBe(
      "$.observations[0].quantity.printed",
    );
  });

  it("flags a recorded value that differs from what is printed", () => {
    const mismatch = (q: Q) => codes(run(hotline({}, { ...q, printed: "近1.6万条" })));
    expect(mismatch({ value: 1.7, unit: "万条", decimals: 1, qualifier: "nearly" })).toEqual([
      "provenance.value_mismatch",
    ]);
    expect(mismatch({ value: 1.6, unit: "万条", decimals: 1, qualifier: "exact" })).toEqual([
      "provenance.value_mismatch",
    ]);
    expect(mismatch({ value: 16000, unit: "条", decimals: 0, qualifier: "nearly" })).toEqual([
      "provenance.value_mismatch",
    ]);
  });

  it("says when there was no source to check against", () => {
    const r = record(check(report({ indicators: [...local], observations: [hotline()] })).findings);
    expect(r.map((f) => f.code)).toEqual(["provenance.no_source"]);
    expect(r[0]?.severity).toBe("info");
  });
});

describe("acknowledged findings", () => {
  const tax = () =>
    obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: yi(13.88), period: "2022-01/2022-05" },
        direction: "increase",
        change: yi(6.39),
        percent: pct(45.4),
      },
    });
  const explanation = { zh: "原文如此", en: "printed so; 20.17 − 13.88 = 6.29" };

  it("are reported as acknowledged and do not make the report invalid", () => {
    const o = tax();
    const r = check(
      report({
        observations: [o],
        acknowledged: [{ code: "comparison.change_mismatch", observations: [o.id], explanation }],
      }),
      SOURCE,
    );
    const f = only(r.findings, "comparison.change_mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ acknowledged: true, severity: "error", explanation });
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0, acknowledged: 1 });
    expect(r.valid).toBe(true);
  });

  it("that cover no finding are reported as unused", () => {
    const o = tax();
    const acks = [
      { code: "comparison.change_mismatch", observations: [o.id], explanation },
      { code: "comparison.percent_mismatch", observations: [o.id], explanation },
      { code: "comparison.change_mismatch", explanation },
    ];
    const r = report({ observations: [o], acknowledged: acks });
    expect(unusedAcknowledgements(r, check(r, SOURCE).findings)).toEqual([1, 2]);
    expect(
      acknowledges(r.acknowledged[0] as AcknowledgedFinding, {
        code: "comparison.change_mismatch",
        observations: [o.id, "x"],
      }),
    ).toBe(true);
  });

  it("unused ones are those a scan of every finding finds covering none (the index keyed by code and relation or first observation)", () => {
    const code = fc.constantFrom<FindingCode>("comparison.change_mismatch", "relation.sum_mismatch");
    const ids = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 3 });
    const relation = fc.option(fc.constantFrom("r1", "r2"), { nil: undefined });
    const finding = fc.record({ code, observations: ids, relation });
    const ack = fc.record({ code, observations: ids, relation, explanation: fc.constant({ zh: "x", en: "x" }) });
    fc.assert(
      fc.property(fc.array(ack, { maxLength: 6 }), fc.array(finding, { maxLength: 6 }), (acks, fs) => {
        const findings = fs.map((f) => ({ ...f, severity: "error", acknowledged: false, message: { zh: "", en: "" } }));
        const clean = acks.map(({ relation: r, ...a }) => (r === undefined ? a : { ...a, relation: r }));
        const scan = clean.flatMap((a, i) => (findings.some((f) => acknowledges(a, f)) ? [] : [i]));
        expect(unusedAcknowledgements({ acknowledged: clean }, findings as Finding[])).toEqual(scan);
      }),
    );
  });

  it("mark a finding with the first acknowledgement that covers it", () => {
    const o = tax();
    const acks = [
      {
        code: "comparison.change_mismatch",
        observations: ["someone-else"],
        explanation: { zh: "0", en: "not this one" },
      },
      { code: "comparison.change_mismatch", observations: [o.id], explanation: { zh: "1", en: "first" } },
      { code: "comparison.change_mismatch", observations: [o.id], explanation: { zh: "2", en: "second" } },
    ];
    const f = only(
      check(report({ observations: [o], acknowledged: acks }), SOURCE).findings,
      "comparison.change_mismatch",
    );
    expect(f.map((x) => x.explanation?.en)).toEqual(["first"]);
  });

  it("only match their code and observations", () => {
    const o = tax();
    const other = (ack: ReportInput["acknowledged"]) => check(report({ observations: [o], acknowledged: ack }));
    for (const ack of [
      [{ code: "comparison.percent_mismatch", observations: [o.id], explanation }],
      [{ code: "comparison.change_mismatch", observations: ["someone-else"], explanation }],
      // An acknowledgement naming nothing would silence every finding of its code: it matches none.
      [{ code: "comparison.change_mismatch", explanation }],
    ]) {
      const r = other(ack);
      expect(r.valid).toBe(false);
      expect(r.summary.acknowledged).toBe(0);
    }
  });
});

describe("periods of actuals", () => {
  it("flags an actual for a period that begins after the report was delivered", () => {
    // 2023-H2 had begun by 13 July; 2023-Q4 had not.
    const begun = obs("tax_revenue", yi(20.17), { period: "2023-H2" });
    const late = obs("tax_revenue", yi(20.17), { period: "2023-Q4" });
    const early = obs("tax_revenue", yi(20.17), { period: "2023-01/2023-05" });
    const target = obs("tax_revenue", yi(20.17), { period: "2023-Q4", role: "target" });
    const r = report({ delivered: "2023-07-13", observations: [begun, late, early, target] });
    const found = record(only(check(r).findings, "period.outside_report"));
    expect(found.map((f) => f.observations)).toEqual([[late.id]]);
    expect(found[0]?.severity).toBe("warning");
  });
  it("falls back to the end of the reviewed period when there is no delivery date", () => {
    const r = report({ period: "2023-H1", observations: [obs("tax_revenue", yi(1), { period: "2023-07" })] });
    expect(only(check(r).findings, "period.outside_report")).toHaveLength(1);
  });
});

describe("relations read from the text, and what was checked", () => {
  const count = (value: number, unit = "项"): Q => ({ value, unit, decimals: 0 });
  const rel = (r: ReportInput["relations"]) => r;

  it("average growth: ((to ÷ from)^(1/n) − 1) × 100, compound over the years named", () => {
    // Fiscal revenue (nominal) from 5.24 to 15.07亿元 over 5 years: the yearly factor is (15.07/5.24)^(1/5).
    const from = obs("general_public_budget_revenue", yi(5.24), { role: "baseline", period: "2010" });
    const to = obs("general_public_budget_revenue", yi(15.07), { period: "2015" });
    const rate = (v: number) => obs("general_public_budget_revenue_growth", pct(v, 2), { period: "2011/2015" });
    const make = (r: ObservationInput) =>
      report({
        observations: [from, to, r],
        relations: rel([{ kind: "average_growth", id: "g", from: from.id, to: to.id, rate: r.id, years: 5 }]),
      });
    const lo = ((15.065 / 5.245) ** (1 / 5) - 1) * 100;
    const hi = ((15.075 / 5.235) ** (1 / 5) - 1) * 100;
    expect(lo).toBeLessThan(23.53);
    expect(hi).toBeGreaterThan(23.53);
    const ok = check(make(rate(23.53)));
    expect(codes(ok.findings)).toEqual([]);
    expect(ok.coverage.byKind).toEqual({ average_growth: 1 });
    const bad = check(make(rate(25.53)));
    expect(codes(record(bad.findings))).toEqual(["relation.average_growth_mismatch"]);
    const [c] = bad.coverage.relations;
    expect(c).toMatchObject({ kind: "average_growth", verdict: "inconsistent", stated: "25.53%" });
    expect(c?.expected).toBe(`${lo.toFixed(2)} to ${hi.toFixed(2)}%`);
    expect(c?.arithmetic).toContain("15.07亿元 ÷ 5.24亿元");
  });

  it("growth at comparable prices is read but never checked against two nominal levels", () => {
    // 生产总值完成1000亿元,比上年900亿元增加100亿元,增长6.5%: consistent (prices rose).
    const gdp = obs(
      "gdp",
      { value: 1000, unit: "亿元", decimals: 0 },
      {
        comparison: {
          baseline: { quantity: { value: 900, unit: "亿元", decimals: 0 }, period: "2022" },
          direction: "increase",
          change: { value: 100, unit: "亿元", decimals: 0 },
          percent: pct(6.5),
        },
      },
    );
    const r = check(report({ observations: [gdp] }));
    expect(codes(r.findings)).toEqual([]);
    expect(r.coverage.byKind).toEqual({ change: 1 });
    expect(r.coverage.notChecked).toBe(1);
    expect(r.coverage.relations.find((x) => x.kind === "growth_rate")?.verdict).toBe("not_checked");
    // The same passage about tax (nominal) is a contradiction: 1000 / 900 is 11.1%.
    const tax = { ...gdp, id: "tax", indicator: "tax_revenue" };
    expect(codes(record(check(report({ observations: [tax] })).findings))).toEqual(["comparison.percent_mismatch"]);
  });

  it("change, growth and level without the base: 比上年增加X, 增长Y%, 达到Z", () => {
    // 税收达到24.8亿元,比上年增加4.13亿元,增长20%: the base is 24.8 − 4.13 = 20.67, and 4.13 / 20.67 = 19.98%.
    const tax = (percent: number) =>
      obs("tax_revenue", yi(24.8, 1), {
        comparison: { direction: "increase", change: yi(4.13), percent: pct(percent, 0) },
      });
    const ok = check(report({ observations: [tax(20)] }));
    expect(codes(ok.findings)).toEqual([]);
    expect(ok.coverage.byKind).toEqual({ growth_rate: 1 });
    const bad = check(report({ observations: [tax(25)] }));
    expect(codes(bad.findings)).toEqual(["comparison.percent_mismatch"]);
    const lo = (100 * 4.125) / (24.85 - 4.125);
    const hi = (100 * 4.135) / (24.75 - 4.135);
    expect(bad.findings[0]?.computed).toBe(shown(lo, hi, 2, "%"));
  });

  it("parts never larger than their whole", () => {
    const whole = obs("local.households", count(300, "户"));
    const part = (v: number) => obs("local.households", count(v, "户"));
    const make = (p: ObservationInput) =>
      report({
        indicators: [
          {
            id: "local.households",
            name: { zh: "户", en: "households" },
            category: "economy",
            dimension: "count",
            direction: "neutral",
          },
        ],
        observations: [whole, p],
        relations: rel([{ kind: "part", id: "p", whole: whole.id, parts: [p.id] }]),
      });
    expect(codes(check(make(part(300))).findings)).toEqual([]);
    const bad = check(make(part(320)));
    expect(codes(record(bad.findings))).toEqual(["relation.part_exceeds_whole"]);
    expect(bad.coverage.relations[0]?.arithmetic).toBe("320户 ≤ 300户");
  });

  it("done + remaining = total", () => {
    const local = [
      {
        id: "local.tasks",
        name: { zh: "项目", en: "tasks" },
        category: "economy" as const,
        dimension: "count" as const,
        direction: "neutral" as const,
      },
    ];
    const total = obs("local.tasks", count(20));
    const done = obs("local.tasks", count(12));
    const left = (v: number) => obs("local.tasks", count(v));
    const make = (l: ObservationInput) =>
      report({
        indicators: local,
        observations: [total, done, l],
        relations: rel([{ kind: "remainder", id: "r", total: total.id, done: done.id, remaining: l.id }]),
      });
    expect(codes(check(make(left(8))).findings)).toEqual([]);
    const bad = check(make(left(9)));
    expect(codes(record(bad.findings))).toEqual(["relation.remainder_mismatch"]);
    expect(bad.coverage.relations[0]).toMatchObject({
      arithmetic: "12项 + 9项 = 21项",
      expected: "21项",
      stated: "20项",
    });
  });

  it("products: 8名专家每人带4名学员,共32名; per capita × population = total", () => {
    const local = [
      {
        id: "local.people",
        name: { zh: "人", en: "people" },
        category: "economy" as const,
        dimension: "count" as const,
        direction: "neutral" as const,
      },
    ];
    const experts = obs("local.people", count(8, "名"));
    const each = obs("local.people", count(4, "名"));
    const total = (v: number) => obs("local.people", count(v, "名"));
    const make = (t: ObservationInput) =>
      report({
        indicators: local,
        observations: [experts, each, t],
        relations: rel([{ kind: "product", id: "x", factors: [experts.id, each.id], product: t.id }]),
      });
    expect(codes(check(make(total(32))).findings)).toEqual([]);
    expect(codes(record(check(make(total(36))).findings))).toEqual(["relation.product_mismatch"]);
    // 人均3.2万元 × 50万人 = 160亿元: units scale through the count.
    const perCapita = obs("urban_disposable_income", { value: 3.2, unit: "万元", decimals: 1 });
    const people = obs("local.people", { value: 50, unit: "万人", decimals: 0 });
    const sumOf = (v: number) => obs("general_public_budget_revenue", { value: v, unit: "亿元", decimals: 0 });
    const pc = (t: ObservationInput) =>
      report({
        indicators: local,
        observations: [perCapita, people, t],
        relations: rel([{ kind: "product", id: "y", factors: [perCapita.id, people.id], product: t.id }]),
      });
    expect(codes(check(pc(sumOf(160))).findings)).toEqual([]);
    expect(codes(check(pc(sumOf(180))).findings)).toEqual(["relation.product_mismatch"]);
  });

  it("per-capita figures: total ÷ people, to the rounding of all three", () => {
    const local = [
      {
        id: "local.people",
        name: { zh: "人", en: "people" },
        category: "economy" as const,
        dimension: "count" as const,
        direction: "neutral" as const,
      },
      {
        id: "local.relief",
        name: { zh: "救助金", en: "relief" },
        category: "economy" as const,
        dimension: "currency" as const,
        direction: "neutral" as const,
      },
    ];
    const total = obs("local.relief", { value: 9.2, unit: "亿元", decimals: 1 });
    const people = obs("local.people", { value: 15, unit: "万人", decimals: 0 });
    const each = (v: number) => obs("local.relief", { value: v, unit: "元", decimals: 0 });
    const make = (e: ObservationInput) =>
      report({
        indicators: local,
        observations: [total, people, e],
        relations: rel([{ kind: "per_capita", id: "pc", total: total.id, population: people.id, perCapita: e.id }]),
      });
    // 9.15–9.25亿元 over 14.5–15.5万人 is 5903–6379元.
    const ok = check(make(each(6133)));
    expect(codes(ok.findings)).toEqual([]);
    expect(ok.coverage.byKind).toEqual({ per_capita: 1 });
    expect(codes(check(make(each(6300))).findings)).toEqual([]);
    const bad = check(make(each(6933)));
    expect(codes(record(bad.findings))).toEqual(["relation.per_capita_mismatch"]);
    expect(bad.coverage.relations[0]).toMatchObject({
      arithmetic: "9.2亿元 ÷ 15万人 = 6133.33元",
      stated: "6933元",
      verdict: "inconsistent",
    });
  });

  it("growth between two printed levels, in % or 倍, never for growth at comparable prices", () => {
    const local = [
      {
        id: "local.firms",
        name: { zh: "企业", en: "firms" },
        category: "economy" as const,
        dimension: "count" as const,
        direction: "neutral" as const,
      },
      {
        id: "local.firms_times",
        name: { zh: "企业增长倍数", en: "growth of firms" },
        category: "economy" as const,
        dimension: "multiple" as const,
        direction: "neutral" as const,
      },
      {
        id: "local.firms_growth",
        name: { zh: "企业增长", en: "growth of firms" },
        category: "economy" as const,
        dimension: "percent" as const,
        direction: "neutral" as const,
      },
    ];
    const firms = (v: number, unit = "家") => obs("local.firms", { value: v, unit, decimals: 0 });
    const from = firms(1628);
    const to = firms(9400);
    const make = (rate: ObservationInput, a = from, b = to) =>
      report({
        indicators: local,
        observations: [a, b, rate],
        relations: rel([{ kind: "growth", id: "g", from: a.id, to: b.id, rate: rate.id }]),
      });
    const times = (v: number) => obs("local.firms_times", { value: v, unit: "倍", decimals: 0 });
    // 9400 ÷ 1628 = 5.77: an increase of 4.77 times, printed as 5 (either reading of 增长N倍).
    expect(codes(check(make(times(5))).findings)).toEqual([]);
    expect(codes(check(make(times(6))).findings)).toEqual([]);
    expect(codes(record(check(make(times(8))).findings))).toEqual(["relation.growth_mismatch"]);
    // 500 ÷ 400 − 1 = 25%; 80 → 60 is a fall of 25%.
    const pctOf = (v: number) => obs("local.firms_growth", pct(v, 0));
    expect(codes(check(make(pctOf(25), firms(400), firms(500))).findings)).toEqual([]);
    expect(codes(check(make(pctOf(35), firms(400), firms(500))).findings)).toEqual(["relation.growth_mismatch"]);
    const fall = check(make(pctOf(25), firms(80), firms(60)));
    expect(codes(fall.findings)).toEqual([]);
    expect(fall.coverage.relations[0]?.formula).toBe("(1 − to ÷ from) × 100 = decline %");
    // GDP: 150 ÷ 100 is 50% nominal, 6.5% real: read, not checked.
    const a = obs("gdp", yi(100, 0));
    const b = obs("gdp", yi(150, 0));
    const rate = obs("local.firms_growth", pct(6.5));
    const gdp = check(
      report({
        indicators: local,
        observations: [a, b, rate],
        relations: rel([{ kind: "growth", id: "g", from: a.id, to: b.id, rate: rate.id }]),
      }),
    );
    expect(codes(gdp.findings)).toEqual([]);
    expect(gdp.coverage).toMatchObject({ checked: 0, notChecked: 1 });
  });

  it("counts a statement printed twice once among the distinct relations", () => {
    const o = obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: yi(13.88), period: "2022-01/2022-05" },
        direction: "increase",
        change: yi(6.29),
      },
    });
    const twice = { ...o, id: `${o.id}-2` };
    const { coverage } = check(report({ observations: [o, twice] }), SOURCE);
    expect(coverage).toMatchObject({ checked: 2, distinct: 1 });
    expect(coverageLine(coverage)).toBe(
      "checked 2 relations (1 distinct: the text prints some passages more than once): 2 changes; 0 inconsistencies",
    );
  });

  it("says what it checked: one entry per relation with figures, quotes, arithmetic and verdict", () => {
    const o = obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: yi(13.88), period: "2022-01/2022-05" },
        direction: "increase",
        change: yi(6.39),
        percent: pct(45.4),
      },
    });
    const { coverage } = check(report({ observations: [o] }), SOURCE);
    expect(coverage).toMatchObject({
      checked: 2,
      byKind: { change: 1, growth_rate: 1 },
      inconsistencies: 1,
      notChecked: 0,
    });
    const change = coverage.relations.find((c) => c.kind === "change");
    expect(change).toMatchObject({
      verdict: "inconsistent",
      finding: "comparison.change_mismatch",
      formula: "value − baseline = increase",
      arithmetic: "20.17亿元 − 13.88亿元 = 6.29亿元",
      stated: "6.39亿元",
      expected: "6.28 to 6.30亿元",
    });
    expect(change?.figures.map((f) => [f.role, f.printed])).toEqual([
      ["value", "20.17亿元"],
      ["baseline", "13.88亿元"],
      ["change", "6.39亿元"],
    ]);
    expect(change?.figures[0]?.quote).toBe(o.source.quote);
    expect(coverage.relations.find((c) => c.kind === "growth_rate")?.verdict).toBe("consistent");
    expect(coverageLine(coverage)).toBe("checked 2 relations: 1 growth rate, 1 change; 1 inconsistency");
    expect(coverageLine(summarizeCoverage([]))).toBe("checked 0 relations; 0 inconsistencies");
  });
});

describe("bounded by construction (issue 10)", () => {
  const line = SOURCE.split("\n")[4] ?? "";
  const hotline = (quote: string, offset: number) =>
    obs(
      "hotline_tickets",
      { value: 1.6, unit: "万条", decimals: 1, qualifier: "nearly" },
      { source: { quote, offset } },
    );
  const indicators = [
    {
      id: "hotline_tickets",
      name: { zh: "热线工单", en: "Hotline tickets" },
      category: "governance",
      dimension: "count",
      direction: "neutral",
    },
  ] as const;
  const provenance = (o: ObservationInput, text: string) =>
    check(report({ indicators: [...indicators], observations: [o] }), text).findings.filter(
      (f) => f.code === "provenance.offset_mismatch",
    );
  /** Code-point offset of the n-th occurrence (0-based) of a quote in a text, computed independently. */
  const nth = (text: string, quote: string, n: number) => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = text.indexOf(quote, i + 1);
    return [...text.slice(0, i)].length;
  };

  it("places a misplaced quote on the copy nearest its recorded offset, else on its first occurrence", () => {
    // The passage printed twice: an offset one off the second copy points at the second copy.
    const twice = `${SOURCE}\n${SOURCE}`;
    const second = nth(twice, line, 1);
    expect(provenance(hotline(line, second + 1), twice)[0]).toMatchObject({
      stated: String(second + 1),
      computed: String(second),
    });
    expect(provenance(hotline(line, nth(twice, line, 0) + 1), twice)[0]?.computed).toBe(String(nth(twice, line, 0)));
    // Far from where it is recorded (beyond the window searched first), it is still found.
    const far = `${SOURCE}\n${"无关文字。".repeat(5000)}`;
    expect(provenance(hotline(line, [...far].length - 3), far)[0]?.computed).toBe(String(offsetOf(line)));
  });

  it("passes each finding and each relation checked to a callback instead of listing them, counting them all", () => {
    const o = obs("tax_revenue", yi(20.17), {
      comparison: {
        baseline: { quantity: yi(13.88), period: "2022-01/2022-05" },
        direction: "increase",
        change: yi(6.39),
        percent: pct(45.4),
      },
    });
    const r = report({ observations: [o, { ...o, id: `${o.id}-2` }] });
    const listed = checkReport(r, { sourceText: SOURCE });
    const findings: Finding[] = [];
    const relations: CheckedRelation[] = [];
    const streamed = checkReport(r, {
      sourceText: SOURCE,
      onFinding: (f) => findings.push(f),
      onChecked: (c) => relations.push(c),
    });
    expect(listed.findings.length).toBeGreaterThan(1);
    expect(findings).toEqual(listed.findings);
    expect(relations).toEqual(listed.coverage.relations);
    expect(streamed.findings).toEqual([]);
    expect(streamed.coverage.relations).toEqual([]);
    expect(streamed.summary).toEqual(listed.summary);
    expect(streamed.valid).toBe(listed.valid);
    const { relations: _a, ...counts } = listed.coverage;
    const { relations: _b, ...streamedCounts } = streamed.coverage;
    expect(streamedCounts).toEqual(counts);
  });

  it("checks a sum of 160,000 parts (no argument list as long as the parts: Math.max(...parts) overflowed the stack)", () => {
    const line = SOURCE.split("\n")[2] ?? "";
    const firm = (value: number) =>
      obs("registered_enterprises", { value, unit: "家", decimals: 0 }, { source: { quote: line, offset: 0 } });
    const [total, first, second] = [firm(160_001), firm(1), firm(1)];
    const r = report({
      observations: [total, first, second],
      relations: [{ kind: "sum", id: "r", total: total.id, parts: [first.id, second.id] }],
    });
    // The parts added after the schema parsed the report (parsing 160,000 observations is not what is tested).
    const relation = r.relations[0] as { parts: string[] };
    for (let i = 2; i < 160_000; i++) {
      const part = { ...(r.observations[1] as Report["observations"][number]), id: `part-${i}` };
      r.observations.push(part);
      relation.parts.push(part.id);
    }
    const found = checkReport(r).findings.filter((f) => f.code === "relation.sum_mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]?.computed).toBe("160000家");
  }, 60_000);
});

describe("numbered and counted lists (words, not figures)", () => {
  const w = (printed: string, offset: number) => ({ printed, quote: `${printed}……`, offset });
  const n = (printed: string, offset: number, value: number) => ({ ...w(printed, offset), value });
  const seq = (...values: number[]) =>
    report({
      relations: [
        {
          kind: "sequence",
          id: "s1",
          markers: values.map((v, k) => n(`${"一二三四五"[v - 1]}是`, k * 10, v)),
        },
      ],
    });

  it("accepts 一是 二是 三是, and records it as a numbered list", () => {
    const r = check(seq(1, 2, 3));
    expect(codes(r.findings)).toEqual([]);
    expect(r.coverage.byKind).toEqual({ sequence: 1 });
    expect(r.coverage.relations[0]?.figures.map((f) => [f.role, f.printed, f.observation])).toEqual([
      ["markers[0]", "一是", undefined],
      ["markers[1]", "二是", undefined],
      ["markers[2]", "三是", undefined],
    ]);
  });

  it("flags a gap and a repeat at the first marker out of turn, with its offset", () => {
    const gap = check(seq(1, 2, 4));
    expect(codes(record(gap.findings))).toEqual(["relation.sequence_mismatch"]);
    expect(gap.findings[0]).toMatchObject({ stated: "四是", computed: "3", offset: 20 });
    expect(gap.findings[0]?.message.en).toBe("the numbering skips: after 二是 comes 四是, where item 3 is due");
    const repeat = check(seq(1, 2, 2, 3));
    expect(repeat.findings[0]).toMatchObject({ stated: "二是", offset: 20 });
    expect(repeat.findings[0]?.message.en).toMatch(/^the numbering repeats/);
    expect(repeat.coverage.relations[0]?.expected).toBe("3");
  });

  it("checks a count against the items named: 五大 with five passes, 六大 with four is flagged", () => {
    const counted = (value: number, names: string[]) =>
      check(
        report({
          relations: [
            {
              kind: "count",
              id: "c1",
              count: n(`${"零一二三四五六"[value]}大`, 40, value),
              items: names.map((n, k) => w(n, k * 3)),
            },
          ],
        }),
      );
    const ok = counted(5, ["奶业", "蔬菜", "中药材", "中央厨房", "精品肉类"]);
    expect(codes(ok.findings)).toEqual([]);
    expect(ok.coverage.relations[0]?.arithmetic).toBe("奶业、蔬菜、中药材、中央厨房、精品肉类: 5 items");
    const bad = counted(6, ["精准医疗", "现代中药", "康复康养", "细胞基因"]);
    expect(codes(record(bad.findings))).toEqual(["relation.count_mismatch"]);
    expect(bad.findings[0]).toMatchObject({ stated: "六大", computed: "4", offset: 40, observations: [] });
    expect(coverageLine(bad.coverage)).toBe("checked 1 relation: 1 counted list; 1 inconsistency");
  });
});

describe("finding codes", () => {
  it("every code fired in the tests above", () => {
    const all = Object.keys(FINDING_CODES) as FindingCode[];
    expect(all.filter((c) => !seen.has(c))).toEqual([]);
  });
});
