/**
 * The mismatches issue 8 found in charts, each rebuilt as a small report (quotes as printed,
 * offsets computed from a short text): none of them may be drawn as a like-for-like pair again.
 */
import { getReport } from "@govreport/data";
import { parseReport, type Report } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import {
  aheadCharts,
  baselineOf,
  categoryViews,
  chunk,
  sameThing,
  splitByMagnitude,
  yoyCharts,
} from "./chart-specs.js";

type Obs = Record<string, unknown> & { id: string; quote: string };

/** A report whose observations quote `text`; offsets are computed, never typed. */
function miniReport(text: string, period: string, observations: Obs[], indicators: unknown[] = []): Report {
  const r = parseReport({
    id: "mini",
    title: { zh: "测试", en: "Test" },
    jurisdiction: { name: { zh: "测试市", en: "Test City" }, level: "prefecture" },
    source: { sha256: "0".repeat(64) },
    period,
    indicators,
    observations: observations.map(({ quote, ...o }) => {
      const i = text.indexOf(quote);
      if (i < 0) throw new Error(`quote not in text: ${quote}`);
      return { section: [], ...o, source: { quote, offset: [...text.slice(0, i)].length } };
    }),
  });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.report;
}

const q = (value: number, unit: string, printed: string, qualifier?: string) => ({
  value,
  unit,
  decimals: (String(value).split(".")[1] ?? "").length,
  printed,
  ...(qualifier ? { qualifier } : {}),
});

describe("a target is never set beside an actual of something else", () => {
  // The shipped report: 29万平方米 of one project in H1, 约11万平方米 of other estates planned for H2.
  it("the shipped report's 29万平方米 (申城佳苑) is not paired with 约11万平方米 (黄浦花园…)", () => {
    const shipped = getReport("zhangjiang-2023-h1");
    const a = shipped.observations.find((o) => o.quantity.printed === "29万平方米");
    const t = shipped.observations.find((o) => o.quantity.printed === "约11万平方米");
    expect(a && t && a.indicator === t.indicator).toBe(true);
    const pairs = categoryViews(shipped)
      .flatMap((v) => v.charts)
      .flatMap((c) => (c.kind === "ahead" ? c.items : []))
      .map((i) => [i.actual.printed, i.target.printed]);
    expect(pairs).not.toContainEqual(["29万平方米", "约11万平方米"]);
  });

  const text = "加快申城佳苑一期29万平方米外墙外保温修缮。完成黄浦花园、孙桥花苑等约11万平方米综合整新。";
  const report = miniReport(text, "2023", [
    {
      id: "h1",
      indicator: "old_housing_renovated_area",
      role: "actual",
      period: "2023-H1",
      quantity: q(29, "万平方米", "29万平方米"),
      subject: "申城佳苑一期外墙外保温修缮",
      quote: "加快申城佳苑一期29万平方米外墙外保温修缮",
    },
    {
      id: "h2",
      indicator: "old_housing_renovated_area",
      role: "plan",
      period: "2023-H2",
      quantity: q(11, "万平方米", "约11万平方米", "approximately"),
      subject: "完成黄浦花园、孙桥花苑等综合整新",
      quote: "完成黄浦花园、孙桥花苑等约11万平方米综合整新",
    },
  ]);

  it("two subjects of one indicator are two things", () => {
    const [h1, h2] = report.observations as [Report["observations"][0], Report["observations"][0]];
    expect(sameThing(h1, h2)).toBe(false);
    expect(aheadCharts(report, report.observations, "u")).toEqual([]);
  });

  it("a total (达到11042家) is not set against new additions (新增500家)", () => {
    const text = "科技型中小企业达到11042家。今年新增科技型中小企业500家。";
    const ind = {
      id: "tech_smes",
      name: { zh: "科技型中小企业", en: "Tech-based SMEs" },
      category: "economy",
      dimension: "count",
      unit: "家",
      direction: "higher_is_better",
    };
    const r = miniReport(
      text,
      "2024",
      [
        {
          id: "total",
          indicator: "tech_smes",
          role: "actual",
          period: "2023",
          quantity: q(11042, "家", "11042家"),
          quote: "科技型中小企业达到11042家",
        },
        {
          id: "new",
          indicator: "tech_smes",
          role: "target",
          period: "2024",
          quantity: q(500, "家", "500家"),
          quote: "今年新增科技型中小企业500家",
        },
      ],
      [ind],
    );
    expect(aheadCharts(r, r.observations, "e")).toEqual([]);
  });

  it("still pairs last year's additions with this year's (新增就业3000个 → 力争新增3500个)", () => {
    const text = "去年新增就业岗位3000个,今年力争新增就业岗位3500个。";
    const r = miniReport(text, "2023", [
      {
        id: "a",
        indicator: "new_jobs",
        role: "actual",
        period: "2022",
        quantity: q(3000, "个", "3000个"),
        quote: "去年新增就业岗位3000个",
      },
      {
        id: "t",
        indicator: "new_jobs",
        role: "target",
        period: "2023",
        quantity: q(3500, "个", "3500个"),
        quote: "今年力争新增就业岗位3500个",
      },
    ]);
    const items = aheadCharts(r, r.observations, "e").flatMap((c) => (c.kind === "ahead" ? c.items : []));
    expect(items.map((i) => [i.actual.obsId, i.target.obsId])).toEqual([["a", "t"]]);
  });
});

