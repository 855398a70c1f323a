import { describe, expect, it } from "vitest";
import { CATALOGUE, catalogueIndicator, findIndicator } from "./catalogue.js";
import { CATEGORIES, CATEGORY_NAMES, type Indicator, IndicatorSchema } from "./indicator.js";
import { resolveUnit } from "./units.js";

describe("catalogue", () => {
  it("every indicator is valid, unique, and measured in a unit of its own dimension", () => {
    const ids = new Set<string>();
    for (const ind of CATALOGUE) {
      expect(IndicatorSchema.safeParse(ind).success, ind.id).toBe(true);
      expect(ids.has(ind.id), `duplicate ${ind.id}`).toBe(false);
      ids.add(ind.id);
      if (ind.unit !== undefined) expect(resolveUnit(ind.unit)?.dimension, ind.id).toBe(ind.dimension);
      if (ind.bounds) expect(ind.bounds[0], ind.id).toBeLessThan(ind.bounds[1]);
      expect(ind.keywords?.length ?? 0, ind.id).toBeGreaterThan(0);
    }
  });

  it("names every category in both languages and uses each", () => {
    expect(Object.keys(CATEGORY_NAMES).sort()).toEqual([...CATEGORIES].sort());
    for (const c of CATEGORIES)
      expect(
        CATALOGUE.some((i) => i.category === c),
        c,
      ).toBe(true);
  });

  it("bounds rates to [0, 100]", () => {
    for (const ind of CATALOGUE.filter((i) => i.id.endsWith("_rate"))) {
      expect(ind.dimension, ind.id).toBe("percent");
      expect(ind.bounds, ind.id).toEqual([0, 100]);
    }
  });

  it("looks up local indicators before the catalogue", () => {
    expect(catalogueIndicator("tax_revenue")?.unit).toBe("亿元");
    expect(catalogueIndicator("nope")).toBeUndefined();
    const local: Indicator = {
      id: "tax_revenue",
      name: { zh: "镇级税收", en: "Town tax" },
      category: "economy",
      dimension: "currency",
      unit: "万元",
      direction: "higher_is_better",
    };
    expect(findIndicator("tax_revenue", [local])?.unit).toBe("万元");
    expect(findIndicator("tax_revenue")?.unit).toBe("亿元");
  });
});
