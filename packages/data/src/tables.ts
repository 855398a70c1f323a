import {
  CATALOGUE,
  CATEGORIES,
  DIMENSIONS,
  type Indicator,
  type Report,
  resolveUnit,
  type UnitDef,
  unitMeasure,
} from "@govreport/schema";
import type { Column } from "./columns.js";
import { columnsCsv } from "./csv.js";

/** Two reports define one id differently, so one table row cannot stand for both. */
export class DefinitionConflictError extends Error {
  override name = "DefinitionConflictError";
}

/** A row of `indicators.csv`: an indicator and where it is defined. */
export interface IndicatorRow {
  indicator: Indicator;
  /** "catalogue", or the id of the first report that defines it. */
  definedBy: string;
}

/** A row of `units.csv`: a unit as printed in the data. */
export interface UnitRow {
  id: string;
  /** The registry's or the report's definition; undefined for a unit neither knows. */
  unit: UnitDef | undefined;
  /** "registry", or the id of the first report that declares it. */
  definedBy: string;
  declared: readonly UnitDef[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every catalogue indicator, then every report-local one; a local id defined twice must be defined alike. */
export function indicatorRows(reports: readonly Report[]): IndicatorRow[] {
  const rows = new Map<string, IndicatorRow>(
    CATALOGUE.map((indicator) => [indicator.id, { indicator, definedBy: "catalogue" }]),
  );
  for (const report of reports)
    for (const indicator of report.indicators) {
      const seen = rows.get(indicator.id);
      if (!seen) rows.set(indicator.id, { indicator, definedBy: report.id });
      else if (!same(seen.indicator, indicator))
        throw new DefinitionConflictError(
          `indicator ${indicator.id} is defined differently by ${seen.definedBy} and ${report.id}: give one of them another id`,
        );
    }
  return [...rows.values()];
}

/** The units printed in any figure of the data (value, baseline, change), in order of first use. */
export function unitRows(reports: readonly Report[]): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const report of reports)
    for (const o of report.observations) {
      const c = o.comparison;
      for (const q of [o.quantity, c?.baseline?.quantity, c?.change, c?.percent, c?.points]) {
        if (!q || q.unit === "") continue;
        const unit = resolveUnit(q.unit, report.units);
        const declared = report.units.some((u) => u.id === q.unit) ? report.id : "registry";
        const seen = rows.get(q.unit);
        if (!seen) rows.set(q.unit, { id: q.unit, unit, definedBy: declared, declared: report.units });
        else if (!same(seen.unit, unit))
          throw new DefinitionConflictError(
            `unit ${q.unit} is declared differently by ${seen.definedBy} and ${report.id}: give one of them another id`,
          );
      }
    }
  return [...rows.values()];
}

/** The columns of `indicators.csv`, in order: one row for each indicator the observations use. */
export const INDICATOR_COLUMNS: readonly Column<IndicatorRow>[] = [
  {
    name: "indicator_id",
    type: "string",
    description: "The indicator's id, as in `observations.csv`'s `indicator_id`.",
    constraints: { required: true },
    get: (r) => r.indicator.id,
  },
  {
    name: "name_zh",
    type: "string",
    description: "Chinese name.",
    constraints: { required: true },
    get: (r) => r.indicator.name.zh,
  },
  {
    name: "name_en",
    type: "string",
    description: "English name.",
    constraints: { required: true },
    get: (r) => r.indicator.name.en,
  },
  {
    name: "category",
    type: "string",
    description: "Policy area.",
    constraints: { required: true, enum: CATEGORIES },
    get: (r) => r.indicator.category,
  },
  {
    name: "dimension",
    type: "string",
    description: "What the indicator's unit measures.",
    constraints: { required: true, enum: DIMENSIONS },
    get: (r) => r.indicator.dimension,
  },
  {
    name: "unit",
    type: "string",
    description: "The unit the indicator is usually reported in. Empty when none is usual.",
    get: (r) => r.indicator.unit || undefined,
  },
  {
    name: "direction",
    type: "string",
    description: "Which way the indicator should move: higher_is_better, lower_is_better or neutral.",
    constraints: { required: true, enum: ["higher_is_better", "lower_is_better", "neutral"] },
    get: (r) => r.indicator.direction,
  },
  {
    name: "description_en",
    type: "string",
    description: "What the indicator counts, in English, when the definition says.",
    get: (r) => r.indicator.description?.en,
  },
  {
    name: "defined_by",
    type: "string",
    description: "catalogue (the @govreport/schema indicator catalogue), or the id of the report that defines it.",
    constraints: { required: true },
    get: (r) => r.definedBy,
  },
];

/** The columns of `units.csv`, in order: one row for each unit the observations use. */
export const UNIT_COLUMNS: readonly Column<UnitRow>[] = [
  {
    name: "unit",
    type: "string",
    description: "The unit as printed, as in the unit columns of `observations.csv` (亿元, 万人次, %).",
    constraints: { required: true },
    get: (r) => r.id,
  },
  {
    name: "name_en",
    type: "string",
    description: "English name (100 million yuan). Empty for a unit the registry does not know.",
    get: (r) => r.unit?.en,
  },
  {
    name: "unit_mult",
    type: "integer",
    description: "The power of ten the unit multiplies by (SDMX UNIT_MULT): 8 for 亿元, 4 for 万人次.",
    constraints: { minimum: 0 },
    get: (r) => unitMeasure(r.id, r.declared)?.multiplier,
  },
  {
    name: "unit_measure",
    type: "string",
    description: "The unit multiplied, in Chinese (元 for 亿元, 人次 for 万人次). Empty for a bare number.",
    get: (r) => unitMeasure(r.id, r.declared)?.unit.id || undefined,
  },
  {
    name: "unit_en",
    type: "string",
    description: "The unit multiplied, as a short English unit (CNY, m², kWh, pp, households).",
    get: (r) => unitMeasure(r.id, r.declared)?.en,
  },
  {
    name: "dimension",
    type: "string",
    description: "What the unit measures.",
    constraints: { enum: DIMENSIONS },
    get: (r) => r.unit?.dimension,
  },
  {
    name: "base_unit",
    type: "string",
    description: "The base unit it converts to (元, 平方米, 人次). Empty for a bare number.",
    get: (r) => r.unit?.base || undefined,
  },
  {
    name: "scale",
    type: "number",
    description: "How many base units one of this unit is (1e8 for 亿元; 666.67 for 亩).",
    get: (r) => r.unit?.scale,
  },
  {
    name: "defined_by",
    type: "string",
    description: "registry (the @govreport/schema unit registry), or the id of the report that declares it.",
    constraints: { required: true },
    get: (r) => r.definedBy,
  },
];

/** `indicators.csv`: every catalogue indicator and every report-local one. */
export function indicatorsCsv(reports: readonly Report[]): string {
  return columnsCsv(INDICATOR_COLUMNS, indicatorRows(reports));
}

/** `units.csv`: every unit printed in the data. */
export function unitsCsv(reports: readonly Report[]): string {
  return columnsCsv(UNIT_COLUMNS, unitRows(reports));
}
