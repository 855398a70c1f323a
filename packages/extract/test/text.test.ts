import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAUSE_END, clauseEnd, clauseStart, lineEnd, lineStart, prepare, SENTENCE_END } from "../src/text.js";

/** The character walk the indexed lookups replace. */
function walkStart(s: string, at: number, limit: number, b: RegExp): number {
  let i = at;
  while (i > limit && !b.test(s[i - 1] ?? "")) i--;
  return i;
}
function walkEnd(s: string, at: number, limit: number, b: RegExp): number {
  let i = at;
  while (i < limit && !b.test(s[i] ?? "")) i++;
  return i;
}

describe("clause, sentence and line bounds on long texts (indexed) agree with a character walk", () => {
  const long = fc
    .array(fc.constantFrom("增长", "1.5%", ",", "，", "。", "\n", "、", "亿元", ";"), {
      minLength: 300,
      maxLength: 1500,
    })
    .map((xs) => `${"说明".repeat(1030)}${xs.join("")}`);
  it("for any index and limit", () => {
    fc.assert(
      fc.property(long, fc.nat(), fc.nat(), (s, a, b) => {
        expect(s.length).toBeGreaterThan(2048);
        const at = a % (s.length + 1);
        for (const re of [CLAUSE_END, SENTENCE_END]) {
          const lo = Math.max(0, at - (b % 500));
          const hi = Math.min(s.length, at + (b % 500));
          expect(clauseStart(s, at, lo, re)).toBe(walkStart(s, at, lo, re));
          expect(clauseEnd(s, at, hi, re)).toBe(walkEnd(s, at, hi, re));
          expect(clauseStart(s, at, 0, re)).toBe(walkStart(s, at, 0, re));
          expect(clauseEnd(s, at, s.length, re)).toBe(walkEnd(s, at, s.length, re));
        }
        if (at > 0) expect(lineStart(s, at)).toBe(s.lastIndexOf("\n", at - 1) + 1);
        const nl = s.indexOf("\n", at);
        expect(lineEnd(s, at)).toBe(nl < 0 ? s.length : nl);
      }),
      { numRuns: 100 },
    );
  });
});

describe("prepare's code-point count (the draft's source.chars)", () => {
  it("is what a spread into code points counts, lone surrogates and CRs included", () => {
    const unit = fc.constantFrom("a", "增", "\ud83d\ude00", "\ud83d", "\ude00", "\n", "１");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (xs) => {
        const s = xs.join("");
        expect(prepare(s).chars).toBe([...s].length);
      }),
    );
  });
});
