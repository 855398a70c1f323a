import { CATALOGUE } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { fixtureReport } from "./fixture.js";
import { headlineCards } from "./headline.js";

describe("headlineCards", () => {
  const report = fixtureReport();
  const cards = headlineCards(report);

  it("shows the catalogue's headline indicators the report has, in catalogue order", () => {
    const ids = cards.map((c) => c.indicator.id);
    const order = CATALOGUE.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(ids).toContain("tax_revenue");
    expect(ids).not.toContain("waste_sorting_compliance_rate");
    for (const c of cards) expect(c.indicator.headline).toBe(true);
  });

  it("keeps values as printed, with the stated comparison", () => {
    const tax = cards.find((c) => c.indicator.id === "tax_revenue");
    expect(tax?.values).toHaveLength(1);
    expect(tax?.values[0]).toMatchObject({
      printed: "20.17亿元",
      baseline: { printed: "13.88亿元", period: "2022-01/2022-05" },
      change: "6.39亿元",
      percent: "45.4%",
      direction: "increase",
    });
  });

  it("prefers actuals and shows one value per subject, counting the rest", () => {
    const elevators = cards.find((c) => c.indicator.id === "elevators_added_completed");
    expect(elevators?.values.map((v) => v.obs.role)).toEqual(["actual"]);
    expect(elevators?.more).toBe(1);
    const count = cards.find((c) => c.indicator.id === "illegal_construction_removed_count");
    expect(count?.values.map((v) => v.printed)).toEqual(["50处", "56处"]);
  });
});
