import { periodLabel } from "@govreport/schema";
import { type Lang, MESSAGES } from "../../i18n.js";
import type { Baseline, YoyItem } from "../../model/chart-specs.js";
import {
  type BuiltChart,
  baseOption,
  COLORS,
  fmtNumber,
  itemLabels,
  itemTooltip,
  pointLines,
  roomyMax,
  shown,
  tooltipHtml,
  unitLabel,
} from "./common.js";

/**
 * Current vs baseline bars, one row per indicator (horizontal, so long Chinese names fit on a
 * phone). The value axis is in the unit most of the figures were printed in.
 */
export function yoyChart(
  spec: { id: string; unit: string; against: Baseline; items: YoyItem[] },
  lang: Lang,
): BuiltChart {
  const m = MESSAGES[lang];
  const unit = unitLabel(spec.unit, lang);
  // Only a baseline one year earlier is 同比; a 2020 → 2025 change is titled by its years.
  const span = spec.against.kind === "span" ? spec.against : undefined;
  const title = span
    ? `${m.chart.span(periodLabel(span.from, lang), periodLabel(span.to, lang))} · ${unit}`
    : `${m.chart.yoy} · ${unit}`;
  const baselineName = span ? periodLabel(span.from, lang) : m.chart.baseline;
  const currentName = span ? periodLabel(span.to, lang) : m.chart.current;
  const names = itemLabels(
    spec.items.map((i) => ({ name: i.name, subject: i.current.subject, period: i.current.period })),
    lang,
  );
  const description = `${title}: ${spec.items
    .map(
      (i) =>
        `${i.name[lang]} ${i.current.printed} ${m.vsBaseline} ${i.baseline.printed}${i.change ? ` (${i.change})` : ""}`,
    )
    .join("; ")}`;
  const option = {
    ...baseOption(title, lang, description),
    grid: { left: 8, right: 48, top: 36, bottom: 8 },
    xAxis: {
      type: "value" as const,
      name: unit,
      nameLocation: "end" as const,
      axisLabel: { hideOverlap: true },
      max: roomyMax,
    },
    yAxis: {
      type: "category" as const,
      data: names,
      inverse: true,
      axisLabel: { width: lang === "zh" ? 96 : 120, overflow: "break" as const },
    },
    series: [
      {
        type: "bar" as const,
        barMaxWidth: 36,
        name: baselineName,
        itemStyle: { color: COLORS.baseline },
        label: {
          show: true,
          position: "right" as const,
          formatter: (p: { dataIndex: number }) => spec.items[p.dataIndex]?.baseline.printed ?? "",
        },
        data: spec.items.map((i) => i.baseline.value),
      },
      {
        type: "bar" as const,
        barMaxWidth: 36,
        name: currentName,
        itemStyle: { color: COLORS.current },
        label: {
          show: true,
          position: "right" as const,
          formatter: (p: { dataIndex: number }) => {
            const i = spec.items[p.dataIndex];
            return i
              ? `${shown(i.current)}${i.change ? ` ${i.direction === "increase" ? "↑" : "↓"}${i.change}` : ""}`
              : "";
          },
        },
        data: spec.items.map((i) => i.current.value),
      },
    ],
    tooltip: itemTooltip((_s, d) => {
      const i = spec.items[d];
      if (!i) return "";
      const lines = pointLines(i.current, lang);
      lines.push([`${baselineName} (${periodLabel(i.baseline.period, lang)})`, i.baseline.printed]);
      if (i.change) lines.push([m.chart.change, `${m[i.direction]} ${i.change}`]);
      return tooltipHtml(i.name[lang], lines, i.current.quote, lang);
    }),
  };
  return {
    id: spec.id,
    title,
    option,
    height: Math.max(180, spec.items.length * 72 + 60),
    obsAt: (_s, d) => spec.items[d]?.current.obsId,
    table: {
      columns: [
        m.chart.item,
        currentName,
        m.explorer.periodCol,
        baselineName,
        m.explorer.periodCol,
        m.chart.change,
        `${currentName} (${unit})`,
        `${baselineName} (${unit})`,
      ],
      rows: spec.items.map((i) => ({
        obsId: i.current.obsId,
        cells: [
          i.name[lang],
          i.current.printed,
          periodLabel(i.current.period, lang),
          i.baseline.printed,
          periodLabel(i.baseline.period, lang),
          i.change ? `${m[i.direction]} ${i.change}` : "",
          fmtNumber(i.current.value, 4),
          fmtNumber(i.baseline.value, 4),
        ],
      })),
    },
  };
}
