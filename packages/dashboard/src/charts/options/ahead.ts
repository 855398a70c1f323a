import { periodLabel } from "@govreport/schema";
import { type Lang, MESSAGES } from "../../i18n.js";
import type { AheadItem } from "../../model/chart-specs.js";
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
 * The latest actual and the target that follows it, per indicator: what was achieved, and what
 * the report sets out to achieve next. The implied change is computed, and the tooltip says so.
 */
export function aheadChart(spec: { id: string; unit: string; items: AheadItem[] }, lang: Lang): BuiltChart {
  const m = MESSAGES[lang];
  const unit = unitLabel(spec.unit, lang);
  const title = `${m.chart.ahead} · ${unit}`;
  const labels = itemLabels(
    spec.items.map((i) => ({ name: i.name, subject: i.target.subject, period: i.target.period })),
    lang,
  );
  const implied = (i: AheadItem) =>
    i.actual.value === 0 ? undefined : ((i.target.value - i.actual.value) / i.actual.value) * 100;
  const description = `${title}: ${spec.items
    .map((i, k) => `${labels[k]} ${i.actual.printed} → ${i.target.printed}`)
    .join("; ")}`;
  const bar = (which: "actual" | "target") => ({
    type: "bar" as const,
    barMaxWidth: 36,
    name: which === "actual" ? m.roles.actual : m.roles.target,
    itemStyle: { color: which === "actual" ? COLORS.actual : COLORS.target },
    label: {
      show: true,
      position: "right" as const,
      formatter: (p: { dataIndex: number }) => shown(spec.items[p.dataIndex]?.[which]),
    },
    data: spec.items.map((i) => i[which].value),
  });
  const option = {
    ...baseOption(title, lang, description),
    grid: { left: 8, right: 64, top: 36, bottom: 8 },
    xAxis: { type: "value" as const, name: unit, axisLabel: { hideOverlap: true }, max: roomyMax },
    yAxis: {
      type: "category" as const,
      data: labels,
      inverse: true,
      axisLabel: { width: lang === "zh" ? 110 : 140, overflow: "break" as const },
    },
    series: [bar("actual"), bar("target")],
    tooltip: itemTooltip((s, d) => {
      const i = spec.items[d];
      if (!i) return "";
      const pt = s === 0 ? i.actual : i.target;
      const lines = pointLines(pt, lang);
      const change = implied(i);
      if (s === 1 && change !== undefined) {
        lines.push([
          `${m.chart.impliedChange} (${periodLabel(i.actual.period, lang)} → ${periodLabel(i.target.period, lang)})`,
          `${change >= 0 ? "+" : ""}${fmtNumber(change, 1)}%`,
        ]);
      }
      return tooltipHtml(labels[d] ?? "", lines, pt.quote, lang);
    }),
  };
  return {
    id: spec.id,
    title,
    option,
    height: Math.max(180, spec.items.length * 64 + 60),
    obsAt: (s, d) => (s === 0 ? spec.items[d]?.actual.obsId : spec.items[d]?.target.obsId),
    table: {
      columns: [
        m.chart.item,
        m.roles.actual,
        m.explorer.periodCol,
        m.roles.target,
        m.explorer.periodCol,
        m.chart.impliedChange,
      ],
      rows: spec.items.map((i, k) => {
        const change = implied(i);
        return {
          obsId: i.target.obsId,
          cells: [
            labels[k] ?? "",
            i.actual.printed,
            periodLabel(i.actual.period, lang),
            i.target.printed,
            periodLabel(i.target.period, lang),
            change === undefined ? "" : `${change >= 0 ? "+" : ""}${fmtNumber(change, 1)}%`,
          ],
        };
      }),
    },
  };
}
