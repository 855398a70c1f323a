import { describe, expect, it } from "vitest";
import { fixtureReport } from "./fixture.js";
import { filterRows, observationRows, sortRows } from "./rows.js";

const report = fixtureReport();
const rows = observationRows(report);

describe("filterRows", () => {
  it("searches names in both languages, figures and quotes", () => {
    const tax = filterRows(rows, { q: "税收" }).map((r) => r.observation_id);
    expect(tax).toEqual(["tax", "tax-2022", "tax-growth-target", "tax-baseline"]);
    expect(filterRows(rows, { q: "HOTLINE" }).map((r) => r.observation_id)).toHaveLength(3);
    // The four figures share the quote that prints 1.01万平方米.
    expect(filterRows(rows, { q: "1.01万" }).map((r) => r.observation_id)).toEqual([
      "illegal-new",
      "illegal-new-area",
      "illegal-old",
      "illegal-old-area",
    ]);
    expect(filterRows(rows, { q: "no such words" })).toEqual([]);
  });

  it("filters by category, role and qualifier together", () => {
    expect(filterRows(rows, { role: "target" }).map((r) => r.observation_id)).toEqual([
      "tax-growth-target",
      "jobs-target",
      "elevators-target",
      "sorting-target",
    ]);
    expect(filterRows(rows, { role: "target", qualifier: "at_least" }).map((r) => r.observation_id)).toEqual([
      "sorting-target",
    ]);
    const economy = filterRows(rows, { category: "economy" });
    expect(economy.length).toBeGreaterThan(0);
    expect(economy.every((r) => r.category === "economy")).toBe(true);
    expect(filterRows(rows, {})).toHaveLength(rows.length);
    // An indicator filter is exact: tax_revenue does not take in tax_revenue_growth.
    expect(filterRows(rows, { indicator: "tax_revenue" }).map((r) => r.observation_id)).toEqual([
      "tax",
      "tax-2022",
      "tax-baseline",
    ]);
  });
});

describe("sortRows", () => {
  it("sorts numbers numerically both ways and keeps ties in their input order", () => {
    const asc = sortRows(rows, "value", "asc").map((r) => r.value);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = sortRows(rows, "value", "desc").map((r) => r.value);
    expect(desc).toEqual([...asc].reverse().sort((a, b) => b - a));
    const byRole = sortRows(rows, "role", "asc").filter((r) => r.role === "actual");
    expect(byRole.map((r) => r.observation_id)).toEqual(
      rows.filter((r) => r.role === "actual").map((r) => r.observation_id),
    );
  });

  it("sorts indicator names in the reader's language", () => {
    const en = sortRows(rows, "indicator", "asc", "en").map((r) => r.indicator_en);
    expect(en[0]).toBe("12345 hotline: citizen satisfaction rate");
    const zh = sortRows(rows, "indicator", "asc", "zh").map((r) => r.indicator_zh);
    expect(zh).toEqual([...zh].sort(new Intl.Collator("zh-CN").compare));
  });
});
