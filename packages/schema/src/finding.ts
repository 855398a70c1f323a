import type { Coverage } from "./checks-coverage.js";
import type { Localized } from "./indicator.js";
import type { Severity } from "./report.js";

/**
 * The stable finding codes. Tools and CI scripts match on these, so a code is never renamed;
 * a new check gets a new code.
 */
export const FINDING_CODES = {
  "report.duplicate_id": "error",
  "report.unknown_reference": "error",
  "indicator.unknown": "error",
  "unit.unknown": "warning",
  "unit.dimension_mismatch": "error",
  "value.out_of_bounds": "error",
  "period.outside_report": "warning",
  "comparison.change_mismatch": "error",
  "comparison.percent_mismatch": "error",
  "comparison.points_mismatch": "error",
  "comparison.direction_mismatch": "error",
  "comparison.percent_for_points": "warning",
  "relation.sum_mismatch": "error",
  "relation.ratio_mismatch": "error",
  "relation.derived_target_mismatch": "error",
  "relation.average_growth_mismatch": "error",
  "relation.part_exceeds_whole": "error",
  "relation.remainder_mismatch": "error",
  "relation.product_mismatch": "error",
  "relation.growth_mismatch": "error",
  "relation.per_capita_mismatch": "error",
  "relation.sequence_mismatch": "error",
  "relation.count_mismatch": "error",
  "relation.derived_target": "info",
  "relation.progress": "info",
  "relation.unit_mismatch": "error",
  "provenance.no_source": "info",
  "provenance.quote_not_found": "error",
  "provenance.quote_not_searched": "error",
  "provenance.offset_mismatch": "error",
  "provenance.figure_not_in_quote": "error",
  "provenance.value_mismatch": "error",
} as const satisfies Record<string, Severity>;
/** A stable code of a check finding, e.g. `"comparison.change_mismatch"` (the keys of `FINDING_CODES`). */
export type FindingCode = keyof typeof FINDING_CODES;

/**
 * One thing {@link checkReport} found: code, severity, the observations and relation involved, and a message
 * in Chinese and English.
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Ids of the observations involved. */
  observations: string[];
  /** Id of the relation involved, for relation findings. */
  relation?: string;
  message: Localized;
  /** The figure as the report states it, e.g. "6.39亿元". */
  stated?: string;
  /** What the other printed figures imply, e.g. "[6.28, 6.3]亿元". */
  computed?: string;
  /** True when the report acknowledges this finding; it then does not make the report invalid. */
  acknowledged: boolean;
  explanation?: Localized;
  /** JSON path of the offending value inside the report, e.g. $.observations[3].quantity.unit */
  path?: string;
  /**
   * Where the words it is about start in the source text (code points), for a finding on printed words
   * rather than observations: the ordinal out of order, the count that does not match its items.
   */
  offset?: number;
}

/** How many findings {@link checkReport} made at each severity, and how many of them were acknowledged. */
export interface CheckSummary {
  error: number;
  warning: number;
  info: number;
  acknowledged: number;
}

/** What {@link checkReport} returns: its findings and their counts, whether the report is valid, and what was checked. */
export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
  /** No unacknowledged errors. */
  valid: boolean;
  /** Every relation between printed figures that was checked, with its arithmetic and verdict. */
  coverage: Coverage;
}
