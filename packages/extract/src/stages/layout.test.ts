import { describe, expect, it } from "vitest";
import type { ExtractWarning } from "../codes.js";
import { repairLayout } from "./layout.js";

describe("stage layout", () => {
  it("reads full-width digits as ASCII, index for index, and finds the body after a # source: line", () => {
    const warnings: ExtractWarning[] = [];
    const text = "# source: x\n产值８５００亿元。\n";
    const laid = repairLayout(text, warnings);
    expect(laid.s).toBe("# source: x\n产值8500亿元。\n");
    expect(laid.s.length).toBe(text.length);
    expect(laid.bodyStart).toBe("# source: x\n".length);
    expect(laid.joined).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it("joins lines cut at one width and warns that the layout is doubtful", () => {
    const para = "全年地区生产总值完成8500亿元，同比增长12.5%，一般公共预算收入完成320亿元，同比增长6.1%。";
    const cut = (t: string) => t.match(/.{1,20}/g)?.join("\n") ?? t;
    const text = [para, para, para, para, para, para].map(cut).join("\n");
    const warnings: ExtractWarning[] = [];
    const laid = repairLayout(text, warnings);
    expect(laid.s).toContain("完成8500亿元");
    expect(laid.p.wrap?.width).toBe(20);
    expect(warnings.map((w) => w.code)).toEqual(["layout.hard-wrap"]);
  });

  it("flags a text whose paragraphs are run into one line", () => {
    const warnings: ExtractWarning[] = [];
    const laid = repairLayout("产值增长5%。".repeat(500), warnings);
    expect(laid.joined).toBe(3500);
    expect(warnings.map((w) => w.code)).toEqual(["layout.joined-lines"]);
  });
});
