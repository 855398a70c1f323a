import { describe, expect, it } from "vitest";
import { extractReport } from "../src/index.js";
import { evaluate, type TruthFigure } from "./evaluation.js";
import {
  crlfFullWidth,
  hardWrap,
  joinParagraphs,
  placeInOriginal,
  toOriginal,
  type Variant,
  WRAP_WIDTH,
} from "./evaluation-variants.js";

const cps = (s: string) => [...s];
/** Every code point of the variant that comes from the original is that very code point, up to digit width. */
function faithful(original: string, v: Variant) {
  const o = cps(original);
  const t = cps(v.text);
  expect(t.length).toBe(v.origin.length);
  t.forEach((c, i) => {
    const from = v.origin[i] as number;
    if (from >= 0) expect(c.normalize("NFKC"), `at ${i}`).toBe(o[from]?.normalize("NFKC"));
  });
  // Nothing of the original is lost except what the variant drops on purpose (line breaks when joined).
  const kept = new Set(Array.from(v.origin).filter((x) => x >= 0));
  o.forEach((c, i) => {
    if (!kept.has(i)) expect(c, `original ${i} dropped`).toBe("\n");
  });
}

describe("layout variants", () => {
  const text = "# source: somewhere 2024\n全市生产总值达到8500亿元，增长5.5%。\n新增就业12345人。\n";

  it("hard-wraps every line at the width, inside numbers too, and keeps the source line whole", () => {
    const v = hardWrap(text, 10);
    faithful(text, v);
    const lines = v.text.split("\n");
    expect(lines[0]).toBe("# source: somewhere 2024");
    expect(lines.slice(1).every((l) => cps(l).length <= 10)).toBe(true);
    expect(lines.slice(1, 4)).toEqual(["全市生产总值达到85", "00亿元，增长5.5", "%。"]);
    expect(WRAP_WIDTH).toBe(38);
  });

  it("joins the paragraphs into one line", () => {
    const v = joinParagraphs(text);
    faithful(text, v);
    expect(v.text).toBe("# source: somewhere 2024\n全市生产总值达到8500亿元，增长5.5%。新增就业12345人。");
  });

  it("writes CRLF and full-width digits", () => {
    const v = crlfFullWidth(text);
    faithful(text, v);
    expect(v.text).toContain("达到８５００亿元，增长５.５%。\r\n新增就业１２３４５人。\r\n");
  });

  it("maps a variant span back to the original, skipping inserted characters", () => {
    const v = hardWrap(text, 10);
    const i = v.text.indexOf("85\n00亿元");
    // 85\n00亿元: the inserted break lies inside the span.
    const span = toOriginal(v, i, i + 7);
    const at = text.indexOf("8500亿元");
    expect(span).toEqual({ start: at, end: at + 6 });
    expect(toOriginal(v, i + 2, i + 3)).toBeUndefined();
  });

  it("places extracted figures in the original whether offsets count CRs or not", () => {
    const v = crlfFullWidth(text);
    // On the third line: one CR before it.
    const truthStart = text.indexOf("12345人");
    const q = { value: 12345, unit: "人", printed: "12345人", start: 0, end: 0 };
    const asGiven = v.text.indexOf("１２３４５人");
    const normalised = v.text.replace(/\r\n/g, "\n").indexOf("１２３４５人");
    expect(asGiven).not.toBe(normalised);
    const base = extractReport("新增企业9家。").quantities[0];
    if (!base) throw new Error("expected a figure");
    for (const at of [asGiven, normalised]) {
      const [placed] = placeInOriginal(v, [{ ...base, ...q, start: at, end: at + 6 }]);
      expect(placed?.start).toBe(truthStart);
      expect(placed?.end).toBe(truthStart + 6);
    }
  });

  it("scores the extractor on a variant against the same truth, by position", () => {
    const t: TruthFigure = {
      value: 8500,
      unit: "亿元",
      qualifier: "exact",
      printed: "8500亿元",
      start: cps(text).indexOf("8"),
      end: cps(text).indexOf("8") + 6,
      quoteStart: 0,
      quoteEnd: 0,
      readings: [{ observation: "a", role: "actual", period: "2023" }],
    };
    for (const v of [hardWrap(text, 12), joinParagraphs(text), crlfFullWidth(text)]) {
      const ev = evaluate([t], placeInOriginal(v, extractReport(v.text).quantities));
      // Whatever the extractor makes of it, the figure is found where it is printed or counted as missed.
      expect(ev.matched + ev.misses.length, v.name).toBe(1);
      expect(ev.matched + ev.falsePositives.length, v.name).toBe(ev.extracted);
    }
    // CRLF and full-width digits move every offset after the first line; mapped back, the figure is where it was.
    const at = text.indexOf("12345人");
    const jobs = { ...t, value: 12345, unit: "人", printed: "12345人", start: at, end: at + 6 };
    const v = crlfFullWidth(text);
    const ev = evaluate([t, jobs], placeInOriginal(v, extractReport(v.text).quantities));
    expect(ev.matched).toBe(2);
    expect(ev.fields.value.rate).toBe(1);
  });
});
