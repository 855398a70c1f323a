import { describe, expect, it } from "vitest";
import { commensurable, convert, resolveUnit, UnitConversionError } from "./units.js";

describe("unit registry", () => {
  it("resolves scaled counts from their classifier", () => {
    expect(resolveUnit("万人次")).toMatchObject({ dimension: "count", base: "人次", scale: 1e4 });
    expect(resolveUnit("万")).toMatchObject({ dimension: "count", base: "", scale: 1e4 });
  });
  it("converts within a dimension and refuses across bases", () => {
    expect(convert(1.01, "万平方米", "平方米")).toBeCloseTo(10100);
    expect(convert(15, "亩", "公顷")).toBeCloseTo(1);
    expect(() => convert(3, "户", "人")).toThrow(UnitConversionError);
    expect(commensurable("个百分点", "%")).toBe(false);
  });
  it("takes units a report declares", () => {
    const declared = [{ id: "片区", zh: "片区", en: "areas", dimension: "count" as const, base: "片区", scale: 1 }];
    expect(resolveUnit("片区")).toBeUndefined();
    expect(resolveUnit("片区", declared)?.en).toBe("areas");
  });
});
