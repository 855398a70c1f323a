import { describe, expect, it } from "vitest";
import { readFigures } from "./figures.js";
import { repairLayout } from "./layout.js";
import { readSections } from "./sections.js";

function figuresOf(text: string) {
  const laid = repairLayout(text, []);
  return readFigures(laid, readSections(laid));
}

describe("stage figures", () => {
  it("reads the printed quantities that are facts, as actual observations with their sections", () => {
    const { figures, skipped } = figuresOf("一、工作回顾\n产值８５亿元，新增企业12家。\n");
    expect(figures.map((f) => [f.q.printed, f.q.value, f.q.unit, f.kind, f.role])).toEqual([
      ["８５亿元", 85, "亿元", "observation", "actual"],
      ["12家", 12, "家", "observation", "actual"],
    ]);
    expect(figures[0]?.sections.map((x) => x.heading)).toEqual(["一、工作回顾"]);
    expect(skipped).toEqual([]);
  });

  it("skips the # source: line and numbers that are not facts, saying why", () => {
    const { figures, skipped } = figuresOf("# source: 12家\n建成“15分钟社区生活圈”，改造小区8个。\n");
    expect(figures.map((f) => f.q.printed)).toEqual(["8个"]);
    expect(skipped.map((x) => x.code)).toEqual(["figure.skipped.comment-line", "figure.skipped.in-name"]);
  });

  it("anchors a glossary entry's figures at the footnote marker the body prints", () => {
    const text = "一、工作安排\n实施“1+10+X”⑭计划。\n名词解释\n14、1+10+X：建设10个中心。\n";
    const { figures } = figuresOf(text);
    const f = figures.find((x) => x.q.printed === "10个");
    expect(f?.anchor).toBe(text.indexOf("⑭"));
  });

  it("judges a figure on the scan text: a full-width figure alone in quotation marks is kept", () => {
    const { figures, skipped } = figuresOf("一、工作回顾\n出台“８０条”措施，建成“１５分钟生活圈”。\n");
    expect(figures.map((f) => f.q.printed)).toEqual(["８０条"]);
    expect(skipped.map((x) => x.code)).toEqual(["figure.skipped.in-name"]);
  });
});
