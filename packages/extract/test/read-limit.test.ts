import { findQuantities } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { describeShared } from "../../../vitest.shared-texts.js";
import { type ExtractResult, extractReport } from "../src/extract.js";
import { lengthLimit, MAX_CHARS, MAX_FIGURES, readLimit } from "../src/read-limit.js";
import { sharedText, zhangjiangText } from "./helpers.js";

/** The code point where reading stopped, from the text.read-in-part warning ("read up to code point N of M"). */
function readTo(r: ExtractResult): number | undefined {
  const w = r.warnings.find((x) => x.code === "text.read-in-part");
  const m = w && /read up to code point (\d+) of (\d+)/.exec(w.message);
  return m ? Number(m[1]) : undefined;
}

/**
 * Reading a text with a cap gives, for every figure before the point where reading stopped, the
 * figure a reading of the whole text gives (value, kind, subject, quote, period, role, indicator,
 * observation id), says where it stopped, and has nothing after it.
 */
function expectSamePrefix(text: string, maxFigures: number): ExtractResult {
  const whole = extractReport(text);
  const capped = extractReport(text, { maxFigures });
  const to = readTo(capped);
  expect(to).toBeDefined();
  const stop = to as number;
  expect(whole.quantities.length).toBeGreaterThan(capped.quantities.length);
  // At least the cap's worth of numbers was read (facts and skipped), and all of them lie before the stop.
  expect(capped.quantities.length + capped.skipped.length).toBeGreaterThanOrEqual(maxFigures);
  for (const q of capped.quantities) expect(q.end).toBeLessThanOrEqual(stop);
  for (const q of capped.skipped) expect(q.start).toBeLessThan(stop);
  const before = whole.quantities.filter((q) => q.start < capped.quantities.at(-1)!.start + 1);
  expect(capped.quantities).toEqual(before);
  expect(capped.skipped).toEqual(whole.skipped.filter((q) => q.start < stop));
  // The observations are those of the whole reading with a figure before the stop (ids included).
  const ids = new Set(capped.quantities.map((q) => q.observation));
  expect(capped.report.observations).toEqual(whole.report.observations.filter((o) => ids.has(o.id)));
  // The report still describes the whole text.
  expect(capped.report.source).toEqual(whole.report.source);
  return capped;
}

