import { describe, expect, it } from "vitest";
import {
  COUNT_CLASSIFIERS,
  commensurable,
  convert,
  DIMENSIONS,
  isKnownUnit,
  resolveUnit,
  UNITS,
  UnitConversionError,
  UnitDefSchema,
} from "./units.js";

describe("unit registry", () => {
  it("resolves scaled counts from their classifier", () => {
    expect(resolveUnit("万人次")).toMatchObject({ dimension: "count", base: "人次", scale: 1e4 });
    expect(resolveUnit("万")).toMatchObject({ dimension: "count", base: "", scale: 1e4 });
    expect(resolveUnit("亿人")).toMatchObject({ base: "人", scale: 1e8 });
    expect(resolveUnit("万亿")).toMatchObject({ base: "", scale: 1e12 });
    // Only counts take a scale prefix this way: 万米 is not a registry unit.
    expect(resolveUnit("万米")).toBeUndefined();
  });
  it("converts within a dimension and refuses across bases", () => {
    expect(convert(1.01, "万平方米", "平方米")).toBeCloseTo(10100);
    expect(convert(15, "亩", "公顷")).toBeCloseTo(1);
    expect(convert(1.5, "万人次", "人次")).toBe(15000);
    expect(convert(30.2, "亿元", "万元")).toBeCloseTo(302000);
    expect(convert(2, "年", "个月")).toBe(24);
    expect(() => convert(3, "户", "人")).toThrow(UnitConversionError);
    expect(() => convert(3, "元", "美元")).toThrow(/cannot convert 元 \(currency\/元\) to 美元/);
    expect(() => convert(3, "斤斤", "吨")).toThrow(/unknown unit "斤斤"/);
    expect(commensurable("个百分点", "%")).toBe(false);
    expect(commensurable("‰", "%")).toBe(true);
  });
  it("takes units a report declares", () => {
    const declared = [
      { id: "网格", zh: "网格", en: "grid cells", dimension: "count" as const, base: "网格", scale: 1 },
    ];
    expect(resolveUnit("网格")).toBeUndefined();
    expect(resolveUnit("网格", declared)?.en).toBe("grid cells");
    expect(resolveUnit("万网格", declared)).toMatchObject({ base: "网格", scale: 1e4 });
    expect(isKnownUnit("网格")).toBe(false);
    expect(isKnownUnit("网格", declared)).toBe(true);
  });
  it("counts 大 + a classifier in that classifier (8大类, 2大片区, 7大领域)", () => {
    expect(resolveUnit("大类")).toMatchObject({ dimension: "count", base: "类", scale: 1 });
    expect(resolveUnit("大片区")).toMatchObject({ base: "片区" });
    expect(resolveUnit("大领域")).toMatchObject({ base: "领域" });
    expect(commensurable("大类", "类")).toBe(true);
    expect(resolveUnit("大")).toBeUndefined();
    expect(resolveUnit("大米")).toBeUndefined();
  });
});

describe("registry invariants", () => {
  it("every unit is well formed, and its base is a unit of the same dimension with scale 1", () => {
    for (const [id, u] of UNITS) {
      // The bare number's unit is "", which a report cannot declare (declared ids are non-empty).
      if (id !== "") expect(UnitDefSchema.safeParse(u).success, id).toBe(true);
      expect(u.id).toBe(id);
      expect(DIMENSIONS).toContain(u.dimension);
      const base = UNITS.get(u.base);
      expect(base, `base of ${id}`).toBeDefined();
      expect(base?.dimension, id).toBe(u.dimension);
      expect(base?.scale, id).toBe(1);
      expect(base?.base, id).toBe(u.base);
    }
  });
  it("classifiers are counts, each its own base", () => {
    expect(new Set(COUNT_CLASSIFIERS).size).toBe(COUNT_CLASSIFIERS.length);
    for (const c of COUNT_CLASSIFIERS) expect(UNITS.get(c)).toMatchObject({ dimension: "count", base: c, scale: 1 });
  });
});
