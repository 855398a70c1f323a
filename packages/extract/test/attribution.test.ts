// Attribution rules (role, period, subject) on invented sentences: each rule is stated in terms of the
// grammar of these reports, so a made-up text that follows the grammar must come out right.
import { describe, expect, it } from "vitest";
import { extractReport, splitSections } from "../src/index.js";

const at = (r: ReturnType<typeof extractReport>, printed: string) => {
  const q = r.quantities.find((x) => x.printed === printed);
  if (!q) throw new Error(`${printed} not extracted`);
  return q;
};

describe("parts with no number", () => {
  const text = [
    "某市政府工作报告",
    "——2023年1月30日在某市第十六届人民代表大会第四次会议上",
    "2022年政府工作回顾",
    "过去一年，全市生产总值增长4.5%，新增城镇就业9.2万人。",
    "2023年主要工作",
    "经济社会发展主要预期目标是：生产总值增长7%左右。",
    "（一）推进产业发展。新建标准厂房20万平方米，力争新增规上企业100家。",
  ].join("\n");

  it("a short line naming a period and a review or plan word is a part heading", () => {
    expect(splitSections(text).map((s) => [s.kind, s.heading, s.mode])).toEqual([
      ["part", "2022年政府工作回顾", "review"],
      ["part", "2023年主要工作", "plan"],
      ["section", "（一）推进产业发展", "plan"],
    ]);
  });

  it("figures under them get the part's period and role", () => {
    const r = extractReport(text);
    expect([at(r, "4.5%").period, at(r, "4.5%").role]).toEqual(["2022", "actual"]);
    expect([at(r, "7%左右").period, at(r, "7%左右").role]).toEqual(["2023", "target"]);
    expect([at(r, "20万平方米").period, at(r, "20万平方米").role]).toEqual(["2023", "plan"]);
    expect([at(r, "100家").period, at(r, "100家").role]).toEqual(["2023", "target"]);
  });

  it("a long line, a line with punctuation or one not opening with a period is not a heading", () => {
    const secs = splitSections(
      "某市政府工作报告\n百人计划\n2022年，全市完成目标任务。\n今年重点推进的工作有很多很多很多很多很多很多很多项\n",
    );
    expect(secs).toEqual([]);
  });
});

