import { periodLabel } from "@govreport/schema";
import { type Lang, MESSAGES } from "../../i18n.js";
import type { ProgressItem } from "../../model/chart-specs.js";
import {
  type BuiltChart,
  baseOption,
  COLORS,
  fmtNumber,
  itemLabels,
  itemTooltip,
  pointLines,
  shown,
  tooltipHtml,
} from "./common.js";

/**
 * Actuals as a share of their targets, against a 100% line, with the share of the target's
 * period already elapsed as a marker: "half the time gone, half the task done" made visible.
 */
export function progressChart(spec: { id: string; items: ProgressItem[] }, lang: Lang): BuiltChart {
  const m = MESSAGES[lang];
  const title = m.chart.progress;
  const labels = itemLabels(
    spec.items.map((i) => ({
      name: i.name,
      // Computed targets are told apart by their rate: 税收(目标+15%).
      subject: i.derived ? m.chart.derivedLabel(i.derived.rate) : i.actual.subject,
      period: i.actual.period,
    })),
    lang,
  ).map((l, k) => {
    const d = spec.items[k]?.derived;
    return d && !l.includes(m.chart.derivedLabel(d.rate)) ? `${l}(${m.chart.derivedLabel(d.rate)})` : l;
  });
  const targetText = (i: ProgressItem) => (i.derived ? `${i.target.printed}*` : i.target.printed);
  const top = Math.max(100, ...spec.items.map((i) => i.percent));
  const max = Math.ceil(top / 20) * 20;
  const pct = (x: number) => `${fmtNumber(x, 1)}%`;
  const hasElapsed = spec.items.some((i) => i.elapsed !== undefined);
  const description = `${title}: ${spec.items
    .map((i, k) => `${labels[k]} ${i.actual.printed} / ${i.target.printed} = ${pct(i.percent)}`)
    .join("; ")}`;
  const option = {
    ...baseOption(title, lang, description),
    grid: { left: 8, right: 64, top: 36, bottom: 8 },
    xAxis: { type: "value" as const, min: 0, max, axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category" as const,
      data: labels,
      inverse: true,
      axisLabel: { width: lang === "zh" ? 110 : 140, overflow: "break" as const },
    },
    series: [
      {
        type: "bar" as const,
        barMaxWidth: 36,
        name: m.chart.percentOfTarget,
        itemStyle: { color: COLORS.actual },
        label: {
          show: true,
          position: "right" as const,
          formatter: (p: { dataIndex: number }) => {
            const i = spec.items[p.dataIndex];
            return i ? `${shown(i.actual)} / ${targetText(i)}` : "";
          },
        },
        data: spec.items.map((i) => Number(i.percent.toFixed(2))),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: COLORS.target, type: "solid" as const, width: 2 },
          label: { formatter: m.chart.targetLine, position: "insideEndTop" as const },
          data: [{ xAxis: 100 }],
        },
      },
      ...(hasElapsed
        ? [
            {
              type: "scatter" as const,
              name: m.chart.elapsed,
              symbol: "diamond",
              symbolSize: 14,
              itemStyle: { color: COLORS.elapsed },
              data: spec.items.map((i) => (i.elapsed === undefined ? "-" : Number(i.elapsed.toFixed(2)))),
            },
          ]
        : []),
    ],
    tooltip: itemTooltip((_s, d) => {
      const i = spec.items[d];
      if (!i) return "";
      const lines = pointLines(i.actual, lang);
      lines.push([
        `${i.derived ? m.chart.derivedTarget : m.roles.target} (${periodLabel(i.target.period, lang)})`,
        i.derived ? `${i.target.printed} = ${i.derived.base} × (1 + ${i.derived.rate})` : i.target.printed,
      ]);
      lines.push([m.chart.percentOfTarget, pct(i.percent)]);
      if (i.elapsed !== undefined) lines.push([m.chart.elapsed, pct(i.elapsed)]);
      return tooltipHtml(
        labels[d] ?? "",
        lines,
        i.derived ? `${i.actual.quote} … ${i.target.quote}` : i.actual.quote,
        lang,
      );
    }),
  };
  return {
    id: spec.id,
    title,
    option,
    height: Math.max(160, spec.items.length * 48 + 60),
    ...(spec.items.some((i) => i.derived) ? { note: m.chart.derivedNote } : {}),
    obsAt: (_s, d) => spec.items[d]?.actual.obsId,
    table: {
      columns: [
        m.chart.item,
        m.roles.actual,
        m.explorer.periodCol,
        m.roles.target,
        m.explorer.periodCol,
        m.chart.percentOfTarget,
        m.chart.elapsed,
      ],
      rows: spec.items.map((i, k) => ({
        obsId: i.actual.obsId,
        cells: [
          labels[k] ?? "",
          i.actual.printed,
          periodLabel(i.actual.period, lang),
          i.derived
            ? `${i.target.printed} = ${i.derived.base} × (1 + ${i.derived.rate}) (${m.chart.derivedTarget})`
            : i.target.printed,
          periodLabel(i.target.period, lang),
          pct(i.percent),
          i.elapsed === undefined ? "" : pct(i.elapsed),
        ],
      })),
    },
  };
}
