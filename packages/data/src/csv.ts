import type { Report } from "@govreport/schema";
import { type CellValue, type Column, OBSERVATION_COLUMNS, observationRows } from "./columns.js";

/** RFC 4180 records end in CRLF. */
export const CSV_LINE_TERMINATOR = "\r\n";

/** Quotes a field when it holds a comma, a double quote, CR or LF; doubles inner quotes (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as Table Schema reads it back: numbers in JS notation, arrays as JSON, missing as "". */
export function formatCell(value: CellValue): string {
  if (value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
    return String(value);
  }
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function toCsv<Row>(
  columns: readonly Pick<Column, "name">[],
  cells: (row: Row) => CellValue[],
  rows: readonly Row[],
): string {
  const lines = [columns.map((c) => csvField(c.name)).join(",")];
  for (const row of rows)
    lines.push(
      cells(row)
        .map((v) => csvField(formatCell(v)))
        .join(","),
    );
  return lines.join(CSV_LINE_TERMINATOR) + CSV_LINE_TERMINATOR;
}

/** A table whose cells are its columns' `get`: the one shape every CSV the package writes has. */
export function columnsCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return toCsv(columns, (row) => columns.map((c) => c.get(row)), rows);
}

/**
 * The text of `observations.csv` (a string, not rows): a header and one CRLF-ended row per observation of
 * every report, columns as in {@link OBSERVATION_COLUMNS}.
 *
 * @example
 * writeFileSync("observations.csv", observationsCsv(reports)); // reports: every shipped report
 */
export function observationsCsv(reports: readonly Report[]): string {
  return columnsCsv(OBSERVATION_COLUMNS, observationRows(reports));
}
