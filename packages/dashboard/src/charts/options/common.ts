import { type Localized, periodLabel, resolveUnit, type UnitDef } from "@govreport/schema";
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from "echarts/charts";
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { type Lang, MESSAGES } from "../../i18n.js";
import type { Point, PointFinding } from "../../model/chart-specs.js";
import { groupedNumber } from "../../util/number.js";

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | ToolboxComponentOption
  | AriaComponentOption
  | MarkLineComponentOption
>;

/** A chart as the dashboard shows it: the option, its data as a table, and the figures behind it. */
export interface BuiltChart {
  id: string;
  title: string;
  option: ChartOption;
  /** Pixel height the chart needs for its items. */
  height: number;
  /** The observation behind a data item (for click → source), if any. */
  obsAt(seriesIndex: number, dataIndex: number): string | undefined;
  table: { columns: string[]; rows: { cells: string[]; obsId?: string; findings?: PointFinding[] }[] };
  /** Figures set side by side as one item (for the end-to-end test's check that they are alike). */
  pairs?: [Point, Point][];
  /** A footnote the chart needs (how a computed figure was computed). */
  note?: string;
}

/** Chart colours: colour-blind safe (Okabe–Ito), with decals on too. */
export const COLORS = {
  current: "#0072B2",
  baseline: "#999999",
  target: "#E69F00",
  actual: "#0072B2",
  elapsed: "#D55E00",
  area: "#009E73",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tooltip markup with classes only: the page's CSP forbids inline style attributes. */
export function tooltipHtml(title: string, lines: readonly [string, string][], quote?: string, lang: Lang = "zh") {
  const rows = lines.map(([k, v]) => `<div class="tip-row"><span>${escapeHtml(k)}</span><b>${escapeHtml(v)}</b></div>`);
  const q = quote
    ? `<div class="tip-quote"><span>${escapeHtml(MESSAGES[lang].chart.quote)}</span>「${escapeHtml(quote)}」</div>`
    : "";
  return `<div class="tip"><div class="tip-title">${escapeHtml(title)}</div>${rows.join("")}${q}</div>`;
}

export function pointLines(p: Point, lang: Lang): [string, string][] {
  const m = MESSAGES[lang];
  const out: [string, string][] = [
    [m.explorer.value, p.printed],
    [m.explorer.periodCol, periodLabel(p.period, lang)],
    [m.explorer.role, m.roles[p.role]],
  ];
  if (p.qualifier !== "exact") out.push([m.explorer.qualifier, m.qualifiers[p.qualifier]]);
  if (p.subject) out.push([m.explorer.subject, p.subject]);
  const en = lang === "en" ? p.english : undefined;
  if (en && en !== p.printed) out.push([m.englishUnits, en]);
  for (const f of p.findings ?? []) out.push([findingLabel(f, lang), f.message[lang]]);
  return out;
}

/** "⚠ error (explained)": what a finding on a figure is, in a few words. */
export function findingLabel(f: PointFinding, lang: Lang): string {
  const m = MESSAGES[lang];
  return `⚠ ${m.severities[f.severity]} (${f.acknowledged ? m.checksView.acknowledged : m.checksView.unacknowledged})`;
}

/** The printed figure as a chart labels it: marked ⚠ when the checks found something about it. */
export function shown(p: Point | undefined): string {
  if (!p) return "";
  return p.findings?.length ? `${p.printed} ⚠` : p.printed;
}

/** What every chart shares: aria with decals, save-as-image, a confined HTML tooltip. */
export function baseOption(title: string, lang: Lang, description: string): ChartOption {
  return {
    aria: { enabled: true, decal: { show: true }, label: { enabled: true, description } },
    animationDuration: 300,
    textStyle: { fontFamily: "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
    toolbox: {
      right: 0,
      top: 0,
      feature: { saveAsImage: { title: MESSAGES[lang].chart.saveImage, name: title, pixelRatio: 2 } },
    },
    tooltip: { trigger: "item", confine: true, className: "chart-tooltip" },
    legend: { top: 0, left: 0, right: 40, type: "plain" },
  };
}

/** A unit for an axis: as printed in Chinese, its English name in English (亿元 → 100 million yuan). */
export function unitLabel(unit: string, lang: Lang, declared: readonly UnitDef[] = []): string {
  if (lang === "zh" || unit === "%") return unit;
  return resolveUnit(unit, declared)?.en ?? unit;
}

/**
 * Axis labels for chart items: the indicator name, told apart by subject (or period) where
 * several items share a name.
 */
export function itemLabels(
  items: readonly { name: Localized; subject?: string | undefined; period: string }[],
  lang: Lang,
): string[] {
  const count = new Map<string, number>();
  for (const i of items) count.set(i.name[lang], (count.get(i.name[lang]) ?? 0) + 1);
  return items.map((i) => {
    const name = i.name[lang];
    if ((count.get(name) ?? 0) < 2) return name;
    return `${name}(${i.subject ?? periodLabel(i.period, lang)})`;
  });
}

/** A number as the charts' data tables print it (1,234.5); the same in both languages. */
export function fmtNumber(n: number, digits = 2): string {
  return groupedNumber(n, digits);
}

/** An item tooltip whose markup `html(seriesIndex, dataIndex)` builds. */
export function itemTooltip(html: (seriesIndex: number, dataIndex: number) => string) {
  return {
    trigger: "item" as const,
    confine: true,
    className: "chart-tooltip",
    // Set through the CSSOM by ECharts, so the page's CSP (no inline style attributes) allows it.
    extraCssText: "white-space: normal; max-width: min(360px, 80vw);",
    formatter: (params: unknown) => {
      const p = (Array.isArray(params) ? params[0] : params) as { seriesIndex?: number; dataIndex?: number };
      return html(p?.seriesIndex ?? 0, p?.dataIndex ?? 0);
    },
  };
}

/**
 * A value axis end with room for the figure labels printed right of the longest bar (so a
 * label is not cut off on a phone), rounded up to a half step of its leading digit.
 */
export function roomyMax({ max }: { max: number }): number {
  const x = max * 1.35;
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x));
  return Number(((Math.ceil((x / step) * 2) / 2) * step).toPrecision(12));
}
