import { describe, expect, it } from "vitest";
import { categoryViews } from "../model/chart-specs.js";
import { fixtureReport } from "../model/fixture.js";
import { fitToWidth } from "./fit.js";
import { buildChart } from "./options/index.js";

const chart = buildChart(
  categoryViews(fixtureReport())
    .flatMap((v) => v.charts)
    .find((c) => c.kind === "yoy") as never,
  "en",
);
type S = { labelLayout?: (p: unknown) => { x?: number; align?: string; hideOverlap?: boolean } };

describe("fitToWidth", () => {
  it("moves a bar label that would leave the chart back inside its right edge, and hides overlaps", () => {
    const fitted = fitToWidth(chart.option, 329);
    const layout = (fitted.series as S[])[1]?.labelLayout;
    const rect = { x: 0, y: 0, width: 100, height: 10 };
    expect(layout?.({ rect, labelRect: { x: 221, y: 81, width: 125, height: 12 } })).toEqual({
      hideOverlap: true,
      x: 327,
      align: "right",
    });
    expect(layout?.({ rect, labelRect: { x: 100, y: 81, width: 50, height: 12 } })).toEqual({ hideOverlap: true });
  });

  it("on a narrow chart narrows the category labels and keeps them inside the grid", () => {
    const narrow = fitToWidth(chart.option, 329) as { yAxis: { axisLabel: { width: number } }; grid: object };
    expect(narrow.yAxis.axisLabel.width).toBeLessThanOrEqual(99);
    expect(narrow.grid).toMatchObject({ outerBoundsMode: "same", outerBoundsContain: "axisLabel" });
    expect((narrow as unknown as { xAxis: { name?: string } }).xAxis.name).toBeUndefined();
    expect(chart.title).toContain("100 million yuan");
    const wide = fitToWidth(chart.option, 900) as { yAxis: { axisLabel: { width: number } }; grid: object };
    expect(wide.yAxis.axisLabel.width).toBe(120);
  });
});
