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
});
