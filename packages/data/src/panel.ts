/**
 * A panel from many reports: one row per jurisdiction × indicator × period × role, with the columns
 * of `observations.csv` (the same definitions: OBSERVATION_COLUMNS) plus the panel's own keys.
 * Browser-safe: depends on @govreport/schema only, never on the shipped reports.
 */
import { catalogueIndicator, comparePeriods, type Observation, type Report } from "@govreport/schema";
import { type CellValue, type Column, OBSERVATION_COLUMNS, type ObservationRow } from "./columns.js";
import { columnsCsv } from "./csv.js";
import { CSV_DIALECT, type ResourceFile, tableSchemaField } from "./datapackage.js";

/** The roles a panel holds: what was achieved, what was aimed at, and reference figures. */
export const PANEL_ROLES = ["actual", "target", "baseline"] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

export interface PanelRow extends ObservationRow {
  /** The jurisdiction's Chinese name (河北省): reports of one place over the years share it. */
  jurisdiction: string;
  /**
   * The indicator across reports: a catalogue id, or `<report id>/<local id>` for a report-local
   * indicator, which is never merged with another report's (a similar phrase is not proof).
   */
  indicatorKey: string;
  /** Other figures of the same key (same report or others): kept out of the row, never silently. */
  alternatives: Observation[];
  /** Reports that state the same figure again (a later report repeating last year's result). */
  restatedIn: string[];
}

export function jurisdictionOf(report: Report): string {
  return report.jurisdiction.name.zh;
}

/** Catalogue indicators match across reports by id; a report-local one stays its report's own. */
export function indicatorKey(report: Report, o: Observation): string {
  return catalogueIndicator(o.indicator) ? o.indicator : `${report.id}/${o.indicator}`;
}

/**
 * The year a report was delivered in (the year its targets are for): its delivered date; else the
 * year after its review period (2022 → 2023, 2021/2025 → 2026) when it sets targets for that
 * year; else the year most of its annual targets are for (a digest of the plan alone, whose
 * review period was not printed); else the year after the review period.
 */
export function reportYear(report: Report): number | undefined {
  const d = report.delivered === undefined ? undefined : /^(\d{4})/.exec(report.delivered)?.[1];
  if (d !== undefined) return Number(d);
  const end = /^(?:\d{4}\/)?(\d{4})$/.exec(report.period)?.[1];
  const after = end === undefined ? undefined : Number(end) + 1;
  const targetYears = new Map<number, number>();
  for (const o of report.observations)
    if (o.role === "target" && /^\d{4}$/.test(o.period))
      targetYears.set(Number(o.period), (targetYears.get(Number(o.period)) ?? 0) + 1);
  if (after !== undefined && targetYears.has(after)) return after;
  const most = [...targetYears].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return most?.[0] ?? after;
}

/** Same printed figure: value, range end, unit and qualifier. */
export function sameFigure(a: Observation, b: Observation): boolean {
  const [x, y] = [a.quantity, b.quantity];
  return x.value === y.value && x.max === y.max && x.unit === y.unit && x.qualifier === y.qualifier;
}

const byYear = (a: Report, b: Report) => (reportYear(a) ?? 0) - (reportYear(b) ?? 0) || a.id.localeCompare(b.id);

/**
 * One row per jurisdiction × indicator × period × role. Where several observations share a key,
 * the row is the latest report's first (in document order); the same figure stated again (a
 * report printed twice, or a later report restating a result) is listed in `restatedIn`, and a
 * different figure in `alternatives`, so that no disagreement disappears.
 */
export function panelRows(reports: readonly Report[]): PanelRow[] {
  const rows = new Map<string, PanelRow>();
  for (const report of [...reports].sort(byYear).reverse())
    for (const o of report.observations) {
      if (!(PANEL_ROLES as readonly string[]).includes(o.role)) continue;
      const row: PanelRow = {
        report,
        observation: o,
        jurisdiction: jurisdictionOf(report),
        indicatorKey: indicatorKey(report, o),
        alternatives: [],
        restatedIn: [],
      };
      const key = [row.jurisdiction, row.indicatorKey, o.period, o.role].join("\u0000");
      const kept = rows.get(key);
      if (!kept) rows.set(key, row);
      else if (sameFigure(kept.observation, o)) {
        if (report.id !== kept.report.id && !kept.restatedIn.includes(report.id)) kept.restatedIn.push(report.id);
      } else if (!kept.alternatives.some((x) => sameFigure(x, o))) kept.alternatives.push(o);
    }
  return [...rows.values()].sort(
    (a, b) =>
      a.jurisdiction.localeCompare(b.jurisdiction) ||
      a.indicatorKey.localeCompare(b.indicatorKey) ||
      comparePeriods(a.observation.period, b.observation.period) ||
      a.observation.role.localeCompare(b.observation.role),
  );
}

