import { describe, expect, it } from "vitest";
import type { ExtractWarning } from "../codes.js";
import { repairLayout } from "./layout.js";
import { readContext } from "./meta.js";
import { readSections } from "./sections.js";

describe("stage meta", () => {
  const text =
    "保定市政府工作报告\n——2024年1月10日在保定市第十六届人民代表大会第三次会议上\n一、2023年工作回顾\n产值5亿元。\n二、2024年工作安排\n投资8亿元。\n";
  const laid = repairLayout(text, []);

  it("reads the place, the date and the years of the review and the plan", () => {
    const warnings: ExtractWarning[] = [];
    const { meta, ctx } = readContext(laid, readSections(laid), {}, warnings);
    expect(meta.jurisdiction).toBe("保定市");
    expect(meta.delivered).toBe("2024-01-10");
    expect(ctx.year).toBe(2024);
    expect(ctx.reviewYear).toBe(2023);
    expect(ctx.planYear).toBe(2024);
  });

  it("takes the caller's year over the text's", () => {
    const { ctx } = readContext(laid, readSections(laid), { year: 2030 }, []);
    expect(ctx.year).toBe(2030);
  });

  it("takes as title a short line of its own, not a sentence, a caption, a breadcrumb or a date line run into it", () => {
    const title = (head: string) => {
      const l = repairLayout(`${head}\n一、工作回顾\n产值5亿元。\n`, []);
      return readContext(l, readSections(l), {}, []).meta.title;
    };
    expect(title("首页 > 政务公开 > 政府工作报告\n政府工作报告\n保定市政府工作报告")).toBe("保定市政府工作报告");
    expect(title("政府工作报告——2025年1月13日在河北省第十四届人民代表大会第三次会议上")).toBe("政府工作报告");
    expect(title("许勤作政府工作报告。河北日报记者孟宇光摄")).toBeUndefined();
    expect(title("1月30日，市长在市十六届人大四次会议上作政府工作报告时说，刚刚过去的一年")).toBeUndefined();
  });

  it("reads the years of headings printed with full-width digits", () => {
    const l = repairLayout("一、２０２３年工作回顾\n产值5亿元。\n二、２０２４年工作安排\n投资8亿元。\n", []);
    const { ctx } = readContext(l, readSections(l), { year: 2025 }, []);
    expect([ctx.reviewYear, ctx.planYear]).toEqual([2023, 2024]);
  });
});
