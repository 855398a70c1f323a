import {
  type Category,
  type CheckResult,
  findIndicator,
  formatQuantity,
  type Indicator,
  type Observation,
  type Quantity,
  type Report,
} from "@govreport/schema";

/** Where a report shown on the dashboard came from. */
export type ReportOrigin = "shipped" | "file" | "text";

/** A report ready to show: the data, its source text when known, and its checks. */
export interface LoadedReport {
  /** The shipped report id, or "local" for a report the reader loaded. */
  key: string;
  report: Report;
  sourceText?: string;
  origin: ReportOrigin;
  /** File name(s) the reader loaded it from. */
  fileName?: string;
  checks: CheckResult;
  /** Notes about how it was loaded (e.g. a source text whose sha256 differs from the report's). */
  notes: string[];
}

/** The figure as the report printed it (20.17亿元, 近1.6万条). */
export function printedOf(q: Quantity): string {
  return q.printed ?? formatQuantity(q);
}

export function indicatorOf(report: Report, obs: Observation): Indicator | undefined {
  return findIndicator(obs.indicator, report.indicators);
}

export function categoryOf(report: Report, obs: Observation): Category | undefined {
  return indicatorOf(report, obs)?.category;
}

/** Name of an observation's indicator; the indicator id when it is unknown. */
export function indicatorName(report: Report, obs: Observation): { zh: string; en: string } {
  return indicatorOf(report, obs)?.name ?? { zh: obs.indicator, en: obs.indicator };
}
