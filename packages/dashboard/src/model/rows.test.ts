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
  it("ranks 20.17亿元 above 91家 (as 31.17亿元 above 9805家次): by value in base units, not the printed number", () => {
    const ids = sortRows(rows, "value", "desc").map((r) => r.observation_id);
    expect(ids.indexOf("tax")).toBeLessThan(ids.indexOf("enterprises"));
    const asc = sortRows(rows, "value", "asc").map((r) => r.observation_id);
    expect(asc.indexOf("enterprises")).toBeLessThan(asc.indexOf("tax"));
  });

  it("sorts values numerically in base units both ways and keeps ties in their input order", () => {
    const asc = sortRows(rows, "value", "asc").map((r) => r.base_value);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = sortRows(rows, "value", "desc").map((r) => r.base_value);
    expect(desc).toEqual([...asc].reverse().sort((a, b) => b - a));
    // 5000万元 is 0.5亿元: below 3.69亿元 and above 91家 only once units are taken into account.
    const ids = sortRows(rows, "value", "desc").map((r) => r.observation_id);
    expect(ids.indexOf("tax")).toBeLessThan(ids.indexOf("budget"));
    expect(ids.indexOf("district")).toBeLessThan(ids.indexOf("budget"));
    expect(rows.find((r) => r.observation_id === "budget")?.base_value).toBe(5e7);
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
