import { describe, expect, it } from "vitest";
import { repairLayout } from "./layout.js";
import { readSections } from "./sections.js";

describe("stage sections", () => {
  const text = "政府工作报告\n一、2023年工作回顾\n产值5亿元。\n二、2024年工作安排\n(一)抓项目\n投资8亿元。\n";
  const structure = readSections(repairLayout(text, []));

  it("finds the headings, each a review or a plan", () => {
    expect(structure.sections.map((x) => [x.heading, x.mode])).toEqual([
      ["一、2023年工作回顾", "review"],
      ["二、2024年工作安排", "plan"],
      ["(一)抓项目", "plan"],
    ]);
  });

  it("looks up the sections and the mode at any index", () => {
    const at = text.indexOf("投资");
    expect(structure.sectionsAt(at).map((x) => x.label)).toEqual(["二、", "(一)"]);
    expect(structure.modeAt(text.indexOf("产值"))).toBe("review");
    expect(structure.modeAt(at)).toBe("plan");
    expect(structure.modeAt(0)).toBe("review");
  });
});
