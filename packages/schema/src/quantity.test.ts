import { describe, expect, it } from "vitest";
import { formatQuantity, lastDigitPlace, type Quantity, QuantitySchema, quantityInterval } from "./quantity.js";

const q = (value: number, decimals: number, qualifier: Quantity["qualifier"] = "exact", max?: number) =>
  max === undefined ? { value, decimals, qualifier } : { value, decimals, qualifier, max };

// Compare intervals with float slack (20.17 - 0.005 is not exactly 20.165 in binary).
function expectInterval(actual: { lo: number; hi: number }, lo: number, hi: number) {
  if (Number.isFinite(lo)) expect(actual.lo).toBeCloseTo(lo, 10);
  else expect(actual.lo).toBe(lo);
  if (Number.isFinite(hi)) expect(actual.hi).toBeCloseTo(hi, 10);
  else expect(actual.hi).toBe(hi);
}

describe("lastDigitPlace", () => {
  it("is the place of the last printed non-zero digit", () => {
    expect(lastDigitPlace(250, 0)).toBe(10);
    expect(lastDigitPlace(300, 0)).toBe(100);
    expect(lastDigitPlace(4718, 0)).toBe(1);
    expect(lastDigitPlace(0, 0)).toBe(1);
    expect(lastDigitPlace(1.63, 2)).toBe(0.01);
    expect(lastDigitPlace(1.6, 1)).toBe(0.1);
  });
});

describe("quantityInterval", () => {
  it("exact: half a unit in the last printed digit either side", () => {
    expectInterval(quantityInterval(q(20.17, 2)), 20.17 - 0.005, 20.17 + 0.005);
    expectInterval(quantityInterval(q(590.2, 2)), 590.195, 590.205);
    expectInterval(quantityInterval(q(4718, 0)), 4717.5, 4718.5);
  });
  it("exact range: from the lower end's rounding to the upper end's", () => {
    expectInterval(quantityInterval(q(1, 0, "exact", 2)), 0.5, 2.5);
  });
  it("more_than (余): up to the next step of the last digit", () => {
    expectInterval(quantityInterval(q(250, 0, "more_than")), 250, 250 + 10);
    expectInterval(quantityInterval(q(300, 0, "more_than")), 300, 300 + 100);
    expectInterval(quantityInterval(q(1.63, 2, "more_than")), 1.63, 1.63 + 0.01);
  });
  it("nearly (近): down to the previous step", () => {
    expectInterval(quantityInterval(q(1.6, 1, "nearly")), 1.6 - 0.1, 1.6);
  });
  it("approximately (约): one step either side", () => {
    expectInterval(quantityInterval(q(11, 0, "approximately")), 10, 12);
    expectInterval(quantityInterval(q(300, 0, "approximately")), 200, 400);
  });
  it("at_least / at_most: unbounded on one side, rounding on the other", () => {
    expectInterval(quantityInterval(q(95, 0, "at_least")), 94.5, Number.POSITIVE_INFINITY);
    expectInterval(quantityInterval(q(10, 0, "at_most")), Number.NEGATIVE_INFINITY, 10.5);
    expectInterval(quantityInterval(q(1, 0, "at_most", 2)), Number.NEGATIVE_INFINITY, 2.5);
  });
});

describe("formatQuantity", () => {
  const f = (x: Partial<Quantity> & { value: number }) =>
    formatQuantity({ unit: "", decimals: 0, qualifier: "exact", ...x });
  it("prints as reports do", () => {
    expect(f({ value: 20.17, decimals: 2, unit: "亿元" })).toBe("20.17亿元");
    expect(f({ value: 590.2, decimals: 2, unit: "万元" })).toBe("590.20万元");
    expect(f({ value: 1.6, decimals: 1, unit: "万条", qualifier: "nearly" })).toBe("近1.6万条");
    expect(f({ value: 11, unit: "万平方米", qualifier: "approximately" })).toBe("约11万平方米");
    expect(f({ value: 10, unit: "%", qualifier: "at_least" })).toBe("不低于10%");
    expect(f({ value: 5, unit: "%", qualifier: "at_most" })).toBe("不超过5%");
    expect(f({ value: 1, max: 2, unit: "个月" })).toBe("1-2个月");
  });
  it("puts 余 after the number and scale, before the rest of the unit", () => {
    expect(f({ value: 250, unit: "人次", qualifier: "more_than" })).toBe("250余人次");
    expect(f({ value: 300, unit: "家", qualifier: "more_than" })).toBe("300余家");
    expect(f({ value: 300, unit: "", qualifier: "more_than" })).toBe("300余");
    expect(f({ value: 1.63, decimals: 2, unit: "万人次", qualifier: "more_than" })).toBe("1.63万余人次");
    expect(f({ value: 1, unit: "万平方米", qualifier: "more_than" })).toBe("1万余平方米");
    expect(f({ value: 5, unit: "亿元", qualifier: "more_than" })).toBe("5亿余元");
    expect(f({ value: 5, unit: "百万元", qualifier: "more_than" })).toBe("5百万余元");
    expect(f({ value: 5, unit: "千户", qualifier: "more_than" })).toBe("5千余户");
    expect(f({ value: 5, unit: "千米", qualifier: "more_than" })).toBe("5余千米");
    expect(f({ value: 1.5, decimals: 1, unit: "万", qualifier: "more_than" })).toBe("1.5万余");
  });
});

describe("QuantitySchema", () => {
  it("defaults the qualifier to exact and rejects a range that does not rise", () => {
    expect(QuantitySchema.parse({ value: 1, unit: "个", decimals: 0 }).qualifier).toBe("exact");
    const r = QuantitySchema.safeParse({ value: 2, max: 2, unit: "个月", decimals: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["max"], message: "range end 2 is not above its start 2" });
  });
  it("rejects non-finite values and fractional decimals", () => {
    expect(QuantitySchema.safeParse({ value: Number.POSITIVE_INFINITY, unit: "", decimals: 0 }).success).toBe(false);
    expect(QuantitySchema.safeParse({ value: 1, unit: "", decimals: 1.5 }).success).toBe(false);
    expect(QuantitySchema.safeParse({ value: 1, unit: "", decimals: 13 }).success).toBe(false);
  });
});
