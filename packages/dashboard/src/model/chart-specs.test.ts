import { getReport, reportIds } from "@govreport/data";
import { findIndicator, periodLabel } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import {
  aheadCharts,
  categoryView,
  categoryViews,
  chartedIds,
  countAreaCharts,
  elapsedShare,
  firstComparisonChart,
  isRate,
  progressCharts,
  rateCharts,
  sumCharts,
  yoyCharts,
} from "./chart-specs.js";
import { fixtureReport } from "./fixture.js";
import { indicatorOf } from "./loaded.js";

const report = fixtureReport();
const economy = report.observations.filter((o) => ["tax", "district", "budget", "enterprises"].includes(o.id));

describe("yoyCharts", () => {
  it("charts only observations that state a baseline, in one unit per kind of unit", () => {
    const [chart, ...more] = yoyCharts(report, economy, "economy");
    expect(more).toEqual([]);
    if (chart?.kind !== "yoy") throw new Error("expected a yoy chart");
    expect(chart.items.map((i) => i.current.obsId)).toEqual(["tax", "district", "budget"]);
    // Two of three were printed in 亿元, so the chart is in 亿元 and 5000万元 becomes 0.5.
    expect(chart.unit).toBe("亿元");
    const budget = chart.items[2];
    expect(budget?.current.value).toBeCloseTo(0.5, 12);
    expect(budget?.current.printed).toBe("5000万元");
    expect(budget?.baseline.value).toBeCloseTo(0.4, 12);
    expect(chart.items[0]?.change).toBe("45.4%");
    expect(chart.items[0]?.baseline).toEqual({ value: 13.88, printed: "13.88亿元", period: "2022-01/2022-05" });
  });
});

describe("rateCharts", () => {
  it("puts a family of rates (the hotline's three) in a chart of its own, named for what they share", () => {
    const rates = rateCharts(report, report.observations, "x");
    const hotline = rates.find((c) => c.kind === "rates" && c.family);
    if (hotline?.kind !== "rates") throw new Error("expected a hotline chart");
    expect(hotline.items.map((i) => i.point.obsId)).toEqual([
      "hotline-timely",
      "hotline-resolved",
      "hotline-satisfied",
    ]);
    expect(hotline.family?.zh).toBe("12345热线");
    expect(hotline.family?.en).toBe("12345 hotline");
    const other = rates.find((c) => c.kind === "rates" && !c.family);
    if (other?.kind !== "rates") throw new Error("expected a chart of the other rates");
    expect(other.items.map((i) => i.point.obsId).sort()).toEqual(["disclosure", "sorting-target"]);
  });

  it("counts as rates only % figures of indicators bounded to 0-100", () => {
    const ids = report.observations.filter((o) => isRate(report, o)).map((o) => o.id);
    expect(ids).not.toContain("tax");
    expect(ids).toContain("disclosure");
  });
});

describe("progressCharts", () => {
  it("measures the actual against its target from the progress relation, with the time elapsed", () => {
    const [chart] = progressCharts(report, report.observations, report.relations, "u");
    if (chart?.kind !== "progress") throw new Error("expected a progress chart");
    const item = chart.items[0];
    expect(item?.percent).toBe(50);
    expect(item?.actual.printed).toBe("10台");
    expect(item?.target.printed).toBe("20台");
    // 2023-H1 ends on 30 June: 181 of 365 days.
    expect(item?.elapsed).toBeCloseTo((181 / 365) * 100, 10);
  });

  it("computes a target the report states only as growth on a base, and says so", () => {
    const economy = report.observations.filter((o) => o.indicator.startsWith("tax"));
    const [chart] = progressCharts(report, economy, report.relations, "e");
    if (chart?.kind !== "progress") throw new Error("expected a progress chart");
    const item = chart.items.find((i) => i.derived);
    expect(item?.derived).toEqual({ base: "30.20亿元", rate: "15%" });
    // 30.20 × 1.15 = 34.73, at the base's two printed decimals; the latest actual in 2023 is 1-5月.
    expect(item?.target.printed).toBe("34.73亿元");
    expect(item?.actual.obsId).toBe("tax");
    expect(item?.percent).toBeCloseTo((20.17 / 34.73) * 100, 10);
    expect(item?.elapsed).toBeCloseTo((151 / 365) * 100, 10);
  });

  it("elapsedShare is undefined when the actual's period is not inside the target's", () => {
    expect(elapsedShare("2022-H2", "2023")).toBeUndefined();
    expect(elapsedShare("2023", "2023")).toBe(100);
  });
});

describe("countAreaCharts", () => {
  it("pairs counts and areas printed in one quote in order, new before existing", () => {
    const [chart] = countAreaCharts(report, report.observations, "u");
    if (chart?.kind !== "countArea") throw new Error("expected a count/area chart");
    expect(chart.countUnit).toBe("处");
    expect(chart.items.map((i) => [i.label.zh, i.count?.printed, i.area?.printed])).toEqual([
      ["新增违建", "50处", "1212平方米"],
      ["存量违建", "56处", "1.01万平方米"],
    ]);
    // Areas are converted to one unit for a shared axis: 1.01万平方米 = 10100平方米.
    expect(chart.areaUnit).toBe("平方米");
    expect(chart.items[1]?.area?.value).toBeCloseTo(10100, 8);
  });
});

