import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointToIndex, indexToCodePoint } from "./code-points.js";

/** The conversions as a walk over every unit (what the index replaces): a high surrogate and the unit after it are one code point. */
function walkToIndex(text: string, offset: number): number {
  let index = 0;
  for (let cp = 0; cp < offset && index < text.length; cp++) {
    const c = text.charCodeAt(index);
    index += c >= 0xd800 && c <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}
function walkToCodePoint(text: string, index: number): number {
  let cp = 0;
  for (let i = 0; i < index && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return cp;
}

describe("code points", () => {
  it("agree with a walk over the units, pairs, lone surrogates and ends included", () => {
    const piece = fc.constantFrom("a", "增", "😀", "\uD800", "\uDC00", "\n", "𠀀");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const s = pieces.join("");
        for (let i = -1; i <= s.length + 1; i++) {
          expect(codePointToIndex(s, i), `${JSON.stringify(s)} cp ${i}`).toBe(walkToIndex(s, i));
          expect(indexToCodePoint(s, i), `${JSON.stringify(s)} index ${i}`).toBe(walkToCodePoint(s, i));
        }
        expect(codePointToIndex(s, 1.5)).toBe(walkToIndex(s, 1.5));
      }),
      { numRuns: 300 },
    );
  });

  it("switch between texts (the index is kept for the last one)", () => {
    const a = "😀x";
    const b = "xx😀";
    expect(codePointToIndex(a, 1)).toBe(2);
    expect(codePointToIndex(b, 3)).toBe(4);
    expect(codePointToIndex(a, 1)).toBe(2);
    expect(indexToCodePoint(b, 4)).toBe(3);
  });
});
