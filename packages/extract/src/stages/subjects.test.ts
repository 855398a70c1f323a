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

  it("lets short items listed before a noun share it (新建、改扩建酒店10家), not names before a count (A、B3个集群)", () => {
    expect(printed(subjectsOf("一、工作回顾\n新建、改扩建酒店10家，国内、国际航线达到34条。\n"), "10家").subject).toBe(
      "新建、改扩建酒店",
    );
    expect(printed(subjectsOf("一、工作回顾\n国内、国际航线达到34条。\n"), "34条").subject).toBe("国内、国际航线");
    expect(printed(subjectsOf("一、工作回顾\n家纺箱包、都市农业3个产业集群达到千亿级。\n"), "3个").subject).toBe(
      "产业集群",
    );
  });

  it("gives a rate listed after a level (超105亿元、增速超10%) the level's subject", () => {
    const figures = subjectsOf("二、工作安排\n全年研发经费投入超105亿元、增速超10%。\n");
    expect(printed(figures, "超10%").subject).toBe("研发经费投入增速");
  });

  it("gives a change against a reference and a bare share the subject of the figure before", () => {
    const a = subjectsOf("一、工作回顾\n审批平均耗时缩短至3.8天，比法定时限压缩了63.2天。\n");
    expect(printed(a, "63.2天").subject).toBe(printed(a, "3.8天").subject);
    const b = subjectsOf("一、工作回顾\n优良天数243天，占比达66.6%。\n");
    expect(printed(b, "66.6%").subject).toBe("优良天数占比");
  });

  it("keeps 投资 as the subject of 投资4.5亿元实施了…, and drops aim words and predicates around a noun", () => {
    expect(printed(subjectsOf("一、工作回顾\n投资4.5亿元实施了标准化幼儿园建设。\n"), "4.5亿元").subject).toBe("投资");
    expect(printed(subjectsOf("二、工作安排\n全力抓好总投资657.5亿元的229个水利项目。\n"), "657.5亿元").subject).toBe(
      "水利项目",
    );
    expect(printed(subjectsOf("二、工作安排\n确保红星美凯龙6万平方米主力店年内完工。\n"), "6万平方米").subject).toBe(
      "红星美凯龙主力店",
    );
    expect(printed(subjectsOf("二、工作安排\n加快推进大唐哈克5万千瓦风电项目。\n"), "5万千瓦").subject).toBe(
      "大唐哈克风电项目",
    );
  });
});