describe("aheadCharts", () => {
  it("sets a target beside the latest actual before its period", () => {
    const charts = aheadCharts(report, report.observations, "e");
    const items = charts.flatMap((c) => (c.kind === "ahead" ? c.items : []));
    expect(items.map((i) => [i.actual.obsId, i.target.obsId])).toEqual([["jobs-2022", "jobs-target"]]);
    // elevators-target (2023) is not "ahead" of elevators (2023-H1): that is progress, within the year.
    expect(items.map((i) => i.target.obsId)).not.toContain("elevators-target");
  });
});

describe("sumCharts", () => {
  it("stacks the parts of each sum relation against its printed total, in the total's unit", () => {
    const [chart] = sumCharts(report, report.observations, report.relations, "g");
    if (chart?.kind !== "sum") throw new Error("expected a sum chart");
    const item = chart.items[0];
    expect(item?.total.printed).toBe("43件");
    expect(item?.parts.map((p) => [p.label.zh, p.point.value])).toEqual([
      ["主动公开公文", 42],
      ["免于公开公文", 1],
    ]);
  });

  it("labels parts of different indicators by the catalogue's names, English ones for the English page", () => {
    const [chart] = sumCharts(report, report.observations, report.relations, "g");
    if (chart?.kind !== "sum") throw new Error("expected a sum chart");
    const labels = chart.items[0]?.parts.map((p) => p.label.en) ?? [];
    expect(labels).toEqual(
      ["disclosed", "exempt"].map((id) => {
        const o = report.observations.find((x) => x.id === id);
        return o && findIndicator(o.indicator, report.indicators)?.name.en;
      }),
    );
    for (const l of labels) expect(l).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe("chart item labels in English", () => {
  it("keep a subject as printed (no catalogue name for it) and give a period in English", () => {
    const [chart] = countAreaCharts(report, report.observations, "u");
    if (chart?.kind !== "countArea") throw new Error("expected a count/area chart");
    expect(chart.items.map((i) => i.label.en)).toEqual(["新增违建", "存量违建"]);
    // Without subjects, the items are told apart by period, named in the page's language.
    const bare = { ...report, observations: report.observations.map(({ subject: _, ...o }) => o) };
    const [byPeriod] = countAreaCharts(bare, bare.observations, "u");
    if (byPeriod?.kind !== "countArea") throw new Error("expected a count/area chart");
    const first = byPeriod.items[0];
    expect(first?.label.en).toBe(
      periodLabel(bare.observations.find((o) => o.id === first?.count?.obsId)?.period ?? "", "en"),
    );
    expect(first?.label.en).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(first?.label.zh).toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe("categoryView and firstComparisonChart", () => {
  it("compute one category, and the overview's chart, exactly as categoryViews does", () => {
    const all = categoryViews(report);
    for (const v of all) expect(categoryView(report, v.category)).toEqual(v);
    expect(categoryView(report, "culture")).toBeUndefined();
    expect(firstComparisonChart(report)).toEqual(all.flatMap((v) => v.charts).find((c) => c.kind === "yoy"));
  });
});

describe("categoryViews", () => {
  it("gives every observation of a category a chart or a place in the rest list, never both", () => {
    for (const view of categoryViews(report)) {
      const charted = new Set(view.charts.flatMap(chartedIds));
      const rest = new Set(view.rest.map((o) => o.id));
      for (const id of rest) expect(charted.has(id)).toBe(false);
      const ofCategory = report.observations.filter((o) => indicatorOf(report, o)?.category === view.category);
      for (const o of ofCategory) {
        if (o.role !== "baseline") expect(charted.has(o.id) || rest.has(o.id)).toBe(true);
      }
    }
  });

  it("leaves out of the rest list a baseline the year-on-year chart already draws", () => {
    const economy = categoryViews(report).find((v) => v.category === "economy");
    expect(economy?.rest.map((o) => o.id)).not.toContain("tax-baseline");
    expect(economy?.rest.map((o) => o.id)).toContain("enterprises");
  });

  it("on the shipped reports, uses more than one chart type and keeps rates within 0-100", () => {
    for (const id of reportIds) {
      const shipped = getReport(id);
      const charts = categoryViews(shipped).flatMap((v) => v.charts);
      expect(new Set(charts.map((c) => c.kind)).size).toBeGreaterThan(1);
      for (const c of charts) {
        if (c.kind !== "rates") continue;
        for (const i of c.items) expect(i.point.value).toBeGreaterThanOrEqual(0);
        for (const i of c.items) expect(i.point.value).toBeLessThanOrEqual(100);
      }
    }
  });
});
