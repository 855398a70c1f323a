import { checkReport, codePointToIndex, normalizeSourceText, parseReport } from "@govreport/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractReport, splitSections } from "../src/index.js";

/** Text that looks like a report: headings, figures, units, qualifiers, comparisons and noise. */
const pieces = fc.constantFrom(
  "第一部分 上半年主要工作情况\n",
  "第二部分 下半年主要工作安排\n",
  "一、",
  "(一)",
  "（二）",
  "名词解释\n",
  "1、",
  "\n",
  "\r\n",
  "。",
  ",",
  "，",
  ";",
  "、",
  ":",
  "完成税收",
  "比去年同期",
  "增长",
  "下降",
  "增幅",
  "同比",
  "较去年提高",
  "个百分点",
  "由2010年的",
  "增加到2015年的",
  "力争",
  "确保",
  "年内",
  "1-5月",
  "上半年",
  "“十三五”时期",
  "2023年",
  "7月13日",
  "第10届",
  "13号线",
  "每",
  "以上",
  "余",
  "近",
  "约",
  "万",
  "亿元",
  "%",
  "％",
  "家",
  "个",
  "人次",
  "平方米",
  "倍",
  "大类",
  "“",
  "”",
  "《",
  "》",
  "[1]",
  "①",
  "\uFFFD",
  "𠀀",
  "在",
  "基础上",
  "等",
);
const number = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.option(fc.integer({ min: 0, max: 99 })))
  .map(([a, b]) => (b === null ? String(a) : `${a}.${b}`));
const reportish = fc
  .array(fc.oneof(pieces, number, fc.string({ maxLength: 4 })), { maxLength: 80 })
  .map((xs) => xs.join(""));
const anyText = fc.oneof(reportish, fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 200 }));

describe("on arbitrary text", () => {
  it("extraction never throws and its draft always passes the schema", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = extractReport(text);
        const parsed = parseReport(r.report);
        if (!parsed.success)
          throw new Error(`${JSON.stringify(text)}: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
      }),
      { numRuns: 400 },
    );
  });

  it("every quote is in the normalised input at its offset, and every figure inside its quote", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const r = extractReport(input);
        const text = normalizeSourceText(input);
        expect(r.text).toBe(text);
        for (const q of r.quantities) {
          const i = codePointToIndex(text, q.offset);
          expect(text.slice(i, i + q.quote.length)).toBe(q.quote);
          expect(text.slice(codePointToIndex(text, q.start), codePointToIndex(text, q.end))).toBe(q.printed);
        }
        for (const o of r.report.observations) {
          const i = codePointToIndex(text, o.source.offset);
          expect(text.slice(i, i + o.source.quote.length)).toBe(o.source.quote);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the checks find every quote of the draft in the text as given (CR, BOM and all)", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const r = extractReport(input);
        const provenance = checkReport(r.report, { sourceText: input }).findings.filter(
          (f) => f.code.startsWith("provenance.") && f.severity === "error",
        );
        expect(provenance).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("sections nest inside the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = [...normalizeSourceText(text)].length;
        for (const s of splitSections(text)) {
          expect(0 <= s.start && s.start <= s.headingEnd && s.headingEnd <= s.end && s.end <= n).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
