import { describe, expect, it } from "vitest";
import { beyondLimits, LIMITS, tooDeep } from "./limits.js";

describe("tooDeep", () => {
  it("finds bracket nesting beyond the limit without parsing, and its line", () => {
    const deep = `{"a":\n${"[".repeat(LIMITS.depth + 1)}${"]".repeat(LIMITS.depth + 1)}}`;
    expect(tooDeep(deep)).toEqual({ line: 2 });
    expect(tooDeep(`{"a": [[1]], "b": "[[[[[[["}`, 3)).toBeUndefined();
    // 100,000 levels: the scan is a loop, so it cannot overflow the stack the way a parser did.
    expect(tooDeep("[".repeat(100_000))).toEqual({ line: 1 });
  });

  it("counts YAML block nesting by indentation", () => {
    const lines = Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n");
    expect(tooDeep(lines)?.line).toBeGreaterThan(60);
    expect(tooDeep("a:\n  b:\n    c: 1\n")).toBeUndefined();
  });
});

describe("beyondLimits", () => {
  it("names the path of a string that is too long", () => {
    const data = { observations: [{ source: { quote: "x".repeat(LIMITS.stringChars + 1) } }] };
    expect(beyondLimits(data)).toEqual({
      limit: "stringChars",
      at: "$.observations[0].source.quote",
      chars: LIMITS.stringChars + 1,
    });
  });

  it("refuses more observations than the limit, and data nested too deeply", () => {
    expect(beyondLimits({ observations: new Array(LIMITS.observations + 1).fill(0) })).toEqual({
      limit: "observations",
      count: LIMITS.observations + 1,
    });
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.depth + 2; i++) deep = [deep];
    expect(beyondLimits(deep)?.limit).toBe("depth");
    expect(beyondLimits({ observations: [{ a: "ok" }] })).toBeUndefined();
  });
});
