import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexSections, sectionLookup, sectionsAt } from "../src/sections.js";
import { prepare } from "../src/text.js";

describe("sectionLookup", () => {
  const text = fc
    .array(
      fc.constantFrom("第一部分 回顾\n", "一、工作\n", "(一)招商\n", "名词解释\n", "1、术语:说明\n", "正文12家。\n"),
      {
        maxLength: 60,
      },
    )
    .map((xs) => xs.join(""));
  it("finds the same enclosing sections as a filter over all of them", () => {
    fc.assert(
      fc.property(text, (t) => {
        const sections = indexSections(prepare(t));
        const at = sectionLookup(sections);
        for (let i = 0; i <= t.length; i += 3) expect(at(i)).toEqual(sectionsAt(sections, i));
      }),
      { numRuns: 200 },
    );
  });
});
