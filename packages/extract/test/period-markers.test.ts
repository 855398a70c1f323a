import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPeriodMarkers, RULES, type YearContext } from "../src/periods.js";
import type { SectionMode } from "../src/sections.js";
import { zhangjiangText } from "./helpers.js";

const CTX: YearContext = { year: 2024, reviewYear: 2023, planYear: 2024, reviewPeriod: "2023" };
const modeAt = (i: number): SectionMode => (i % 2 === 0 ? "review" : "plan");

/**
 * The scan findPeriodMarkers replaced: at each candidate character, the rules one by one, sticky at
 * that index, the first to match winning; the scan goes on after its match. Kept here as the reference.
 */
function ruleByRule(scan: string): { index: number; end: number; period: string; text: string }[] {
  const start = /[\d“十过近今本去上明全年截前第一二三四五下当]/g;
  const out: { index: number; end: number; period: string; text: string }[] = [];
  for (let m = start.exec(scan); m; m = start.exec(scan)) {
    const at = m.index;
    for (const [rule, resolve] of RULES) {
      const re = new RegExp(rule.source, "y");
      re.lastIndex = at;
      const hit = re.exec(scan);
      if (!hit) continue;
      const end = at + hit[0].length;
      out.push({ index: at, end, period: resolve(hit, CTX, modeAt(at)) ?? "", text: hit[0] });
      start.lastIndex = end;
      break;
    }
  }
  return out;
}

const found = (scan: string) =>
  findPeriodMarkers(scan, CTX, modeAt).map(({ index, end, period, text }) => ({ index, end, period, text }));

describe("findPeriodMarkers in one pass", () => {
  it("finds the markers, periods and extents a rule-by-rule scan finds, on any text of period words", () => {
    const piece = fc.constantFrom(
      ..."0123456789年月日底末份度上下半前三季第一二四五十今本去明全内当初来以间中过近截至止到-—~，。“”时期“十四五”规划".split(
        "",
      ),
      "十四五",
      "2023年",
      "1-5月",
      "上半年",
      "截至2023年6月底",
      "“十三五”时期",
      "2015—2020年",
      "前三季度",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const scan = pieces.join("");
        expect(found(scan)).toEqual(ruleByRule(scan));
      }),
      { numRuns: 2000 },
    );
  });

  it("the same on the shipped Zhangjiang text", () => {
    const { text } = zhangjiangText();
    const markers = found(text);
    expect(markers.length).toBeGreaterThan(20);
    expect(markers).toEqual(ruleByRule(text));
  });
});
