import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupedNumber } from "./number.js";

const intl = (lang: string, n: number, digits: number) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);

describe("groupedNumber", () => {
  it("groups digits and drops trailing zeros", () => {
    expect(groupedNumber(1234567.25, 1)).toBe("1,234,567.3");
    expect(groupedNumber(20.17, 4)).toBe("20.17");
    expect(groupedNumber(4059, 4)).toBe("4,059");
    expect(groupedNumber(0.5, 0)).toBe("1");
    expect(groupedNumber(99.96, 1)).toBe("100");
    expect(groupedNumber(-0.01, 1)).toBe("-0");
    expect(groupedNumber(1.005, 2)).toBe("1.01");
  });

  it("prints what Intl.NumberFormat prints, in Chinese and in English", () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000),
      fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 20),
    );
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 6 }), (n, digits) => {
        const got = groupedNumber(n, digits);
        expect(got).toBe(intl("en", n, digits));
        expect(got).toBe(intl("zh-CN", n, digits));
      }),
      { numRuns: 2000 },
    );
  });
});
