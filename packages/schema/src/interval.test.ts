import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  contains,
  div,
  formatInterval,
  type Interval,
  IntervalError,
  interval,
  midpoint,
  mul,
  overlaps,
  printedRange,
  root,
  rounded,
  scale,
  sub,
  sum,
  width,
} from "./interval.js";

describe("intervals", () => {
  it("refuses empty and NaN intervals", () => {
    expect(() => interval(2, 1)).toThrow(IntervalError);
    expect(() => interval(Number.NaN)).toThrow(/NaN/);
    expect(interval(3)).toEqual({ lo: 3, hi: 3 });
  });

  it("stands a printed figure for everything that rounds to it", () => {
    const r = rounded(20.17, 2);
    expect(r.lo).toBeCloseTo(20.165, 12);
    expect(r.hi).toBeCloseTo(20.175, 12);
    expect(rounded(300, 0)).toEqual({ lo: 299.5, hi: 300.5 });
  });

  it("adds, subtracts, multiplies and divides bound by bound", () => {
    const a = interval(1, 2);
    const b = interval(-3, 4);
    expect(add(a, b)).toEqual({ lo: -2, hi: 6 });
    expect(sub(a, b)).toEqual({ lo: -3, hi: 5 });
    expect(mul(a, b)).toEqual({ lo: -6, hi: 8 });
    expect(mul(interval(-2, -1), interval(-3, -2))).toEqual({ lo: 2, hi: 6 });
    expect(div(interval(1, 2), interval(4, 8))).toEqual({ lo: 0.125, hi: 0.5 });
    expect(div(interval(-1, 2), interval(-4, -2))).toEqual({ lo: -1, hi: 0.5 });
    expect(scale(a, -2)).toEqual({ lo: -4, hi: -2 });
    expect(sum([a, a, interval(0.5)])).toEqual({ lo: 2.5, hi: 4.5 });
    expect(sum([])).toEqual({ lo: 0, hi: 0 });
  });

  it("divides zero by a tiny divisor without overflowing to an empty interval", () => {
    expect(div(interval(0), interval(5e-324))).toEqual({ lo: 0, hi: 0 });
    expect(div(interval(-1, 1), interval(1e-320, 1e-300))).toEqual({
      lo: Number.NEGATIVE_INFINITY,
      hi: Number.POSITIVE_INFINITY,
    });
  });

  it("refuses to divide by an interval containing zero", () => {
    expect(() => div(interval(1), interval(-1, 1))).toThrow(/contains zero/);
    expect(() => div(interval(1), interval(0, 1))).toThrow(IntervalError);
  });

  it("works with unbounded intervals", () => {
    const atLeast = interval(9.5, Number.POSITIVE_INFINITY);
    expect(overlaps(atLeast, interval(10, 11))).toBe(true);
    expect(overlaps(atLeast, interval(0, 9))).toBe(false);
    expect(midpoint(atLeast)).toBe(9.5);
    expect(formatInterval(atLeast)).toBe("[9.5, ∞]");
    expect(formatInterval(interval(Number.NEGATIVE_INFINITY, 1))).toBe("[-∞, 1]");
    expect(mul(atLeast, interval(0, 1))).toEqual({ lo: 0, hi: Number.POSITIVE_INFINITY });
  });

  it("compares and measures", () => {
    expect(overlaps(interval(1, 2), interval(2, 3))).toBe(true);
    expect(overlaps(interval(1, 2), interval(2.0001, 3))).toBe(false);
    expect(contains(interval(1, 2), 2)).toBe(true);
    expect(contains(interval(1, 2), 2.5)).toBe(false);
    expect(width(interval(1, 2.5))).toBe(1.5);
    expect(midpoint(interval(1, 2))).toBe(1.5);
    expect(formatInterval(interval(6.2799999, 6.30001), 2)).toBe("[6.28, 6.3]");
    expect(formatInterval(interval(5))).toBe("5");
  });
});

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const box = fc
  .tuple(finite, finite)
  .map(([a, b]): Interval => interval(Math.min(a, b), Math.max(a, b)))
  .chain((iv) => fc.tuple(fc.constant(iv), fc.double({ min: 0, max: 1, noNaN: true })));
// A point of the interval: lo + t (hi - lo), clamped against rounding at the ends.
const point = ([iv, t]: [Interval, number]) => Math.min(iv.hi, Math.max(iv.lo, iv.lo + t * (iv.hi - iv.lo)));
// Floating-point slack: the interval operations round to nearest, not outward.
const near = (iv: Interval, x: number) => {
  // Overflow to ±∞ (a tiny divisor) lands exactly on a bound; ∞ − ∞ below would be NaN.
  if (x === iv.lo || x === iv.hi) return true;
  const eps = 1e-9 * Math.max(1, Math.abs(iv.lo), Math.abs(iv.hi), Math.abs(x));
  return iv.lo - eps <= x && x <= iv.hi + eps;
};

describe("interval arithmetic is sound", () => {
  it("x ∈ A, y ∈ B ⇒ x+y ∈ A+B, x−y ∈ A−B, x·y ∈ A·B", () => {
    fc.assert(
      fc.property(box, box, (a, b) => {
        const x = point(a);
        const y = point(b);
        expect(contains(a[0], x) && contains(b[0], y)).toBe(true);
        expect(near(add(a[0], b[0]), x + y)).toBe(true);
        expect(near(sub(a[0], b[0]), x - y)).toBe(true);
        expect(near(mul(a[0], b[0]), x * y)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("x ∈ A, y ∈ B, 0 ∉ B ⇒ x/y ∈ A/B", () => {
    fc.assert(
      fc.property(
        box,
        box.filter(([b]) => b.lo > 0 || b.hi < 0),
        (a, b) => {
          const x = point(a);
          const y = point(b);
          expect(near(div(a[0], b[0]), x / y)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a number printed with d decimals lies in rounded(printed, d)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 6 }), (v, d) => {
        const printed = Number(v.toFixed(d));
        expect(near(rounded(printed, d), v)).toBe(true);
        // And the interval is one unit in the last place wide.
        expect(Math.abs(width(rounded(printed, d)) - 10 ** -d)).toBeLessThan(1e-9 * Math.max(1, v));
      }),
      { numRuns: 500 },
    );
  });
});

describe("root and printedRange", () => {
  it("takes the n-th root bound by bound", () => {
    const r = root(interval(1.21, 1.44), 2);
    expect(r.lo).toBeCloseTo(1.1, 12);
    expect(r.hi).toBeCloseTo(1.2, 12);
    expect(() => root(interval(-1, 1), 2)).toThrow(IntervalError);
  });

  it("lists the printed figures an interval allows, to the decimals they are printed with", () => {
    // 20.17 − 13.88 with both rounded is [6.28, 6.30]: 6.28, 6.29 and 6.30 all fit.
    expect(printedRange(sub(rounded(20.17, 2), rounded(13.88, 2)), 2)).toEqual([6.28, 6.3]);
    expect(printedRange(interval(43), 0)).toEqual([43, 43]);
    // A bound on the half-way point counts for both neighbours, as overlaps() does.
    expect(printedRange(interval(45.35, 45.35), 1)).toEqual([45.3, 45.4]);
    expect(printedRange(interval(1, Number.POSITIVE_INFINITY), 0)).toBeUndefined();
  });
});
