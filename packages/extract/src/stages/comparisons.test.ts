import { describe, expect, it } from "vitest";
import { printed, upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";

describe("stage comparisons", () => {
  it("makes the figures of a stated comparison parts of the observation", () => {
    const { reading, figures } = upToFigures(
      "一、工作回顾\n税收20.27亿元，比去年同期13.88亿元增长6.39亿元，增幅46%。\n",
    );
    linkComparisons(figures, reading);
    const tax = printed(figures, "20.27亿元");
    expect(figures.map((f) => [f.q.printed, f.kind])).toEqual([
      ["20.27亿元", "observation"],
      ["13.88亿元", "baseline"],
      ["6.39亿元", "change"],
      ["46%", "percent"],
    ]);
    for (const f of figures.slice(1)) expect(f.owner).toBe(tax);
    expect(tax.comparison?.direction).toBe("increase");
  });

  it("links 由A增加到B: A is B's baseline, with the years it names", () => {
    const { reading, figures } = upToFigures(
      "一、工作回顾\n地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元。\n",
    );
    linkComparisons(figures, reading);
    const to = printed(figures, "287.9亿元");
    expect(printed(figures, "162.4亿元").kind).toBe("baseline");
    expect(to.fromTo).toMatchObject({ direction: "increase", fromYear: 2010, toYear: 2015 });
    expect(to.fromTo?.from).toBe(printed(figures, "162.4亿元"));
  });
});