export interface PanelColumn extends Omit<Column, "get"> {
  get(row: PanelRow): CellValue;
}

const observationColumn = (name: string): Column => {
  const c = OBSERVATION_COLUMNS.find((x) => x.name === name);
  if (!c) throw new Error(`@govreport/data has no observation column "${name}"`);
  return c;
};

/** Columns of observations.csv a panel row carries, under the same definitions. */
export const PANEL_OBSERVATION_COLUMN_NAMES = [
  "indicator_id",
  "indicator_zh",
  "indicator_en",
  "category",
  "role",
  "period",
  "period_start",
  "period_end",
  "value",
  "value_max",
  "unit",
  "decimals",
  "qualifier",
  "printed",
  "value_in_base_unit",
  "base_unit",
  "report_id",
  "observation_id",
  "quote",
  "quote_offset",
] as const;

export const PANEL_COLUMNS: readonly PanelColumn[] = [
  {
    name: "jurisdiction",
    type: "string",
    description: "The jurisdiction the report is for, by its Chinese name (河北省); the first part of the row's key.",
    constraints: { required: true },
    get: (row) => row.jurisdiction,
  },
  {
    name: "jurisdiction_level",
    type: "string",
    description: "Administrative level of the jurisdiction (provincial, prefectural, county, township…).",
    get: (row) => row.report.jurisdiction.level,
  },
  {
    name: "indicator_key",
    type: "string",
    description:
      "The indicator across reports: a catalogue id (gdp_growth), matched across reports; or `<report_id>/<local id>` for an indicator the catalogue does not cover, which stays its report's own and is never merged by a guess.",
    constraints: { required: true },
    get: (row) => row.indicatorKey,
  },
  {
    name: "indicator_match",
    type: "string",
    description: "catalogue: matched across reports through the catalogue; report_local: one report's own indicator.",
    constraints: { required: true, enum: ["catalogue", "report_local"] },
    get: (row) => (catalogueIndicator(row.observation.indicator) ? "catalogue" : "report_local"),
  },
  ...PANEL_OBSERVATION_COLUMN_NAMES.map(observationColumn),
  {
    name: "restated_in",
    type: "array",
    description:
      "Other reports that print the same figure for this key (a result restated a year later), as a JSON array of report ids.",
    get: (row) => (row.restatedIn.length > 0 ? row.restatedIn : undefined),
  },
  {
    name: "other_figures",
    type: "array",
    description:
      "Different figures the reports give for the same key (the row keeps the latest report's first), as a JSON array of printed figures with their observation ids: a disagreement to look at.",
    get: (row) =>
      row.alternatives.length > 0
        ? row.alternatives.map((o) => `${o.quantity.printed ?? o.quantity.value + o.quantity.unit} (${o.id})`)
        : undefined,
  },
];

export function panelCsv(rows: readonly PanelRow[]): string {
  return columnsCsv(PANEL_COLUMNS, rows);
}

/** The panel as JSON records: one object per row, keys as the CSV header, empty cells left out. */
export function panelRecords(rows: readonly PanelRow[]): Record<string, CellValue>[] {
  return rows.map((row) => {
    const out: Record<string, CellValue> = {};
    for (const c of PANEL_COLUMNS) {
      const v = c.get(row);
      if (v !== undefined) out[c.name] = v;
    }
    return out;
  });
}

/** A Frictionless data package of the panel CSV (no licence unless given: the reports are the user's), its Table Schema from PANEL_COLUMNS. */
export function panelDataPackage(info: { version: string; license?: string }, file: ResourceFile) {
  return {
    profile: "data-package",
    name: "govreport-panel",
    title: "Panel of indicators from Chinese government work reports (政府工作报告)",
    description:
      "One row per jurisdiction × indicator × period × role (actual, target, baseline), built by govreport panel from several reports; every figure keeps its verbatim quote and code-point offset in its report's source text.",
    version: info.version,
    // The reports are the user's: their licence is theirs to state.
    ...(info.license !== undefined ? { licenses: [{ name: info.license }] } : {}),
    resources: [
      {
        profile: "tabular-data-resource",
        name: "panel",
        path: file.path,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        ...(file.bytes !== undefined ? { bytes: file.bytes } : {}),
        ...(file.hash !== undefined ? { hash: file.hash } : {}),
        dialect: CSV_DIALECT,
        schema: {
          fields: PANEL_COLUMNS.map((c) => tableSchemaField(c as unknown as Column)),
          primaryKey: ["jurisdiction", "indicator_key", "period", "role"],
          missingValues: [""],
        },
      },
    ],
  };
}
