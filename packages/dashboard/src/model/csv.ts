import { type CellValue, OBSERVATION_COLUMNS } from "@govreport/data";
import type { Observation, Report } from "@govreport/schema";

/** Quotes a field when it holds a comma, a double quote, CR or LF; doubles inner quotes (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as the data package writes it: numbers in JS notation, lists as JSON, missing as "". */
export function formatCell(value: CellValue): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * The observations as CSV with exactly the columns of the data package's observations.csv, so
 * a download from the explorer and the published file can be read by the same code.
 */
export function observationsCsv(report: Report, observations: readonly Observation[]): string {
  const lines = [OBSERVATION_COLUMNS.map((c) => csvField(c.name)).join(",")];
  for (const observation of observations) {
    lines.push(OBSERVATION_COLUMNS.map((c) => csvField(formatCell(c.get({ report, observation })))).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

export const CSV_COLUMNS: readonly string[] = OBSERVATION_COLUMNS.map((c) => c.name);
