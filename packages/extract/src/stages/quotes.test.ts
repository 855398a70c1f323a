import { describe, expect, it } from "vitest";
import { printed, upToFigures } from "../../test/stage-helpers.js";
import type { ExtractWarning } from "../codes.js";
import { linkComparisons } from "./comparisons.js";
import { quoteFigures } from "./quotes.js";

describe("stage quotes", () => {
  it("quotes the clause of a figure, stretched over its comparison, shared by its parts", () => {
    const text = "一、工作回顾\n税收20.27亿元，比去年同期增长6.39亿元，增幅46%；新增企业12家。\n";
    const { reading, figures } = upToFigures(text);
    quoteFigures(linkComparisons(figures, reading), reading, []);
    const quote = (p: string) => text.slice(printed(figures, p).quoteStart, printed(figures, p).quoteEnd);
    expect(quote("20.27亿元")).toBe("税收20.27亿元，比去年同期增长6.39亿元，增幅46%");
    expect(quote("46%")).toBe(quote("20.27亿元"));
    expect(quote("12家")).toBe("新增企业12家");
  });

  it("cuts a clause with no punctuation for hundreds of characters and warns", () => {
    const text = `一、工作回顾\n${"产值增长".repeat(100)}5%。\n`;
    const { reading, figures } = upToFigures(text);
    const warnings: ExtractWarning[] = [];
    quoteFigures(linkComparisons(figures, reading), reading, warnings);
    expect(warnings.map((w) => w.code)).toEqual(["layout.long-clause"]);
  });
});
