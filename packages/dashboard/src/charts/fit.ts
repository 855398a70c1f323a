import type { ChartOption } from "./options/index.js";

type Axis = { type?: string; axisLabel?: Record<string, unknown> } & Record<string, unknown>;
type Series = { label?: { show?: boolean; position?: unknown } } & Record<string, unknown>;
type Rect = { x: number; y: number; width: number; height: number };
type LabelParams = { labelRect: Rect; rect: Rect };

const NARROW = 480;

/**
 * The option fitted to the width the chart is drawn at: no bar label may leave the chart (it is
 * moved inside the edge) or overlap another (it is hidden; the data table lists every figure),
 * value-axis labels that would touch are thinned, and on a narrow chart the category labels get
 * a width that fits and the grid keeps them inside.
 */
export function fitToWidth(option: ChartOption, width: number): ChartOption {
  const narrow = width < NARROW;
  const fitAxis = (a: Axis): Axis => {
    const label: Record<string, unknown> = { ...(a.axisLabel ?? {}), hideOverlap: true };
    if (narrow && a.type === "category" && typeof label.width === "number") {
      label.width = Math.min(label.width, Math.round(width * 0.3));
      // A long English word is wider than that: break inside words rather than run into the bars.
      if (label.overflow === "break") label.overflow = "breakAll";
    }
    // On a narrow chart a value axis's name (its unit) runs off the edge; the title names the unit.
    if (narrow && a.type === "value" && a.name) return { ...a, name: undefined, axisLabel: label };
    return { ...a, axisLabel: label };
  };
  const axes = (x: unknown) => (Array.isArray(x) ? x.map(fitAxis) : x ? fitAxis(x as Axis) : x);
  const series = ((option.series ?? []) as Series[]).map((s) => {
    if (!s.label?.show) return s;
    // A label drawn inside its bar (a part of a stacked total) is cut to the bar's width.
    const inside = typeof s.label.position === "string" && s.label.position.startsWith("inside");
    return {
      ...s,
      ...(inside ? { label: { ...s.label, overflow: "truncate" } } : {}),
      labelLayout: ({ labelRect: r, rect }: LabelParams) => {
        if (inside && r.width > rect.width - 4) return { hideOverlap: true, width: Math.max(0, rect.width - 4) };
        if (r.x + r.width > width - 2) return { hideOverlap: true, x: width - 2, align: "right" as const };
        if (r.x < 2) return { hideOverlap: true, x: 2, align: "left" as const };
        return { hideOverlap: true };
      },
    };
  });
  const grid = option.grid as Record<string, unknown> | undefined;
  return {
    ...option,
    ...(option.xAxis ? { xAxis: axes(option.xAxis) } : {}),
    ...(option.yAxis ? { yAxis: axes(option.yAxis) } : {}),
    series,
    ...(narrow && grid && !Array.isArray(grid)
      ? { grid: { ...grid, outerBoundsMode: "same", outerBoundsContain: "axisLabel" } }
      : {}),
  } as ChartOption;
}
