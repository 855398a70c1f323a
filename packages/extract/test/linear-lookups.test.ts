import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { observationId } from "../src/extract.js";
import { sentenceEnd, sentenceStart } from "../src/relations/common.js";
import { SENTENCE_END } from "../src/text.js";

/** The character walks the relations' indexed sentence lookups replace. */
function walkStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && !SENTENCE_END.test(s[i - 1] ?? "")) i--;
  return i;
}
function walkEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !SENTENCE_END.test(s[i] ?? "")) i++;
  return i;
}

describe("the relations' sentence bounds", () => {
  it("are those of a walk over the characters, on any text and index, texts alternating", () => {
    const text = fc.string({ unit: fc.constantFrom("增", "长", "1", "。", "!", "？", "\n", "a", ",") });
    fc.assert(
      fc.property(text, text, fc.integer({ min: -2, max: 40 }), (a, b, at) => {
        for (const s of [a, b, a]) {
          expect(sentenceStart(s, at)).toBe(walkStart(s, at));
          expect(sentenceEnd(s, at)).toBe(walkEnd(s, at));
        }
      }),
    );
  });
});

describe("observationId on repeated content", () => {
  it("numbers the repeats -2, -3, … in order, skipping ids already taken", () => {
    const base = observationId("x", "2023", "actual", "same", new Set());
    const taken = new Set<string>([`${base}-3`]);
    const got = [0, 1, 2, 3, 4].map(() => observationId("x", "2023", "actual", "same", taken));
    expect(got).toEqual([base, `${base}-2`, `${base}-4`, `${base}-5`, `${base}-6`]);
    // Another set starts its own numbering.
    const other = new Set<string>();
    expect([0, 1].map(() => observationId("x", "2023", "actual", "same", other))).toEqual([base, `${base}-2`]);
  });
});
