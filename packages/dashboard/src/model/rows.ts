import {
  type Category,
  convert,
  type Observation,
  type Qualifier,
  type Report,
  type Role,
  resolveUnit,
} from "@govreport/schema";
import { categoryOf, indicatorName, printedOf } from "./loaded.js";

/** One observation flattened for the explorer table (the CSV uses the data package's columns). */
export interface ExplorerRow {
  report_id: string;
  observation_id: string;
  indicator: string;
  indicator_zh: string;
  indicator_en: string;
  category: Category | "";
  role: Role;
  period: string;
  value: number;
  /** The value in its unit's base unit (31.17亿元 → 3117000000 元), what sorting by value compares. */
  base_value: number;
  max: number | undefined;
  unit: string;
  decimals: number;
  qualifier: Qualifier;
  printed: string;
  subject: string;
  comparison_direction: string;
  baseline_value: number | undefined;
  baseline_unit: string;
  baseline_period: string;
  change_printed: string;
  percent_printed: string;
  section: string;
  quote: string;
  offset: number;
}

/** The value in base units; the printed value when the unit is unknown. */
function baseValue(report: Report, obs: Observation): number {
  const def = resolveUnit(obs.quantity.unit, report.units);
  if (!def || def.base === obs.quantity.unit) return obs.quantity.value;
  return convert(obs.quantity.value, obs.quantity.unit, def.base, report.units);
}

export function observationRow(report: Report, obs: Observation): ExplorerRow {
  const name = indicatorName(report, obs);
  const c = obs.comparison;
  return {
    report_id: report.id,
    observation_id: obs.id,
    indicator: obs.indicator,
    indicator_zh: name.zh,
    indicator_en: name.en,
    category: categoryOf(report, obs) ?? "",
    role: obs.role,
    period: obs.period,
    value: obs.quantity.value,
    base_value: baseValue(report, obs),
    max: obs.quantity.max,
    unit: obs.quantity.unit,
    decimals: obs.quantity.decimals,
    qualifier: obs.quantity.qualifier,
    printed: printedOf(obs.quantity),
    subject: obs.subject ?? "",
    comparison_direction: c?.direction ?? "",
    baseline_value: c?.baseline?.quantity.value,
    baseline_unit: c?.baseline?.quantity.unit ?? "",
    baseline_period: c?.baseline?.period ?? "",
    change_printed: c?.change ? printedOf(c.change) : "",
    percent_printed: c?.percent ? printedOf(c.percent) : c?.points ? printedOf(c.points) : "",
    section: obs.section.join(" / "),
    quote: obs.source.quote,
    offset: obs.source.offset,
  };
}

export function observationRows(report: Report): ExplorerRow[] {
  return report.observations.map((o) => observationRow(report, o));
}

export interface RowFilter {
  /** Free text: matched against names, id, subject, printed figure, quote and section. */
  q?: string;
  category?: string;
  /** An indicator id, matched exactly. */
  indicator?: string;
  role?: string;
  qualifier?: string;
}

export function filterRows(rows: readonly ExplorerRow[], f: RowFilter): ExplorerRow[] {
  const needle = f.q?.trim().toLowerCase() ?? "";
  return rows.filter((r) => {
    if (f.category && r.category !== f.category) return false;
    if (f.indicator && r.indicator !== f.indicator) return false;
    if (f.role && r.role !== f.role) return false;
    if (f.qualifier && r.qualifier !== f.qualifier) return false;
    if (!needle) return true;
    return [r.indicator, r.indicator_zh, r.indicator_en, r.observation_id, r.subject, r.printed, r.quote, r.section]
      .join("\u0000")
      .toLowerCase()
      .includes(needle);
  });
}

export const SORT_KEYS = ["offset", "indicator", "category", "role", "period", "value", "qualifier"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Stable sort; text compares in the reader's language order, numbers numerically, blanks last. */
export function sortRows(
  rows: readonly ExplorerRow[],
  key: SortKey,
  dir: "asc" | "desc",
  lang: "zh" | "en" = "zh",
): ExplorerRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en");
  const field = (r: ExplorerRow): string | number =>
    key === "indicator" ? (lang === "zh" ? r.indicator_zh : r.indicator_en) : key === "value" ? r.base_value : r[key];
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = field(a.r);
      const y = field(b.r);
      let c: number;
      if (x === "" && y !== "") c = 1;
      else if (y === "" && x !== "") c = -1;
      else if (typeof x === "number" && typeof y === "number") c = sign * (x - y);
      else c = sign * collator.compare(String(x), String(y));
      return c || a.i - b.i;
    })
    .map(({ r }) => r);
}
