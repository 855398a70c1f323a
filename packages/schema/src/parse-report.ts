import type { z } from "zod";
import { type Report, ReportSchema } from "./report.js";

/** One step of a JSON path to a value in a report: a property name or an array index. */
export type PathSegment = string | number;

/** One way a report fails the schema: where (a JSON path) and what is wrong. */
export interface SchemaIssue {
  /** JSON path, e.g. $.observations[3].quantity.unit */
  path: string;
  segments: PathSegment[];
  /** The cause in plain words. */
  message: string;
  /** For unknown fields: their names (the path is the object that has them). */
  keys?: string[];
}

/** What {@link parseReport} returns: the typed report, or every schema issue. */
export type ParseReportResult = { success: true; report: Report } | { success: false; issues: SchemaIssue[] };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** $.observations[3]["odd key"].unit */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let out = "$";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && IDENT.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "text";
    case "number":
      return Number.isNaN(value) ? "NaN" : "a number";
    case "boolean":
      return "true/false";
    case "object":
      return "an object";
    case "undefined":
      return "nothing";
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
};

function plain(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const got = valueAt(input, issue.path);
      if (got === undefined) return `is required (expected ${TYPE_WORDS[issue.expected] ?? issue.expected})`;
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${describe(got)}`;
    }
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      if (valueAt(input, issue.path) === undefined)
        return `is required (one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")})`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union": {
      if (!("discriminator" in issue && issue.discriminator)) return "does not match any of the allowed forms";
      const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
      const kinds = options.map((v) => JSON.stringify(v)).join(", ");
      const got = valueAt(input, issue.path);
      if (got === undefined) return `is required (one of ${kinds})`;
      return `${JSON.stringify(got)} is not one of ${kinds}`;
    }
    case "invalid_format":
      if (issue.format === "date") return `${JSON.stringify(valueAt(input, issue.path))} is not a date (YYYY-MM-DD)`;
      return issue.message;
    case "too_small":
      return issue.origin === "array"
        ? `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}`
        : issue.origin === "string"
          ? "must not be empty"
          : `must be at least ${issue.minimum}`;
    case "too_big":
      return `must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * Validates untrusted data (parsed YAML or JSON) against the report schema. Never throws for
 * bad data: each problem comes back with its JSON path and the cause in plain words.
 *
 * @example
 * const r = parseReport(YAML.parse(text));
 * if (r.success) console.log(r.report.observations.length);
 * else for (const i of r.issues) console.error(`${i.path}: ${i.message}`); // $.observations[3].period: …
 */
export function parseReport(input: unknown): ParseReportResult {
  const r = ReportSchema.safeParse(input);
  if (r.success) return { success: true, report: r.data };
  const issues = r.error.issues.map((issue) => {
    const segments = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const out: SchemaIssue = { path: formatJsonPath(segments), segments, message: plain(issue, input) };
    if (issue.code === "unrecognized_keys") out.keys = [...issue.keys];
    return out;
  });
  return { success: false, issues };
}

/**
 * Thrown by {@link assertReport} when a report does not pass the schema; `issues` lists every problem
 * with its path.
 */
export class ReportValidationError extends Error {
  override name = "ReportValidationError";
  constructor(readonly issues: SchemaIssue[]) {
    super(`invalid report:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  }
}

/** Like parseReport, but throws a ReportValidationError listing every issue. */
export function assertReport(input: unknown): Report {
  const r = parseReport(input);
  if (!r.success) throw new ReportValidationError(r.issues);
  return r.report;
}
