import { summarizeCoverage } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { type ChartSpec, categoryViews, rateCharts } from "../../model/chart-specs.js";
import { fixtureReport } from "../../model/fixture.js";
import { escapeHtml, roomyMax } from "./common.js";
import { buildChart } from "./index.js";

const report = fixtureReport();
const specs = categoryViews(report).flatMap((v) => v.charts);
const spec = <K extends ChartSpec["kind"]>(
  kind: K,
  pred: (s: Extract<ChartSpec, { kind: K }>) => boolean = () => true,
) => {
  const s = specs.find((x): x is Extract<ChartSpec, { kind: K }> => x.kind === kind && pred(x as never));
  if (!s) throw new Error(`no ${kind} chart in the fixture`);
  return s;
};

type Series = { type: string; name: string; data: unknown[]; markLine?: { data: unknown[] }; yAxisIndex?: number };
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;
const tooltip = (o: unknown, s: number, d: number) =>
  (o as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter({ seriesIndex: s, dataIndex: d });

describe("every chart", () => {
  it("has aria with decals, save-as-image, a table of its data and observations behind its points", () => {
    for (const s of specs) {
      for (const lang of ["zh", "en"] as const) {
        const c = buildChart(s, lang);
        const o = c.option as { aria: unknown; toolbox: { feature: { saveAsImage?: unknown } } };
        expect(o.aria).toMatchObject({ enabled: true, decal: { show: true } });
        expect(o.toolbox.feature.saveAsImage).toBeDefined();
        expect(c.table.rows.length).toBeGreaterThan(0);
        for (const r of c.table.rows) expect(r.cells).toHaveLength(c.table.columns.length);
        expect(c.obsAt(0, 0)).toBeTruthy();
        expect(c.height).toBeGreaterThan(100);
      }
    }
  });
});

describe("yoy chart", () => {
  const c = buildChart(spec("yoy"), "zh");
  it("draws baseline and current bars per indicator in the chart's unit", () => {
    const [baseline, current] = seriesOf(c.option);
    expect(baseline?.data).toEqual([13.88, 3.69, 0.4]);
    expect(current?.data[0]).toBe(20.17);
    expect(current?.data[2]).toBeCloseTo(0.5, 12);
    expect((c.option as { yAxis: { data: string[] } }).yAxis.data).toEqual([
      "税收",
      "区级财政收入",
      "一般公共预算收入",
    ]);
    expect(c.title).toContain("亿元");
  });
  it("carries the printed figures and the source quote in its tooltip", () => {
    const html = tooltip(c.option, 1, 0);
    expect(html).toContain("20.17亿元");
    expect(html).toContain("13.88亿元");
    expect(html).toContain("共计完成税收20.17亿元");
    expect(c.obsAt(1, 2)).toBe("budget");
  });
  it("names the unit in English on the English page", () => {
    expect(buildChart(spec("yoy"), "en").title).toContain("100 million yuan");
  });
  it("is titled 同比 only when the baseline is a year earlier; a five-year change by its years", () => {
    expect(c.title).toContain("同比");
    const fiveYear = { ...spec("yoy"), against: { kind: "span" as const, from: "2020", to: "2025" } };
    const built = buildChart(fiveYear, "zh");
    expect(built.title).not.toContain("同比");
    expect(built.title).toContain("2020年→2025年");
    expect(seriesOf(built.option).map((x) => x.name)).toEqual(["2020年", "2025年"]);
    expect(built.table.columns.join("|")).not.toContain("上年同期");
  });
  it("gives each figure in English units in the English tooltip", () => {
    const html = tooltip(buildChart(spec("yoy"), "en").option, 1, 0);
    expect(html).toContain("20.17 × 100 million yuan");
  });
});

describe("findings on charted figures", () => {
  const tax = report.observations.find((o) => o.id === "tax");
  const checks = {
    valid: true,
    summary: { error: 0, warning: 0, info: 0, acknowledged: 1 },
    coverage: summarizeCoverage([]),
    findings: [
      {
        code: "comparison.change_mismatch" as const,
        severity: "error" as const,
        observations: [tax?.id ?? ""],
        message: { zh: "增长额与两数之差不符", en: "The change does not match" },
        acknowledged: true,
      },
    ],
  };
  const flagged = categoryViews(report, checks).flatMap((v) => v.charts);
  const yoy = flagged.find((x) => x.kind === "yoy");
  it("marks the figure's label, says what was found in its tooltip, and lists it in the table", () => {
    if (!yoy) throw new Error("expected a yoy chart");
    const built = buildChart(yoy, "zh");
    const label = (seriesOf(built.option)[1] as unknown as { label: { formatter: (p: unknown) => string } }).label;
    expect(label.formatter({ dataIndex: 0 })).toContain("⚠");
    expect(label.formatter({ dataIndex: 1 })).not.toContain("⚠");
    const html = tooltip(built.option, 1, 0);
    expect(html).toContain("增长额与两数之差不符");
    expect(html).toContain("已说明");
    expect(built.table.rows[0]?.findings?.[0]?.code).toBe("comparison.change_mismatch");
  });
});

describe("rates chart", () => {
  it("puts rates on a fixed 0-100 axis with actuals and targets in separate series", () => {
    // Across categories, the two loose rates (an actual and a target) share one chart.
    const loose = rateCharts(report, report.observations, "all").find((s) => s.kind === "rates" && !s.family);
    if (!loose) throw new Error("expected a chart of loose rates");
    const c = buildChart(loose, "en");
    const x = (c.option as { xAxis: { min: number; max: number } }).xAxis;
    expect([x.min, x.max]).toEqual([0, 100]);
    const [actual, target] = seriesOf(c.option);
    expect(actual?.data).toEqual([98, "-"]);
    expect(target?.data).toEqual(["-", 95]);
    expect(tooltip(c.option, 1, 1)).toContain("at least");
  });
  it("shows the hotline's three rates together under one title", () => {
    const c = buildChart(
      spec("rates", (s) => !!s.family),
      "zh",
    );
    expect(c.title).toContain("12345热线");
    expect(seriesOf(c.option)).toHaveLength(1);
    expect(seriesOf(c.option)[0]?.data).toEqual([100, 96.27, 89.75]);
  });
});

describe("progress chart", () => {
  it("marks a computed target as computed, with how it was computed", () => {
    const c = buildChart(
      spec("progress", (s) => s.items.some((i) => i.derived)),
      "zh",
    );
    expect(c.note).toContain("推算");
    expect((c.option as { yAxis: { data: string[] } }).yAxis.data).toEqual(["税收(目标增长15%)"]);
    expect(tooltip(c.option, 0, 0)).toContain("34.73亿元 = 30.20亿元 × (1 + 15%)");
  });

  it("shows percent of target against a 100% line, and the time elapsed", () => {
    const c = buildChart(
      spec("progress", (s) => s.items.some((i) => !i.derived)),
      "zh",
    );
    const [bar, elapsed] = seriesOf(c.option);
    expect(bar?.data).toEqual([50]);
    expect(bar?.markLine?.data).toEqual([{ xAxis: 100 }]);
    expect(elapsed?.type).toBe("scatter");
    expect(elapsed?.data[0]).toBeCloseTo(49.59, 2);
    expect(tooltip(c.option, 0, 0)).toContain("20台");
  });
});

describe("count and area chart", () => {
  it("puts counts and areas on two axes, grouped by subject", () => {
    const c = buildChart(spec("countArea"), "zh");
    const [count, area] = seriesOf(c.option);
    expect(count?.data).toEqual([50, 56]);
    expect(area?.yAxisIndex).toBe(1);
    expect(area?.data[1]).toBeCloseTo(10100, 8);
    expect((c.option as { xAxis: { data: string[] } }).xAxis.data).toEqual(["新增违建", "存量违建"]);
    expect(c.obsAt(1, 1)).toBe("illegal-old-area");
    expect(tooltip(c.option, 1, 1)).toContain("1.01万平方米");
  });
});

describe("ahead chart", () => {
  it("draws the actual and the target, and computes the implied change only in the tooltip", () => {
    const c = buildChart(spec("ahead"), "en");
    const [actual, target] = seriesOf(c.option);
    expect(actual?.data).toEqual([3000]);
    expect(target?.data).toEqual([3500]);
    expect(tooltip(c.option, 1, 0)).toContain("Implied change (computed)");
    expect(tooltip(c.option, 1, 0)).toContain("+16.7%");
    expect(tooltip(c.option, 0, 0)).toContain("去年新增就业岗位3000个");
    expect(c.obsAt(1, 0)).toBe("jobs-target");
  });
});

describe("sum chart", () => {
  it("stacks the parts and marks the printed total", () => {
    const c = buildChart(spec("sum"), "zh");
    const series = seriesOf(c.option);
    expect(series.map((x) => x.type)).toEqual(["bar", "bar", "scatter"]);
    expect(series[0]?.data).toEqual([42]);
    expect(series[1]?.data).toEqual([1]);
    expect(series[2]?.data).toEqual([43]);
    expect(c.obsAt(1, 0)).toBe("exempt");
    expect(c.obsAt(2, 0)).toBe("filed");
    expect(c.table.rows[0]?.cells).toEqual(["备案公文", "43件", "主动公开公文 42件 + 免于公开公文 1件"]);
  });

  it("names its parts in English on the English page, where the catalogue has English names", () => {
    const c = buildChart(spec("sum"), "en");
    const cells = c.table.rows[0]?.cells ?? [];
    // The figures stay as printed; the labels around them are English.
    expect(cells[2]).toMatch(/^[^\u4e00-\u9fff]+ 42件 \+ [^\u4e00-\u9fff]+ 1件$/u);
    const label = (seriesOf(c.option)[0] as unknown as { label: { formatter: (p: unknown) => string } }).label;
    expect(label.formatter({ dataIndex: 0 }).split("\n")[0]).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe("roomyMax", () => {
  it("leaves a third more room, at a round number", () => {
    expect(roomyMax({ max: 20.17 })).toBe(30);
    expect(roomyMax({ max: 3500 })).toBe(5000);
    expect(roomyMax({ max: 0.5 })).toBe(0.7);
    expect(roomyMax({ max: 0 })).toBe(1);
  });
});

describe("escapeHtml", () => {
  it("keeps report text from becoming markup in tooltips", () => {
    expect(escapeHtml(`<img src=x onerror="a()">&'`)).not.toMatch(/[<>"'&](?!#)/);
    const s = structuredClone(spec("yoy"));
    const first = s.items[0];
    if (first) first.current.quote = "<script>alert(1)</script>";
    expect(tooltip(buildChart(s, "zh").option, 1, 0)).not.toContain("<script>");
  });
});
