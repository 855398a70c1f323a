import { describe, expect, it } from "vitest";
import { printed, upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";
import { readSubjects } from "./subjects.js";

function subjectsOf(text: string) {
  const { reading, figures } = upToFigures(text);
  return readSubjects(linkComparisons(figures, reading), reading);
}

describe("stage subjects", () => {
  it("reads the phrase before a figure, lead-in words (共成功) trimmed but kept in rawSubject", () => {
    const figures = subjectsOf("一、工作回顾\n共成功调解矛盾纠纷120件。\n");
    const f = printed(figures, "120件");
    expect(f.subject).toBe("调解矛盾纠纷");
    expect(f.rawSubject).toContain("共");
  });

  it("gives a bare rate the subject of the figure before it", () => {
    const figures = subjectsOf("一、工作回顾\n地区生产总值完成287.9亿元，年均增长12.1%。\n");
    expect(printed(figures, "12.1%").subject).toBe("地区生产总值年均增长");
  });

  it("reads the words after a figure when those before are a list of names", () => {
    const figures = subjectsOf("一、工作回顾\n整治殷家浜等4条河道。\n");
    expect(printed(figures, "4条").subject).toBe("河道");
  });

  it("marks a part in brackets as the sibling of the whole", () => {
    const figures = subjectsOf("一、工作回顾\n户管清单4718家(镇域企业2506家、管镇企业2212家)。\n");
    expect(printed(figures, "2506家").sibling).toBe(printed(figures, "4718家"));
    expect(printed(figures, "2212家").sibling).toBe(printed(figures, "4718家"));
  });
});
