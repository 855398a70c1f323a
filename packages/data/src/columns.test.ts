import { PERIOD_PATTERN } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { OBSERVATION_COLUMNS, tableSchemaPattern } from "./columns.js";

describe("tableSchemaPattern", () => {
  const period = tableSchemaPattern(PERIOD_PATTERN);
  // Table Schema matches a pattern against the whole value.
  const anchored = new RegExp(`^(?:${period})$`);

  it("drops the anchors and the \\/ escape that XML Schema regular expressions lack", () => {
    expect(period.startsWith("^") || period.endsWith("$") || period.includes("\\/")).toBe(false);
  });

  it("accepts and rejects exactly what the schema's period pattern does", () => {
    const samples = ["2023", "2023-H1", "2023-H3", "2023-Q4", "2023-Q5", "2023-06", "2023-13", "2023-01/2023-05"];
    samples.push("2023-12-31", "2021/2023", "2021/23", "23", "2023-", "x2023", "2023-H1 ");
    for (const s of samples) expect(anchored.test(s), s).toBe(PERIOD_PATTERN.test(s));
  });
});

describe("OBSERVATION_COLUMNS", () => {
  it("has unique snake_case names", () => {
    const names = OBSERVATION_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
