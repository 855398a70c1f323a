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
  type UnitDef,
  UnitDefSchema,
  unitMeasure,
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
    expect(convert(781.8, "亿斤", "万吨")).toBeCloseTo(3909);
    expect(convert(14, "亿吨", "万吨")).toBe(140000);
    expect(() => convert(36.8, "微克/立方米", "吨")).toThrow(UnitConversionError);
    expect(commensurable("个百分点", "%")).toBe(false);
    expect(commensurable("‰", "%")).toBe(true);
  });
  it("reads 亿吨, 亿斤 and air-quality concentrations with their units (2.39亿吨 is not 2.39亿 of nothing)", () => {
    expect(convert(2.39, "亿吨", "万吨")).toBeCloseTo(23900);
    expect(convert(762, "亿斤", "万吨")).toBeCloseTo(3810);
    expect(convert(0.035, "毫克/立方米", "微克/立方米")).toBeCloseTo(35);
    expect(commensurable("微克/立方米", "立方米")).toBe(false);
    expect(unitMeasure("亿吨")).toMatchObject({ multiplier: 8, en: "t" });
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

describe("unitMeasure", () => {
  it("splits a printed unit into a power-of-ten multiplier and the unit it multiplies (SDMX UNIT_MULT)", () => {
    const split = (id: string, declared: UnitDef[] = []) => {
      const m = unitMeasure(id, declared);
      return m && [m.multiplier, m.unit.id, m.en];
    };
    expect(split("亿元")).toEqual([8, "元", "CNY"]);
    expect(split("万元")).toEqual([4, "元", "CNY"]);
    expect(split("百万元")).toEqual([6, "元", "CNY"]);
    expect(split("万亿元")).toEqual([12, "元", "CNY"]);
    expect(split("元")).toEqual([0, "元", "CNY"]);
    expect(split("万平方米")).toEqual([4, "平方米", "m²"]);
    expect(split("万亩")).toEqual([4, "亩", "mu"]);
    expect(split("万千瓦")).toEqual([4, "千瓦", "kW"]);
    expect(split("亿千瓦时")).toEqual([8, "千瓦时", "kWh"]);
    expect(split("万人次")).toEqual([4, "人次", "person-times"]);
    expect(split("千人")).toEqual([3, "人", "people"]);
    expect(split("万")).toEqual([4, "", undefined]);
    expect(split("")).toEqual([0, "", undefined]);
    expect(split("%")).toEqual([0, "%", "%"]);
    expect(split("个百分点")).toEqual([0, "个百分点", "pp"]);
  });

  it("keeps 千 of units that are units in their own right, and knows nothing of unknown units", () => {
    expect(unitMeasure("千米")).toMatchObject({ multiplier: 0, en: "km" });
    expect(unitMeasure("千瓦")).toMatchObject({ multiplier: 0, en: "kW" });
    expect(unitMeasure("千瓦时")).toMatchObject({ multiplier: 0, en: "kWh" });
    expect(unitMeasure("furlongs")).toBeUndefined();
  });

  it("uses a declared unit's symbol, or its English name", () => {
    const declared: UnitDef[] = [
      { id: "大片区", zh: "大片区", en: "large zones", dimension: "count", base: "大片区", scale: 1 },
      { id: "标准亩", zh: "标准亩", en: "standard mu", dimension: "area", base: "平方米", scale: 666.7, symbol: "smu" },
    ];
    expect(unitMeasure("大片区", declared)).toMatchObject({ multiplier: 0, en: "large zones" });
    expect(unitMeasure("标准亩", declared)).toMatchObject({ multiplier: 0, en: "smu" });
  });

  it("gives every registry unit an English short form, and a multiplier consistent with its scale", () => {
    for (const [id, u] of UNITS) {
      const m = unitMeasure(id);
      expect(m, id).toBeDefined();
      if (id !== "") expect(m?.en, id).toEqual(expect.any(String));
      expect(u.scale / (m?.unit.scale ?? Number.NaN) / 10 ** (m?.multiplier ?? 0)).toBeCloseTo(1, 9);
    }
  });
});
