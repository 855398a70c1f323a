import { describe, expect, it } from "vitest";
import { printed, upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";
import { shareOut } from "./respectively.js";
import { readSubjects } from "./subjects.js";

function sharedOut(text: string) {
  const { reading, figures } = upToFigures(text);
  return shareOut(readSubjects(linkComparisons(figures, reading), reading), reading);
}

describe("stage respectively", () => {
  it("gives each figure of a 分别 list its own item", () => {
    const figures = sharedOut("一、工作回顾\n城镇和农村居民人均可支配收入分别增长5.1%、6.2%。\n");
    expect(printed(figures, "5.1%").subject).toMatch(/城镇.*增长$/);
    expect(printed(figures, "6.2%").subject).toMatch(/农村.*增长$/);
    expect(printed(figures, "5.1%").subject).not.toBe(printed(figures, "6.2%").subject);
  });

  it("reads 城乡 before 分别 and two figures as urban, then rural", () => {
    const figures = sharedOut("一、工作回顾\n城乡居民人均可支配收入分别增长8.7%和8.6%。\n");
    expect(printed(figures, "8.7%").subject).toBe("城镇居民人均可支配收入增长");
    expect(printed(figures, "8.6%").subject).toBe("农村居民人均可支配收入增长");
  });

  it("gives the one figure of a 均 list every item", () => {
    const figures = sharedOut("一、工作回顾\n税收、非税收入均增长10%。\n");
    expect(printed(figures, "10%").subject).toMatch(/税收.*非税收入/);
  });
});
