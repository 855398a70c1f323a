import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FirstInOrder } from "./check-first.js";

describe("FirstInOrder", () => {
  it("keeps the first n by key, ties in arrival order, as a stable sort of everything would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (keys, n) => {
          const first = new FirstInOrder<number>(n);
          for (const [i, k] of keys.entries()) first.add(k, i);
          const expected = keys
            .map((k, i) => ({ k, i }))
            .sort((a, b) => a.k - b.k)
            .slice(0, n)
            .map((x) => x.i);
          expect(first.items()).toEqual(expected);
          expect(first.dropped).toBe(Math.max(0, keys.length - n));
        },
      ),
    );
  });

  it("keeps everything without a limit", () => {
    const all = new FirstInOrder<string>(Number.POSITIVE_INFINITY);
    for (const [k, v] of [
      [3, "c"],
      [1, "a"],
      [2, "b"],
      [1, "a2"],
    ] as const)
      all.add(k, v);
    expect(all.items()).toEqual(["a", "a2", "b", "c"]);
    expect(all.dropped).toBe(0);
  });
});
