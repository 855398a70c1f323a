import { describe, expect, it } from "vitest";
import { printed, upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";
import { chooseIndicators } from "./indicators.js";
import { quoteFigures } from "./quotes.js";
import { shareOut } from "./respectively.js";
import { assignRoles } from "./roles.js";
import { readSubjects } from "./subjects.js";

function indicatorsOf(text: string) {
  const { reading, figures } = upToFigures(text, { year: 2024 });
  for (const stage of [linkComparisons, readSubjects, shareOut, assignRoles]) stage(figures, reading);
  quoteFigures(figures, reading, []);
  return { figures, ...chooseIndicators(figures, reading) };
}

describe("stage indicators", () => {
  it("takes a confident catalogue suggestion, else makes a report-local indicator", () => {
    const { figures, observationFigures, local } = indicatorsOf(
      "一、2023年工作回顾\n地区生产总值完成287.9亿元，比上年增长6%。修缮古桥梁3座。\n",
    );
    expect(observationFigures.map((f) => f.q.printed)).toEqual(["287.9亿元", "3座"]);
    expect(printed(figures, "287.9亿元").chosen?.indicator).toBe("gdp");
    const bridge = printed(figures, "3座").chosen?.indicator;
    expect(local.map((i) => i.id)).toEqual([bridge]);
  });

  it("gives a baseline its observation's indicator", () => {
    const { figures } = indicatorsOf("一、2023年工作回顾\n地区生产总值由162.4亿元增加到287.9亿元。\n");
    expect(printed(figures, "162.4亿元").chosen?.indicator).toBe(printed(figures, "287.9亿元").chosen?.indicator);
  });
});
