import type { Localized } from "@govreport/schema";
import { type Lang, MESSAGES } from "../../i18n.js";
import type { CountAreaItem } from "../../model/chart-specs.js";
import {
  type BuiltChart,
  baseOption,
  COLORS,
  fmtNumber,
  itemTooltip,
  pointLines,
  shown,
  tooltipHtml,
  unitLabel,
} from "./common.js";

/**
 * A count and an area of the same thing side by side, each on its own axis (sites on the left,
 * area on the right), grouped by what the report distinguishes (new vs existing structures).
 */
export function countAreaChart(
  spec: {
    id: string;
    count: Localized;
    area: Localized;
    countUnit: string;
    areaUnit: string;
    items: CountAreaItem[];
  },
  lang: Lang,
): BuiltChart {
  const m = MESSAGES[lang];
  const title = m.chart.countArea(spec.count[lang], spec.area[lang]);
  const countUnit = unitLabel(spec.countUnit, lang);
  const areaUnit = unitLabel(spec.areaUnit, lang);
  const bar = (which: "count" | "area", axis: number) => ({
    type: "bar" as const,
    barMaxWidth: 36,
    name: `${which === "count" ? m.chart.count : m.chart.area} (${which === "count" ? countUnit : areaUnit})`,
    yAxisIndex: axis,
    itemStyle: { color: which === "count" ? COLORS.actual : COLORS.area },
    label: {
      show: true,
      position: "top" as const,
      formatter: (p: { dataIndex: number }) => shown(spec.items[p.dataIndex]?.[which]),
    },
    data: spec.items.map((i) => i[which]?.value ?? "-"),
  });
  const description = `${title}: ${spec.items
    .map((i) => `${i.label[lang]} ${[i.count?.printed, i.area?.printed].filter(Boolean).join(", ")}`)
    .join("; ")}`;
  const option = {
    ...baseOption(title, lang, description),
    grid: { left: 8, right: 8, top: 56, bottom: 8 },
    xAxis: { type: "category" as const, data: spec.items.map((i) => i.label[lang]), axisLabel: { interval: 0 } },
    yAxis: [
      { type: "value" as const, name: countUnit, alignTicks: true },
      { type: "value" as const, name: areaUnit, alignTicks: true },
    ],
    series: [bar("count", 0), bar("area", 1)],
    tooltip: itemTooltip((s, d) => {
      const i = spec.items[d];
      const pt = s === 0 ? i?.count : i?.area;
      return i && pt ? tooltipHtml(i.label[lang], pointLines(pt, lang), pt.quote, lang) : "";
    }),
  };
  return {
    id: spec.id,
    title,
    option,
    height: 300,
    obsAt: (s, d) => (s === 0 ? spec.items[d]?.count?.obsId : spec.items[d]?.area?.obsId),
    table: {
      columns: [
        m.chart.item,
        `${m.chart.count} (${countUnit})`,
        `${m.chart.area} (${areaUnit})`,
        spec.count[lang],
        spec.area[lang],
      ],
      rows: spec.items.map((i) => ({
        ...(i.count ? { obsId: i.count.obsId } : i.area ? { obsId: i.area.obsId } : {}),
        cells: [
          i.label[lang],
          i.count ? fmtNumber(i.count.value, 4) : "",
          i.area ? fmtNumber(i.area.value, 4) : "",
          i.count?.printed ?? "",
          i.area?.printed ?? "",
        ],
      })),
    },
  };
}
