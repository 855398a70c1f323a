import type { PromisePair, Verdict } from "@govreport/data/panel";
import { convert } from "@govreport/schema";
import type { Lang } from "../../i18n.js";
import { SERIES_MESSAGES } from "../../i18n-series.js";
import { type IndicatorSeries, pointKey, reportIndexOf, type SeriesModel } from "../../model/series.js";
import { type BuiltChart, baseOption, COLORS, fmtNumber, itemTooltip, tooltipHtml, unitLabel } from "./common.js";

const reportName = (model: SeriesModel, i: number, lang: Lang) => {
  const r = model.reports[i];
  return r ? (r.fileName ?? r.title[lang]) : "?";
};

/**
 * One indicator across the reports: actuals as a solid line, targets dashed, each point the
 * figure as printed, its year on the x axis. A year without a figure is a gap, never joined over.
 */
export function seriesLineChart(s: IndicatorSeries, model: SeriesModel, lang: Lang, id: string): BuiltChart {
  const m = SERIES_MESSAGES[lang];
  const years = [...new Set(s.points.map((p) => p.year))].sort((a, b) => a - b);
  const name = s.name[lang];
  const title = m.lineTitle(
    s.match === "report_local" ? `${name}(${m.reportLocal})` : name,
    s.jurisdiction,
    unitLabel(s.unit, lang),
  );
  const roles = (["actual", "target"] as const).filter((r) => s.points.some((p) => p.role === r));
  const at = (role: "actual" | "target", year: number) => s.points.find((p) => p.role === role && p.year === year);
  const series = roles.map((role) => ({
    type: "line" as const,
    name: m[role],
    connectNulls: false,
    symbol: role === "actual" ? "circle" : "triangle",
    symbolSize: 10,
    lineStyle: { type: role === "actual" ? ("solid" as const) : ("dashed" as const), width: 2 },
    itemStyle: { color: role === "actual" ? COLORS.actual : COLORS.target },
    label: {
      show: true,
      position: role === "actual" ? ("top" as const) : ("bottom" as const),
      formatter: (p: { dataIndex: number }) => at(role, years[p.dataIndex] ?? 0)?.printed ?? "",
    },
    data: years.map((y) => at(role, y)?.value ?? "-"),
  }));
  const description = `${title}: ${s.points.map((p) => `${p.year} ${m[p.role]} ${p.printed}`).join("; ")}`;
  const option = {
    ...baseOption(title, lang, description),
    legend: { show: roles.length > 1, top: 0, left: 0, right: 40 },
    grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category" as const, data: years.map(String), boundaryGap: true },
    // Room above and below for the printed figures (labels above actuals, below targets).
    yAxis: {
      type: "value" as const,
      scale: true,
      boundaryGap: ["20%", "20%"] as [string, string],
      name: unitLabel(s.unit, lang),
    },
    series,
    tooltip: itemTooltip((si, d) => {
      const p = at(roles[si] ?? "actual", years[d] ?? 0);
      if (!p) return "";
      const lines: [string, string][] = [
        [m.yearCol, String(p.year)],
        [m[p.role], p.printed],
        [m.reportCol, reportName(model, p.report, lang)],
      ];
      if (p.restatedIn.length > 0) lines.push(["", m.restated(p.restatedIn.join(", "))]);
      if (p.others.length > 0) lines.push(["⚠", m.others(p.others.join(", "))]);
      return tooltipHtml(title, lines, p.quote, lang);
    }),
  };
  return {
    id,
    title,
    option,
    height: 300,
    obsAt: (si, d) => {
      const p = at(roles[si] ?? "actual", years[d] ?? 0);
      return p ? pointKey(p.report, p.obsId) : undefined;
    },
    table: {
      columns: [m.yearCol, m.roleCol, m.valueCol, m.reportCol],
      rows: s.points.map((p) => ({
        obsId: pointKey(p.report, p.obsId),
        cells: [
          String(p.year),
          m[p.role],
          p.printed + (p.others.length > 0 ? ` ⚠ ${m.others(p.others.join(", "))}` : ""),
          reportName(model, p.report, lang),
        ],
      })),
    },
  };
}

export const VERDICT_COLORS: Record<Verdict, string> = {
  met: "#009E73",
  met_within_rounding: "#56B4E9",
  missed: "#D55E00",
  not_comparable: "#999999",
  no_result_stated: "#CC79A7",
  no_result_found: "#F0E442",
};

