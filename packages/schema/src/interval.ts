/**
 * Closed intervals for rounding-aware arithmetic. A printed figure stands for every value that
 * rounds to it: 20.17 is [20.165, 20.175]. Checking a stated change against the difference of
 * two printed figures therefore asks whether two intervals overlap, not whether two floats are equal.
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Thrown for an impossible interval: a NaN bound, a lower bound above the upper, or a division by an interval
 * holding zero.
 */
export class IntervalError extends Error {
  override name = "IntervalError";
}

/**
 * The interval [lo, hi] (a single point when `hi` is left out); throws {@link IntervalError} when it would be
 * empty or NaN.
 */
export function interval(lo: number, hi: number = lo): Interval {
  if (Number.isNaN(lo) || Number.isNaN(hi)) throw new IntervalError("interval bound is NaN");
  if (lo > hi) throw new IntervalError(`interval [${lo}, ${hi}] is empty`);
  return { lo, hi };
}

/** The interval a number printed with `decimals` digits after the point stands for. */
export function rounded(value: number, decimals: number): Interval {
  const half = 0.5 * 10 ** -decimals;
  return interval(value - half, value + half);
}

/** The sum of two intervals: every a + b with a in `a` and b in `b`. */
export function add(a: Interval, b: Interval): Interval {
  return interval(a.lo + b.lo, a.hi + b.hi);
}

/** The difference of two intervals: every a − b with a in `a` and b in `b`. */
export function sub(a: Interval, b: Interval): Interval {
  return interval(a.lo - b.hi, a.hi - b.lo);
}

/** An interval times a number (a negative `k` swaps the bounds). */
export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? interval(a.lo * k, a.hi * k) : interval(a.hi * k, a.lo * k);
}

/** The product of two intervals: every a × b with a in `a` and b in `b`. */
export function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].filter((x) => !Number.isNaN(x));
  return interval(Math.min(...p), Math.max(...p));
}

/** Division; throws when the divisor interval contains zero (the quotient is unbounded). */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) throw new IntervalError("division by an interval that contains zero");
  // Quotients bound by bound, not a × (1/b): 1/b overflows to ∞ for tiny b, and 0 × ∞ is NaN.
  const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].filter((x) => !Number.isNaN(x));
  return interval(Math.min(...q), Math.max(...q));
}

/** The sum of any number of intervals ([0, 0] for none). */
export function sum(xs: readonly Interval[]): Interval {
  return xs.reduce(add, interval(0));
}

/** Whether two intervals share at least one value. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** Whether `x` lies in the interval, bounds included. */
export function contains(a: Interval, x: number): boolean {
  return a.lo <= x && x <= a.hi;
}

/** The interval's width, hi − lo. */
export function width(a: Interval): number {
  return a.hi - a.lo;
}

/** The middle of the interval, or its finite bound when the other is infinite. */
export function midpoint(a: Interval): number {
  if (!Number.isFinite(a.lo)) return a.hi;
  if (!Number.isFinite(a.hi)) return a.lo;
  return (a.lo + a.hi) / 2;
}

/** Shows an interval to `digits` significant decimals, or the single number when it is a point. */
export function formatInterval(a: Interval, decimals = 4): string {
  const f = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(decimals)).toString() : x > 0 ? "∞" : "-∞");
  return a.lo === a.hi ? f(a.lo) : `[${f(a.lo)}, ${f(a.hi)}]`;
}

/** The n-th root of a non-negative interval (n ≥ 1): the yearly factor of a growth over n years. */
export function root(a: Interval, n: number): Interval {
  if (a.lo < 0) throw new IntervalError("root of an interval that reaches below zero");
  return interval(a.lo ** (1 / n), a.hi ** (1 / n));
}

/**
 * The figures printed with `decimals` places that are consistent with an interval: those whose own
 * rounding interval overlaps it. Undefined when none is (the interval falls between two of them,
 * which cannot happen for a closed interval) or when the interval is unbounded.
 */
export function printedRange(a: Interval, decimals: number): [lo: number, hi: number] | undefined {
  if (!Number.isFinite(a.lo) || !Number.isFinite(a.hi)) return undefined;
  const step = 10 ** -decimals;
  const half = step / 2;
  // A hair of tolerance so that 6.285 on a boundary counts for 6.28 and 6.29 both, as overlaps() does.
  const eps = 1e-9 * Math.max(1, Math.abs(a.lo), Math.abs(a.hi));
  const lo = Math.ceil((a.lo - half - eps) / step);
  const hi = Math.floor((a.hi + half + eps) / step);
  if (lo > hi) return undefined;
  const fix = (k: number) => Number((k * step).toFixed(decimals));
  return [fix(lo), fix(hi)];
}
