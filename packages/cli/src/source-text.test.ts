import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointLength } from "./source-text.js";

describe("codePointLength", () => {
  it("counts code points as the string iterator does, lone surrogates included", () => {
    expect(codePointLength("张江镇𠀀a")).toBe(5);
    expect(codePointLength("\uD800x\uDC00")).toBe(3);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(codePointLength(s)).toBe([...s].length);
      }),
      { numRuns: 500 },
    );
  });
});