/** A pair's result as a percentage of its target, when both are in units that compare and the target is positive. */
export function percentOfTarget(p: PromisePair): number | undefined {
  const r = p.result;
  if (!r || !(p.target.value > 0) || r.max !== undefined) return undefined;
  if (p.verdict === "not_comparable") return undefined;
  try {
    const a = r.unit === p.target.unit ? r.value : convert(r.value, r.unit, p.target.unit);
    return (a / p.target.value) * 100;
  } catch {
    return undefined;
  }
}

/** The key of a pair (its index in the promises' pairs) for links from the chart. */
export const pairKey = (i: number) => `pair:${i}`;

/**
 * Each paired target's result as a percentage of it, one bar per pair, one series per verdict
 * (so legend, colour and decal name the verdict), against a 100% line.
 */
export function promisesChart(model: SeriesModel, lang: Lang, id: string): BuiltChart {
  const m = SERIES_MESSAGES[lang];
  const all = model.promises.pairs.map((p, i) => ({ p, i, pct: percentOfTarget(p) }));
  const drawn = all.filter((x): x is typeof x & { pct: number } => x.pct !== undefined);
  const labels = drawn.map(({ p }) => `${p.year} ${p.name}`);
  const verdicts = (["met", "met_within_rounding", "missed"] as const).filter((v) =>
    drawn.some((x) => x.p.verdict === v),
  );
  const title = m.chartTitle;
  const top = Math.max(120, ...drawn.map((x) => x.pct));
  const option = {
    ...baseOption(
      title,
      lang,
      `${title}: ${drawn.map((x, k) => `${labels[k]} ${fmtNumber(x.pct, 1)}% ${m.verdicts[x.p.verdict]}`).join("; ")}`,
    ),
    legend: { top: 0, left: 0, right: 40 },
    grid: { left: 8, right: 64, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "value" as const, min: 0, max: Math.ceil(top / 20) * 20, axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category" as const,
      data: labels,
      inverse: true,
      axisLabel: { width: lang === "zh" ? 140 : 180, overflow: "truncate" as const },
    },
    series: verdicts.map((v, si) => ({
      type: "bar" as const,
      name: m.verdicts[v],
      stack: "verdict",
      barMaxWidth: 24,
      itemStyle: { color: VERDICT_COLORS[v] },
      label: {
        show: true,
        position: "right" as const,
        formatter: (x: { dataIndex: number }) => {
          const d = drawn[x.dataIndex];
          return d && d.p.verdict === v ? `${d.p.result?.printed ?? ""} / ${d.p.target.printed}` : "";
        },
      },
      ...(si === 0
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed" as const, color: "#333" },
              data: [{ xAxis: 100 }],
              label: { formatter: "100%" },
            },
          }
        : {}),
      data: drawn.map((x) => (x.p.verdict === v ? Number(x.pct.toFixed(1)) : "-")),
    })),
    tooltip: itemTooltip((_s, d) => {
      const x = drawn[d];
      if (!x) return "";
      return tooltipHtml(
        labels[d] ?? "",
        [
          [m.targetCol, x.p.target.printed],
          [m.resultCol, x.p.result?.printed ?? ""],
          [m.percentOfTarget, `${fmtNumber(x.pct, 1)}%`],
          [m.verdictCol, m.verdicts[x.p.verdict]],
        ],
        x.p.result?.quote,
        lang,
      );
    }),
  };
  return {
    id,
    title,
    option,
    height: Math.max(160, drawn.length * 30 + 70),
    obsAt: (_s, d) => {
      const x = drawn[d];
      return x ? pairKey(x.i) : undefined;
    },
    note: m.chartNote(all.length - drawn.length),
    table: {
      columns: [m.yearCol, m.indicator, m.targetCol, m.resultCol, m.percentOfTarget, m.verdictCol],
      rows: drawn.map((x, k) => ({
        obsId: pairKey(x.i),
        cells: [
          String(x.p.year),
          labels[k]?.replace(/^\d{4} /, "") ?? "",
          x.p.target.printed,
          x.p.result?.printed ?? "",
          `${fmtNumber(x.pct, 1)}%`,
          m.verdicts[x.p.verdict],
        ],
      })),
    },
  };
}

/** Report index of a promise figure. */
export const figureReport = (model: SeriesModel, reportId: string) => reportIndexOf(model, reportId);
