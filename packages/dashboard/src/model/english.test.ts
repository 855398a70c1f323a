import { describe, expect, it } from "vitest";
import { englishFigure } from "./english.js";

const q = (value: number, unit: string, decimals: number, extra: object = {}) => ({
  value,
  unit,
  decimals,
  qualifier: "exact" as const,
  ...extra,
});

describe("englishFigure", () => {
  it("gives the printed value in English units, as a factor when the unit is a multiple", () => {
    expect(englishFigure(q(20.17, "亿元", 2))).toBe("20.17 × 100 million yuan");
    expect(englishFigure(q(1.01, "万平方米", 2))).toBe("1.01 × 10k square metres");
    expect(englishFigure(q(1212, "平方米", 0))).toBe("1,212 square metres");
    expect(englishFigure(q(30.2, "亿元", 2))).toBe("30.20 × 100 million yuan");
  });

  it("keeps a range and says nothing for % or a unit with no English name", () => {
    expect(englishFigure(q(6, "亿元", 0, { max: 6.5 }))).toBe("6–6.5 × 100 million yuan");
    expect(englishFigure(q(45.4, "%", 1))).toBeUndefined();
    expect(englishFigure(q(3, "某某", 0))).toBeUndefined();
  });
});