describe("comparisons are labelled by their real baseline", () => {
  // Shanghai 2026: five-year changes, 2020 → 2025, in a chart that was titled 同比.
  const text =
    "全市生产总值从4.16万亿元增加到5.67万亿元。金融市场交易额从2274.8万亿元增加到4059万亿元。税收比去年同期13.88亿元增长6.39亿元。";
  const ind = {
    id: "financial_trading_volume",
    name: { zh: "金融市场交易额", en: "Financial market trading volume" },
    category: "economy",
    dimension: "currency",
    unit: "万亿元",
    direction: "higher_is_better",
  };
  const fiveYear = (id: string, indicator: string, from: [number, string], to: [number, string], quote: string) => ({
    id,
    indicator,
    role: "actual",
    period: "2025",
    quantity: q(to[0], "万亿元", to[1]),
    comparison: { baseline: { quantity: q(from[0], "万亿元", from[1]), period: "2020" }, direction: "increase" },
    quote,
  });
  const report = miniReport(
    text,
    "2025",
    [
      fiveYear("gdp", "gdp", [4.16, "4.16万亿元"], [5.67, "5.67万亿元"], "全市生产总值从4.16万亿元增加到5.67万亿元"),
      fiveYear(
        "trading",
        "financial_trading_volume",
        [2274.8, "2274.8万亿元"],
        [4059, "4059万亿元"],
        "金融市场交易额从2274.8万亿元增加到4059万亿元",
      ),
      {
        id: "tax",
        indicator: "tax_revenue",
        role: "actual",
        period: "2025-H1",
        quantity: q(20.27, "亿元", "20.27亿元"),
        comparison: {
          baseline: { quantity: q(13.88, "亿元", "13.88亿元"), period: "2024-H1" },
          direction: "increase",
          change: q(6.39, "亿元", "6.39亿元"),
        },
        quote: "税收比去年同期13.88亿元增长6.39亿元",
      },
    ],
    [ind],
  );

  it("a 2020 baseline of a 2025 figure is a span, the same half a year earlier is the previous year", () => {
    expect(baselineOf("2025", "2020")).toEqual({ kind: "span", from: "2020", to: "2025" });
    expect(baselineOf("2025-H1", "2024-H1")).toEqual({ kind: "previous_year" });
    expect(baselineOf("2023-01/2023-05", "2022-01/2022-05")).toEqual({ kind: "previous_year" });
    expect(baselineOf("2024-01/2024-02", "2023-01/2023-02")).toEqual({ kind: "previous_year" });
    expect(baselineOf("2023", "2022-H1")).toEqual({ kind: "span", from: "2022-H1", to: "2023" });
  });

  it("five-year changes are never drawn as 同比, and never on an axis with a year-on-year figure", () => {
    const charts = yoyCharts(report, report.observations, "e");
    for (const c of charts) {
      if (c.kind !== "yoy") throw new Error("expected comparison charts");
      const ids = c.items.map((i) => i.current.obsId);
      if (ids.includes("tax")) expect(c.against).toEqual({ kind: "previous_year" });
      else expect(c.against).toEqual({ kind: "span", from: "2020", to: "2025" });
      expect(ids.includes("tax") && ids.length > 1).toBe(false);
    }
  });

  it("GDP (5.67万亿元) and a trading volume (4059万亿元) are split: more than 100× apart", () => {
    const charts = yoyCharts(report, report.observations, "e").flatMap((c) => (c.kind === "yoy" ? [c] : []));
    const gdp = charts.find((c) => c.items.some((i) => i.current.obsId === "gdp"));
    expect(gdp?.items.map((i) => i.current.obsId)).toEqual(["gdp"]);
    const trading = charts.find((c) => c.items.some((i) => i.current.obsId === "trading"));
    expect(trading?.items.map((i) => i.current.obsId)).toEqual(["trading"]);
  });

  it("chunk splits a long chart evenly and leaves a short one whole", () => {
    expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
    expect(chunk([...Array(23).keys()], 10).map((c) => c.length)).toEqual([8, 8, 7]);
    expect(chunk([1, 2], 10)).toEqual([[1, 2]]);
  });

  it("splitByMagnitude keeps figures within 100× together and in their order", () => {
    expect(splitByMagnitude([5, 4059, 3, 2274, 100], (x) => x)).toEqual([
      [5, 3, 100],
      [4059, 2274],
    ]);
    expect(splitByMagnitude([1, 100], (x) => x)).toEqual([[1, 100]]);
    expect(splitByMagnitude([0, 7], (x) => x)).toEqual([[0, 7]]);
  });
});