describe("the figure cap (text.read-in-part)", () => {
  it("is far above a real report: the shipped Zhangjiang text is read in full by default", () => {
    const r = extractReport(zhangjiangText().text);
    expect(r.warnings.map((w) => w.code)).not.toContain("text.read-in-part");
    expect(r.quantities.length).toBeLessThan(MAX_FIGURES / 10);
  });

  it("reads the Zhangjiang text up to the sentence of its 100th number, every figure before as in the whole reading", () => {
    const capped = expectSamePrefix(zhangjiangText().text, 100);
    // Reading ends with a sentence: the last character read is a sentence end.
    const to = readTo(capped) as number;
    expect([...capped.text][to - 1]).toMatch(/[。!！?？\n]/);
  });

  it("stops a run-on sentence at the clause of the last number, or right after it", () => {
    const clauses = `全年${"完成税收5亿元，".repeat(400)}总体平稳。\n`;
    const r = extractReport(clauses, { maxFigures: 50 });
    expect(r.quantities.length).toBe(50);
    expect([...r.text][(readTo(r) as number) - 1]).toBe("元");
    const run = `全年${"增长1.5%".repeat(400)}。\n`;
    const q = extractReport(run, { maxFigures: 50 });
    expect(q.quantities.length).toBe(50);
    expect(readTo(q)).toBe(2 + 50 * 6);
  });

  it("bounds what a text with any number of numbers yields, at the default cap", () => {
    // 4 numbers a sentence, 3 × MAX_FIGURES of them: read up to the sentence of number MAX_FIGURES.
    const text = `${"全镇完成税收5亿元，增长5%，新增企业12家、个体户30户。".repeat((3 * MAX_FIGURES) / 4)}\n`;
    expect(findQuantities(text).length).toBe(3 * MAX_FIGURES);
    const r = extractReport(text);
    expect(r.quantities.length).toBe(MAX_FIGURES);
    expect(r.warnings.map((w) => w.code)).toContain("text.read-in-part");
  });

  it("counts numbers judged not to be facts too, and reads a text with just the cap in full", () => {
    const line = "其中注册资金500万元以上36家。\n";
    const r = extractReport(line.repeat(3), { maxFigures: 5 });
    expect(r.quantities.length + r.skipped.length).toBe(6);
    // The fifth number opens the third line: reading ends with its 。, before the last line break.
    expect(readTo(r)).toBe(3 * [...line].length - 1);
    expect(extractReport(line.repeat(3), { maxFigures: 6 }).warnings.map((w) => w.code)).not.toContain(
      "text.read-in-part",
    );
  });

  it("is a whole number of at least 1", () => {
    expect(() => extractReport("完成税收5亿元。", { maxFigures: 0 })).toThrow(TypeError);
    expect(() => extractReport("完成税收5亿元。", { maxFigures: 1.5 })).toThrow(TypeError);
  });

  it("finds where to stop from the first numbers only (findQuantities' limit)", () => {
    const text = "增长1.5%，".repeat(200);
    expect(findQuantities(text, { limit: 3 })).toEqual(findQuantities(text).slice(0, 3));
    expect(readLimit(text, 200)).toBeUndefined();
    // No sentence end within reach: the clause of the third number ends at its comma.
    expect(readLimit(text, 3)).toEqual({ end: 3 * 7 - 1, by: "figures", lastStart: 2 * 7 + 2 });
    // The rest of the text is within reach of the 199th: read to the end, no stop.
    expect(readLimit(text, 199)).toBeUndefined();
  });
});

describe("the length cap (text.read-in-part)", () => {
  it("reads the Zhangjiang text up to the last sentence end before 3,000 characters, figures as in the whole reading", () => {
    const { text } = zhangjiangText();
    expect(text.length).toBeLessThan(MAX_CHARS / 10);
    const whole = extractReport(text);
    const capped = extractReport(text, { maxChars: 3000 });
    const to = readTo(capped) as number;
    expect(to).toBeLessThanOrEqual(3000);
    expect(to).toBeGreaterThan(2000);
    expect([...capped.text][to - 1]).toMatch(/[。!！?？\n]/);
    expect(capped.quantities.length).toBeGreaterThan(0);
    expect(capped.quantities).toEqual(whole.quantities.filter((q) => q.start < to));
    expect(capped.warnings.find((w) => w.code === "text.read-in-part")?.message).toMatch(/longer than any report/);
  });

  it("never cuts a number: without a sentence or clause end near the cap, it stops before the number across it", () => {
    const text = `全年${"增长1,212.5万元".repeat(300)}。`;
    for (let max = 1000; max < 1012; max++) {
      const r = extractReport(text, { maxChars: max });
      expect(r.quantities.length).toBeGreaterThan(0);
      for (const q of r.quantities) expect(q.printed).toBe("1,212.5万元");
      expect(readTo(r)).toBeLessThanOrEqual(max);
    }
    expect(lengthLimit("完成5亿元。".repeat(10), 1000)).toBeUndefined();
  });

  it("is a whole number of at least 1", () => {
    expect(() => extractReport("完成税收5亿元。", { maxChars: 0 })).toThrow(TypeError);
  });
});

describeShared("the figure cap on shared texts", ["hebei_2021_annual.txt", "hailaer_2016_annual.txt"], () => {
  for (const name of ["hebei_2021_annual.txt", "hailaer_2016_annual.txt"])
    it(`${name}: every figure before the stop as in the whole reading`, () => {
      expectSamePrefix(sharedText(name).text, 150);
    });
});