describe("a plan with no part heading (a digest of the plan)", () => {
  const text = [
    "# source: example.org/reports/某市_2024_report.txt",
    "——奋力推动高质量发展",
    "今年政府工作的总体要求是：坚持稳中求进。",
    "经济社会发展的主要预期目标是：生产总值增长6%以上，居民人均可支配收入增长7%左右。",
    "（一）聚力创新驱动。新增高新技术企业70家，建成50个口袋公园。",
  ].join("\n");

  it("the sentence that opens a plan starts an implicit plan part, and the year comes from the source line", () => {
    const r = extractReport(text);
    expect(r.sections.map((s) => [s.kind, s.mode])).toEqual([
      ["part", "plan"],
      ["section", "plan"],
    ]);
    expect(r.warnings).toContainEqual({
      code: "meta.year-from-source-line",
      message: expect.stringMatching(/taken from the # source: line \(2024\)/),
    });
    expect([at(r, "6%以上").period, at(r, "6%以上").role]).toEqual(["2024", "target"]);
    expect([at(r, "50个").period, at(r, "50个").role]).toEqual(["2024", "plan"]);
  });

  it("also when the paragraphs are joined into one line", () => {
    const joined = text.split("\n").slice(1).join("");
    const r = extractReport(`${text.split("\n")[0]}\n${joined}${"。".padStart(3001, "文")}`);
    expect(at(r, "6%以上").role).toBe("target");
  });

  it("inside a plan chapter it makes no part of its own", () => {
    const secs = splitSections(
      "某县政府工作报告\n一、过去一年工作回顾\n全年完成投资10亿元。\n二、2013年工作安排\n今年政府工作的总体要求是：稳中求进。\n",
    );
    expect(secs.map((s) => s.kind)).toEqual(["chapter", "chapter"]);
  });
});

describe("roles in a plan", () => {
  const r = extractReport(
    [
      "某省政府工作报告",
      "——2025年1月20日在某省第十四届人民代表大会第三次会议上",
      "一、2024年工作回顾",
      "全省生产总值增长5.4%。",
      "二、2025年目标任务和主要工作",
      "改造农村户厕20.6万座，完成营造林600万亩。",
      "研发经费投入增长8%左右，新增高新技术企业70家，培育专精特新企业600家，管理平台覆盖率达100%。",
      "三、“十五五”时期的主要目标",
      "新建学校30所。",
    ].join("\n"),
  );
  it("a heading that announces the work as well as the goals leaves scheduled work a plan", () => {
    expect(at(r, "20.6万座").role).toBe("plan");
    expect(at(r, "600万亩").role).toBe("plan");
    expect(at(r, "30所").role).toBe("target");
  });
  it("a rate of change, a number of enterprises and a level to reach (达) are targets", () => {
    expect(at(r, "8%左右").role).toBe("target");
    expect(at(r, "70家").role).toBe("target");
    expect(at(r, "600家").role).toBe("target");
    expect(at(r, "100%").role).toBe("target");
  });
  it("in the review the same wording is an actual", () => {
    expect(at(r, "5.4%").role).toBe("actual");
  });
});

const REVIEW_OF_FIVE_YEARS = [
  "某区政府工作报告",
  "——2016年2月19日在某区第十四届人民代表大会第五次会议上",
  "一、“十二五”时期和2015年工作回顾",
  "五年来，城镇化率由21.6%提高到25.2%，农村砖瓦房比例达到99.5%，地区生产总值年均增长12.1%，财政收入是2010年的2倍，能耗比2010年下降15.2%，累计新建学校12所。",
  "各位代表，刚刚过去的2015年，我区完成了各项目标任务。",
  "（一）经济发展取得新成就",
  "完成投资15.9亿元，新建道路17条。",
  "二、2016年工作安排",
  "全年新建道路10条。",
];

describe("periods in a review of several years", () => {
  const r = extractReport(REVIEW_OF_FIVE_YEARS.join("\n"));
  it("a share reached and a figure set against the period's start are dated at its end; growth and flows keep the range", () => {
    expect(at(r, "25.2%").period).toBe("2015");
    expect(at(r, "99.5%").period).toBe("2015");
    expect(at(r, "2倍").period).toBe("2015");
    expect(at(r, "15.2%").period).toBe("2015");
    expect(at(r, "12.1%").period).toBe("2011/2015");
    expect(at(r, "12所").period).toBe("2011/2015");
  });
  it("the paragraph that introduces a chapter's sections with a period (刚刚过去的2015年,) dates them", () => {
    expect(at(r, "15.9亿元").period).toBe("2015");
    expect(at(r, "17条").period).toBe("2015");
    expect(at(r, "10条").period).toBe("2016");
  });
  it("also when the paragraphs are joined into one line (the intro is then among the sentences before the section)", () => {
    const [title, date, ...body] = REVIEW_OF_FIVE_YEARS;
    const j = extractReport(`${title}\n${date}\n${"文".repeat(3000)}。${body.join("")}`);
    expect(at(j, "15.9亿元").period).toBe("2015");
  });
});

describe("分别 lists and 均", () => {
  const r = extractReport(
    [
      "某区政府工作报告",
      "——2013年2月19日在某区第十四届人民代表大会第二次会议上",
      "一、过去一年工作回顾",
      "二氧化硫排放量与化学需氧量排放量比2010年分别降低5.2%和11.5%。",
      "企业退休人员基本养老金、城镇低保标准和环卫工人工资再次提高，月人均分别提高221元、90元和300元。",
      "建议、提案办复率、满意率均达100%。",
      "新建学校3所、幼儿园5所，拆除违建50处、1212平方米。",
    ].join("\n"),
  );
  const subject = (printed: string) => at(r, printed).subject;
  it("each figure of a 分别 list takes its own item, also when the items are in the clause before", () => {
    expect([subject("5.2%"), subject("11.5%")]).toEqual(["二氧化硫排放量降低", "化学需氧量排放量降低"]);
    expect([subject("221元"), subject("90元"), subject("300元")]).toEqual([
      "企业退休人员基本养老金提高",
      "城镇低保标准提高",
      "环卫工人工资提高",
    ]);
  });
  it("a figure after 均 measures every item listed", () => {
    expect(subject("100%")).toBe("建议、提案办复率、满意率");
  });
  it("lists that do not pair one to one are left alone", () => {
    expect(subject("3所")).toBe("新建学校");
    expect(subject("5所")).toBe("幼儿园");
    expect(subject("1212平方米")).toBe(subject("50处"));
  });
});
