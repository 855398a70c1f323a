import { describe, expect, it } from "vitest";
import { printed, upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";
import { shareOut } from "./respectively.js";
import { assignRoles } from "./roles.js";
import { readSubjects } from "./subjects.js";

function rolesOf(text: string) {
  const { reading, figures } = upToFigures(text, { year: 2016 });
  return assignRoles(shareOut(readSubjects(linkComparisons(figures, reading), reading), reading), reading);
}

describe("stage roles", () => {
  it("makes figures actual in a review and targets or plans in a plan", () => {
    const figures = rolesOf(
      "一、2015年工作回顾\n地区生产总值完成287.9亿元。\n二、2016年工作安排\n力争地区生产总值增长7.5%。新建学校3所。\n",
    );
    expect([printed(figures, "287.9亿元").role, printed(figures, "287.9亿元").period]).toEqual(["actual", "2015"]);
    expect([printed(figures, "7.5%").role, printed(figures, "7.5%").period]).toEqual(["target", "2016"]);
    expect(printed(figures, "3所").role).toBe("plan");
  });

  it("dates a level reached in a review of several years at the period's end, and keeps a flow's range", () => {
    const figures = rolesOf("一、过去五年工作回顾\n“十二五”时期，地区生产总值达到287.9亿元，年均增长12.1%。\n");
    expect(printed(figures, "287.9亿元").period).toBe("2015");
    expect(printed(figures, "12.1%").period).toBe("2011/2015");
  });

  it("gives 由A增加到B the years it names, and A the baseline role", () => {
    const figures = rolesOf("一、工作回顾\n地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元。\n");
    expect([printed(figures, "162.4亿元").role, printed(figures, "162.4亿元").period]).toEqual(["baseline", "2010"]);
    expect([printed(figures, "287.9亿元").role, printed(figures, "287.9亿元").period]).toEqual(["actual", "2015"]);
  });
});
