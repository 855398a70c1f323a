import { describe, expect, it } from "vitest";
import * as root from "./index.js";

describe("the package root", () => {
  it("keeps the interval operations in the `intervals` namespace, not as bare names", () => {
    for (const bare of ["add", "sub", "sum", "scale", "width", "mul", "div", "overlaps", "contains", "midpoint"]) {
      expect(Object.hasOwn(root, bare), bare).toBe(false);
    }
    const { intervals } = root;
    expect(intervals.sum([intervals.interval(1, 2), intervals.rounded(3, 0)])).toEqual({ lo: 3.5, hi: 5.5 });
    expect(intervals.width(intervals.interval(1, 4))).toBe(3);
  });
});
