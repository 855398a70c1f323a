import { pairPromises } from "@govreport/data/panel";
import { extractReport } from "@govreport/extract";
import { describe, expect, it } from "vitest";
import { isSeries, seriesGroups } from "../load/load-series.js";
import type { LoadedReport } from "./loaded.js";
import { buildSeries, parsePointKey, pointKey } from "./series.js";

// Made-up reports of one city, a year apart: last year's results and this year's targets.
const Y2023 = [
  "某市2023年政府工作报告",
  "——2023年1月10日在某市第一届人民代表大会第二次会议上",
  "一、2022年工作回顾",
  "全市地区生产总值增长5.2%,一般公共预算收入增长8.1%。",
  "二、2023年主要预期目标",
  "2023年经济社会发展的主要预期目标是:地区生产总值增长6%左右,一般公共预算收入增长7%,居民消费价格涨幅控制在3%左右。",
].join("\n");
const Y2024 = [
  "某市2024年政府工作报告",
  "——2024年1月12日在某市第一届人民代表大会第三次会议上",
  "一、2023年工作回顾",
  "全市地区生产总值增长5.8%,一般公共预算收入增长6.2%,居民消费价格上涨0.5%。",
  "二、2024年主要预期目标",
  "2024年经济社会发展的主要预期目标是:地区生产总值增长5.5%左右。",
].join("\n");

const load = (text: string, file: string): LoadedReport => ({
  key: "local",
  report: extractReport(text, { sourceFile: file }).report,
  sourceText: text,
  origin: "text",
  checks: { valid: true, findings: [] } as unknown as LoadedReport["checks"],
  notes: [],
  fileName: file,
});

describe("buildSeries", () => {
  const loaded = [load(Y2024, "b.txt"), load(Y2023, "a.txt")];
  const model = buildSeries(loaded);

  it("makes one line per indicator across the reports, years in order, each point naming its report and quote", () => {
    const gdp = model.series.find((s) => s.indicator === "gdp_growth");
    expect(gdp?.match).toBe("catalogue");
    expect(gdp?.points.map((p) => [p.year, p.role, p.printed])).toEqual([
      [2022, "actual", "5.2%"],
      [2023, "actual", "5.8%"],
      [2023, "target", "6%左右"],
      [2024, "target", "5.5%左右"],
    ]);
    for (const p of gdp?.points ?? []) {
      const report = loaded[p.report]?.report;
      const o = report?.observations.find((x) => x.id === p.obsId);
      expect(o?.source.quote).toBe(p.quote);
      expect([...(loaded[p.report]?.sourceText ?? "")].slice(p.offset).join("")).toMatch(
        new RegExp(`^${p.quote.slice(0, 5)}`),
      );
    }
  });

  it("pairs targets with the next report's results with the CLI's code (promises)", () => {
    expect(model.promises).toEqual(
      pairPromises(loaded.map((l) => ({ report: l.report, sourceText: l.sourceText as string }))),
    );
    const verdicts = Object.fromEntries(model.promises.pairs.map((p) => [p.indicator, p.verdict]));
    // 5.8% against 6%左右 (±5%: 5.7), 6.2% against 7%, 0.5% under a ceiling of 3%.
    expect(verdicts).toEqual({
      gdp_growth: "met",
      general_public_budget_revenue_growth: "missed",
      consumer_price_increase: "met",
    });
    expect(model.reports.map((r) => r.year)).toEqual([2024, 2023]);
  });

  it("never merges two reports' own indicators, and keeps a unit that does not convert apart", () => {
    const a = load("某县2023年政府工作报告\n——2023年1月5日\n2022年,新建蔬菜大棚120个。", "x.txt");
    const b = load("某县2024年政府工作报告\n——2024年1月5日\n2023年,新建蔬菜大棚150个。", "y.txt");
    const m = buildSeries([a, b]);
    const local = m.series.filter((s) => s.match === "report_local");
    expect(local.length).toBeGreaterThanOrEqual(2);
    for (const s of local) expect(new Set(s.points.map((p) => p.report)).size).toBe(1);
    for (const s of m.series) expect(new Set(s.points.map((p) => p.year)).size).toBe(s.points.length);
  });

  it("keys a point by report and observation", () => {
    expect(parsePointKey(pointKey(3, "gdp_growth-2023-actual-1a2b3c4d"))).toEqual({
      report: 3,
      obsId: "gdp_growth-2023-actual-1a2b3c4d",
    });
    expect(parsePointKey("pair:1")).toBeUndefined();
  });
});

describe("a series drop", () => {
  const f = (name: string) => ({ name, bytes: new Uint8Array() });
  it("is several texts or several report files; one report with its text is not", () => {
    expect(isSeries([f("a.txt"), f("b.txt")])).toBe(true);
    expect(isSeries([f("a.yaml"), f("b.json")])).toBe(true);
    expect(isSeries([f("a.yaml"), f("a.txt")])).toBe(false);
    expect(isSeries([f("a.txt")])).toBe(false);
  });
  it("gives a report file the text of the same name as its source, and extracts the other texts", () => {
    const groups = seriesGroups([f("b.txt"), f("a.yaml"), f("a.txt"), f("c.txt")]);
    expect(groups.map((g) => g.map((x) => x.name))).toEqual([["a.yaml", "a.txt"], ["b.txt"], ["c.txt"]]);
  });
});
