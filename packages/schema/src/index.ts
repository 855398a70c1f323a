/**
 * The model of a Chinese government work report: zod schemas and types, the unit registry, the
 * indicator catalogue, parsing of printed quantities and periods, and the consistency checks.
 *
 * @module @govreport/schema
 */
export * from "./catalogue.js";
export * from "./checks.js";
export * from "./checks-coverage.js";
export * from "./decode-text.js";
export * from "./finding.js";
export * from "./indicator.js";
export type { Interval } from "./interval.js";
/**
 * Rounding-aware interval arithmetic (`intervals.add`, `intervals.sum`, `intervals.overlaps`, …),
 * kept in a namespace so that bare names like `add` or `width` do not crowd the package root.
 */
export * as intervals from "./interval.js";
export * from "./parse-quantity.js";
export * from "./parse-report.js";
export * from "./period.js";
export * from "./quantity.js";
export * from "./report.js";
export * from "./source-text.js";
export * from "./units.js";
