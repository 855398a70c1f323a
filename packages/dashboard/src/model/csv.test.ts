import { OBSERVATION_COLUMNS, observationsCsv as packageCsv, reports } from "@govreport/data";
import { describe, expect, it } from "vitest";
import { observationsCsv } from "./csv.js";
import { fixtureReport } from "./fixture.js";

/** A small RFC 4180 reader, enough to read back what the writer wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("observationsCsv", () => {
  it("writes the data package's columns, one row per observation, readable back", () => {
    const report = fixtureReport();
    const csv = observationsCsv(report, report.observations);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual(OBSERVATION_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(report.observations.length + 1);
    const quoteCol = rows[0]?.indexOf("quote") ?? -1;
    expect(rows.slice(1).map((r) => r[quoteCol])).toEqual(report.observations.map((o) => o.source.quote));
  });

  it("writes only the observations shown", () => {
    const report = fixtureReport();
    const shown = report.observations.filter((_, i) => i % 2 === 1);
    const rows = readCsv(observationsCsv(report, shown));
    const idCol = rows[0]?.indexOf("observation_id") ?? -1;
    expect(shown.length).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => r[idCol])).toEqual(shown.map((o) => o.id));
  });

  it("matches the data package's observations.csv for a shipped report", () => {
    for (const report of reports) {
      expect(observationsCsv(report, report.observations)).toBe(packageCsv([report]));
    }
  });
});
