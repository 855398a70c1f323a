import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../test/csv-parse.js";
import { csvField, formatCell, toCsv } from "./csv.js";

describe("csvField", () => {
  it("quotes only what RFC 4180 requires, doubling inner quotes", () => {
    expect(csvField("完成税收20.17亿元")).toBe("完成税收20.17亿元");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\r")).toBe('"cr\r"');
  });
});

describe("formatCell", () => {
  it("writes missing as empty, numbers plainly and arrays as JSON", () => {
    expect(formatCell(undefined)).toBe("");
    expect(formatCell(20.17)).toBe("20.17");
    expect(formatCell(0)).toBe("0");
    expect(formatCell(["第一部分", "一、"])).toBe('["第一部分","一、"]');
    expect(() => formatCell(Number.NaN)).toThrow(RangeError);
  });
});

describe("toCsv", () => {
  it("round-trips any text through a strict RFC 4180 reader", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom("", ",", '"', "\r\n", "\n", " 前后空格 ", "中文,逗号"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const cols = [{ name: "a" }, { name: "b,c" }, { name: 'd"' }];
        const text = toCsv(cols, (r: string[]) => r, rows);
        expect(parseCsv(text)).toEqual([["a", "b,c", 'd"'], ...rows]);
      }),
    );
  });
});
