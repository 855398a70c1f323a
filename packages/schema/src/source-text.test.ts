import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNormalizedSourceText, normalizeSourceText, sourceTextChanges } from "./source-text.js";

describe("normalizeSourceText", () => {
  it("removes a leading BOM and writes CRLF and lone CR as LF", () => {
    expect(normalizeSourceText("\uFEFF一、回顾\r\n增长5%\r完成\n")).toBe("一、回顾\n增长5%\n完成\n");
    expect(sourceTextChanges("\uFEFF一\r\n二\r三\n")).toEqual({ bom: true, crlf: 1, cr: 1 });
    expect(normalizeSourceText("\uFEFF\uFEFF一")).toBe("一");
  });

  it("keeps a BOM that is not at the start, and everything else as printed", () => {
    const t = "　　全年１２３亿元\uFEFF，\t增长\u30005%";
    expect(normalizeSourceText(t)).toBe(t);
    expect(isNormalizedSourceText(t)).toBe(true);
    expect(sourceTextChanges(t)).toEqual({ bom: false, crlf: 0, cr: 0 });
  });

  it("is idempotent and leaves no CR", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\r", "\n", "\uFEFF", "张") }), (s) => {
        const n = normalizeSourceText(s);
        expect(normalizeSourceText(n)).toBe(n);
        expect(n.includes("\r")).toBe(false);
        expect(isNormalizedSourceText(n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
