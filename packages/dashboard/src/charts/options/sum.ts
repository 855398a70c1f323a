import { type Lang, MESSAGES } from "../../i18n.js";
import type { SumItem } from "../../model/chart-specs.js";
import {
  type BuiltChart,
  baseOption,
  COLORS,
  itemTooltip,
  pointLines,
  shown,
  tooltipHtml,
  unitLabel,
} from "./common.js";

const PART_COLORS = ["#0072B2", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#D55E00"];

/**
 * Parts stacked into one bar per total, with the printed total as a marker: where the parts do
 * not add up to the total (rounding, or a misprint), the bar ends short of or past the marker.
 */
export function sumChart(spec: { id: string; items: SumItem[] }, lang: Lang): BuiltChart {
  const m = MESSAGES[lang];
  const title = m.chart.sum;
  const labels = spec.items.map(
    (i) => `${i.name[lang]} (${unitLabel(i.total.printed.replace(/^[\d.,]+/, ""), lang) || i.total.printed})`,
  );
  const width = Math.max(...spec.items.map((i) => i.parts.length));
  const description = `${title}: ${spec.items
    .map(
      (i) =>
        `${i.name[lang]} ${i.total.printed} = ${i.parts.map((p) => `${p.label[lang]} ${p.point.printed}`).join(" + ")}`,
    )
    .join("; ")}`;
  const partSeries = Array.from({ length: width }, (_, k) => ({
    type: "bar" as const,
    barMaxWidth: 36,
    name: `${m.chart.part} ${k + 1}`,
    stack: "parts",
    labelLayout: { hideOverlap: true },
    itemStyle: { color: PART_COLORS[k % PART_COLORS.length] },
    label: {
      show: true,
      position: "inside" as const,
      formatter: (p: { dataIndex: number }) => {
        const part = spec.items[p.dataIndex]?.parts[k];
        return part ? `${part.label[lang]}\n${shown(part.point)}` : "";
      },
    },
    data: spec.items.map((i) => i.parts[k]?.point.value ?? "-"),
  }));
  const option = {
    ...baseOption(title, lang, description),
    legend: { show: false },
    grid: { left: 8, right: 96, top: 28, bottom: 8 },
    xAxis: { type: "value" as const, show: false, max: (v: { max: number }) => v.max * 1.02 },
    yAxis: {
      type: "category" as const,
      data: labels,
      inverse: true,
      axisLabel: { width: lang === "zh" ? 110 : 140, overflow: "break" as const },
    },
    series: [
      ...partSeries,
      {
        type: "scatter" as const,
        name: m.chart.total,
        symbol: "rect",
        symbolSize: [4, 44],
        itemStyle: { color: COLORS.target },
        label: {
          show: true,
          position: "right" as const,
          formatter: (p: { dataIndex: number }) => `${m.chart.total} ${shown(spec.items[p.dataIndex]?.total)}`,
        },
        data: spec.items.map((i) => i.total.value),
      },
    ],
    tooltip: itemTooltip((s, d) => {
      const i = spec.items[d];
      if (!i) return "";
      const part = s < width ? i.parts[s] : undefined;
      const pt = part?.point ?? i.total;
      return tooltipHtml(
        part ? `${i.name[lang]} · ${part.label[lang]}` : i.name[lang],
        pointLines(pt, lang),
        pt.quote,
        lang,
      );
    }),
  };
  return {
    id: spec.id,
    title,
    option,
    height: Math.max(140, spec.items.length * 64 + 50),
    obsAt: (s, d) => (s < width ? spec.items[d]?.parts[s]?.point.obsId : spec.items[d]?.total.obsId),
    table: {
      columns: [m.chart.item, m.chart.total, m.chart.parts],
      rows: spec.items.map((i) => ({
        obsId: i.total.obsId,
        cells: [i.name[lang], i.total.printed, i.parts.map((p) => `${p.label[lang]} ${p.point.printed}`).join(" + ")],
      })),
    },
  };
}
