import { type PanelRow, type PromisesResult, pairPromises, panelRows, reportYear } from "@govreport/data/panel";
import { catalogueIndicator, commensurable, convert, findIndicator, type Localized } from "@govreport/schema";
import type { LoadedReport } from "./loaded.js";

/**
 * Several reports loaded together (a jurisdiction over the years, or several places): a time
 * series per indicator and the targets of each report against the results of the next. Built in
 * the loading worker with the CLI's own code (`govreport panel`, `govreport promises`), so the
 * page and the command line never disagree.
 */

/** One figure of a series: which report it came from (its index in `reports`) and where. */
export interface SeriesPoint {
  year: number;
  role: "actual" | "target";
  /** The value in the series' unit (converted when the report printed another unit of the same kind). */
  value: number;
  printed: string;
  report: number;
  obsId: string;
  quote: string;
  offset: number;
  /** Other reports that print the same figure again. */
  restatedIn: string[];
  /** Different figures for the same year and role (the point is the latest report's). */
  others: string[];
}

export interface IndicatorSeries {
  /** jurisdiction + indicator key (+ unit when one indicator is printed in units that do not convert). */
  key: string;
  jurisdiction: string;
  indicator: string;
  name: Localized;
  /** catalogue: matched across reports; report_local: one report's own indicator, never merged by a guess. */
  match: "catalogue" | "report_local";
  unit: string;
  points: SeriesPoint[];
}

export interface SeriesReport {
  id: string;
  title: Localized;
  jurisdiction: string;
  year?: number;
  fileName?: string;
  observations: number;
}

export interface SeriesModel {
  reports: SeriesReport[];
  series: IndicatorSeries[];
  promises: PromisesResult;
}

/** A point's key for links: the report's index and the observation id (ids are unique within a report only). */
export const pointKey = (report: number, obsId: string) => `${report}:${obsId}`;

export function parsePointKey(key: string): { report: number; obsId: string } | undefined {
  const m = /^(\d+):(.+)$/.exec(key);
  return m ? { report: Number(m[1]), obsId: m[2] as string } : undefined;
}

const ANNUAL = /^\d{4}$/;

export function buildSeries(loaded: readonly LoadedReport[]): SeriesModel {
  const reports = loaded.map((l) => l.report);
  const index = new Map(reports.map((r, i) => [r, i]));
  const rows = panelRows(reports).filter(
    (r) => ANNUAL.test(r.observation.period) && (r.observation.role === "actual" || r.observation.role === "target"),
  );
  const groups = new Map<string, PanelRow[]>();
  for (const r of rows) {
    const k = `${r.jurisdiction}\u0000${r.indicatorKey}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const series: IndicatorSeries[] = [];
  for (const group of groups.values()) {
    // Units that convert into one another share a series; one that does not (亿元 and 个 for the
    // same indicator) makes a series of its own rather than a line across incomparable figures.
    const byUnit: { unit: string; rows: PanelRow[] }[] = [];
    for (const r of group) {
      const u = r.observation.quantity.unit;
      const declared = [...r.report.units];
      const into = byUnit.find(
        (b) => b.unit === u || commensurable(b.unit, u, [...declared, ...(b.rows[0]?.report.units ?? [])]),
      );
      if (into) into.rows.push(r);
      else byUnit.push({ unit: u, rows: [r] });
    }
    for (const { unit, rows: unitRows } of byUnit) {
      const first = unitRows[0] as PanelRow;
      const o = first.observation;
      const name = findIndicator(o.indicator, first.report.indicators)?.name ?? {
        zh: o.subject ?? o.indicator,
        en: o.subject ?? o.indicator,
      };
      series.push({
        key: `${first.jurisdiction}\u0000${first.indicatorKey}${byUnit.length > 1 ? `\u0000${unit}` : ""}`,
        jurisdiction: first.jurisdiction,
        indicator: o.indicator,
        name,
        match: catalogueIndicator(o.indicator) ? "catalogue" : "report_local",
        unit,
        points: unitRows
          .map((r) => ({
            year: Number(r.observation.period),
            role: r.observation.role as "actual" | "target",
            value:
              r.observation.quantity.unit === unit
                ? r.observation.quantity.value
                : convert(r.observation.quantity.value, r.observation.quantity.unit, unit, [
                    ...r.report.units,
                    ...first.report.units,
                  ]),
            printed: r.observation.quantity.printed ?? `${r.observation.quantity.value}${r.observation.quantity.unit}`,
            report: index.get(r.report) ?? -1,
            obsId: r.observation.id,
            quote: r.observation.source.quote,
            offset: r.observation.source.offset,
            restatedIn: r.restatedIn,
            others: r.alternatives.map((a) => a.quantity.printed ?? `${a.quantity.value}${a.quantity.unit}`),
          }))
          .sort((a, b) => a.year - b.year || a.role.localeCompare(b.role)),
      });
    }
  }
  // The longest series first (most years with a result), catalogue before report-local.
  const years = (s: IndicatorSeries) => new Set(s.points.map((p) => p.year)).size;
  series.sort(
    (a, b) =>
      years(b) - years(a) ||
      Number(a.match === "report_local") - Number(b.match === "report_local") ||
      a.jurisdiction.localeCompare(b.jurisdiction) ||
      a.name.zh.localeCompare(b.name.zh),
  );
  const promises = pairPromises(
    loaded.map((l) => ({ report: l.report, ...(l.sourceText !== undefined ? { sourceText: l.sourceText } : {}) })),
  );
  return {
    reports: loaded.map((l) => {
      const year = reportYear(l.report);
      return {
        id: l.report.id,
        title: l.report.title,
        jurisdiction: l.report.jurisdiction.name.zh,
        ...(year !== undefined ? { year } : {}),
        ...(l.fileName !== undefined ? { fileName: l.fileName } : {}),
        observations: l.report.observations.length,
      };
    }),
    series,
    promises,
  };
}

/** The index of the report a promise figure came from (figures name their report by id). */
export function reportIndexOf(model: SeriesModel, reportId: string): number {
  return model.reports.findIndex((r) => r.id === reportId);
}
