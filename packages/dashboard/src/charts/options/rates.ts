import type { Localized } from "@govreport/schema";
import { type Lang, MESSAGES } from "../../i18n.js";
import type { RateItem } from "../../model/chart-specs.js";
import {
  type BuiltChart,
  baseOption,
  COLORS,
  itemLabels,
  itemTooltip,
  pointLines,
  shown,
  tooltipHtml,
} from "./common.js";

/**
 * Rates on a fixed 0-100 scale (never a zoomed axis that makes 89% look like 0), actuals and
 * targets in their own series so colour and decal tell them apart.
 */
export function ratesChart(spec: { id: string; family?: Localized; items: RateItem[] }, lang: Lang): BuiltChart {
  const m = MESSAGES[lang];
  const title = spec.family ? m.chart.ratesOf(spec.family[lang]) : m.chart.rates;
  // In a family's chart the title names the family, so labels drop it: 12345热线及时处置率 → 及时处置率.
  const family = spec.family?.[lang];
  const labels = itemLabels(
    spec.items.map((i) => ({ name: i.name, subject: i.point.subject, period: i.point.period })),
    lang,
  ).map((l) => {
    const rest = family && l.startsWith(family) ? l.slice(family.length).replace(/^[\s:：,，、-]+/u, "") : "";
    return rest || l;
  });
  const isTarget = (i: RateItem) => i.point.role === "target" || i.point.role === "plan";
  const series = (target: boolean) => ({
    type: "bar" as const,
    barMaxWidth: 36,
    name: target ? m.roles.target : m.roles.actual,
    barGap: "-100%",
    itemStyle: { color: target ? COLORS.target : COLORS.actual },
    label: {
      show: true,
      position: "right" as const,
      formatter: (p: { dataIndex: number }) => shown(spec.items[p.dataIndex]?.point),
    },
    data: spec.items.map((i) => (isTarget(i) === target ? i.point.value : "-")),
  });
  const hasTargets = spec.items.some(isTarget);
  const description = `${title}: ${spec.items.map((i, k) => `${labels[k]} ${i.point.printed}`).join("; ")}`;
  const option = {
    ...baseOption(title, lang, description),
    legend: { show: hasTargets, top: 0, left: 0, right: 40 },
    grid: { left: 8, right: 56, top: 36, bottom: 8 },
    xAxis: { type: "value" as const, min: 0, max: 100, name: "%", axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category" as const,
      data: labels,
      inverse: true,
      axisLabel: { width: lang === "zh" ? 110 : 140, overflow: "break" as const },
    },
    series: hasTargets ? [series(false), series(true)] : [series(false)],
    tooltip: itemTooltip((_s, d) => {
      const i = spec.items[d];
      return i ? tooltipHtml(labels[d] ?? "", pointLines(i.point, lang), i.point.quote, lang) : "";
    }),
  };
  return {
    id: spec.id,
    title,
    option,
    height: Math.max(160, spec.items.length * 44 + 60),
    obsAt: (_s, d) => spec.items[d]?.point.obsId,
    table: {
      columns: [m.chart.item, m.explorer.value, m.explorer.role, m.explorer.qualifier],
      rows: spec.items.map((i, k) => ({
        obsId: i.point.obsId,
        cells: [labels[k] ?? "", i.point.printed, m.roles[i.point.role], m.qualifiers[i.point.qualifier]],
      })),
    },
  };
}
