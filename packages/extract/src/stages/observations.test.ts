import { describe, expect, it } from "vitest";
import { upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";
import { chooseIndicators } from "./indicators.js";
import { observe } from "./observations.js";
import { quoteFigures } from "./quotes.js";
import { shareOut } from "./respectively.js";
import { assignRoles } from "./roles.js";
import { readSubjects } from "./subjects.js";

function observed(text: string) {
  const { reading, figures } = upToFigures(text, { year: 2024 });
  for (const stage of [linkComparisons, readSubjects, shareOut, assignRoles]) stage(figures, reading);
  quoteFigures(figures, reading, []);
  return observe(figures, chooseIndicators(figures, reading).observationFigures, reading);
}

describe("stage observations", () => {
  it("makes one observation per observation or baseline figure, with its comparison, and a quantity per figure", () => {
    const { observations, quantities } = observed("一、2023年工作回顾\n税收20.27亿元，比上年增长6.39亿元，增幅46%。\n");
    expect(observations).toHaveLength(1);
    const o = observations[0];
    expect(o?.quantity.printed).toBe("20.27亿元");
    expect(o?.comparison?.change?.printed).toBe("6.39亿元");
    expect(o?.comparison?.percent?.printed).toBe("46%");
    expect(o?.source.quote).toBe("税收20.27亿元，比上年增长6.39亿元，增幅46%");
    expect(quantities.map((q) => [q.printed, q.kind, q.observation])).toEqual([
      ["20.27亿元", "observation", o?.id],
      ["6.39亿元", "change", o?.id],
      ["46%", "percent", o?.id],
    ]);
  });

  it("counts offsets in code points of the text", () => {
    const text = "一、2023年工作回顾\n𠀀𠀀。税收20亿元。\n";
    const { observations } = observed(text);
    expect(observations[0]?.source.quote).toBe("税收20亿元");
    expect(observations[0]?.source.offset).toBe(text.indexOf("税收") - 2);
  });
});
