/**
 * Raw report text to a draft report that passes the schema. Pure and browser-safe.
 *
 * @module @govreport/extract
 */
export { extractReportAsync } from "./async.js";
export {
  type ExtractWarning,
  SKIP_CODES,
  type SkipCode,
  WARNING_CODES,
  type WarningCode,
} from "./codes.js";
export { type ReadComparison, readComparison } from "./comparisons.js";
export {
  type ExtractedQuantity,
  type ExtractOptions,
  type ExtractResult,
  extractReport,
  type FigureKind,
  type SkippedFigure,
} from "./extract.js";
export { type IndicatorSuggestion, localIndicator, suggestIndicators } from "./indicators.js";
export { fiveYearPlan, type PeriodMarker, type YearContext } from "./periods.js";
export { MAX_CHARS, MAX_FIGURES } from "./read-limit.js";
export { type Section, type SectionKind, type SectionMode, splitSections } from "./sections.js";
export { sha256Hex, sha256HexSync } from "./sha256.js";
