import { checkReport, formatQuantity, parseReport, type Relation, type Report, relationRefs } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { extractReport } from "../src/index.js";

// Made-up sentences in the shape reports print them; no figure here is from a real report.
const HEAD = "某镇人民政府工作报告\n——2023年7月13日在某镇第五届人民代表大会第四次会议上\n";
const REVIEW = "第一部分 上半年主要工作情况\n";
const PLAN = "第二部分 下半年主要工作安排\n";
const ANNUAL = "某区政府工作报告\n——2013年1月10日在某区第一届人民代表大会第三次会议上\n一、2012年工作回顾\n";
const ANNUAL_PLAN = "二、2013年工作安排\n";

/** Relations of a text, each with its figures as printed, and the relation findings of checkReport. */
function relations(body: string, head = HEAD) {
  const text = head + body;
  const { report } = extractReport(text);
  const parsed = parseReport(report);
  if (!parsed.success) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  const printed = (id: string | undefined) => {
    const o = report.observations.find((x) => x.id === id);
    return o ? formatQuantity(o.quantity) : undefined;
  };
  const figures = (r: Relation) => {
    switch (r.kind) {
      case "sum":
        return { total: printed(r.total), parts: r.parts.map(printed) };
      case "ratio":
        return { ratio: printed(r.ratio), numerator: printed(r.numerator), denominator: printed(r.denominator) };
      case "derived_target":
        return { base: printed(r.base), rate: printed(r.rate), target: printed(r.target) };
      case "progress":
        return { actual: printed(r.actual), target: printed(r.target) };
      case "average_growth":
        return { from: printed(r.from), to: printed(r.to), rate: printed(r.rate), years: r.years };
      case "part":
        return { whole: printed(r.whole), parts: r.parts.map(printed) };
      case "remainder":
        return { total: printed(r.total), done: printed(r.done), remaining: printed(r.remaining) };
      case "product":
        return { factors: r.factors.map(printed), product: printed(r.product) };
      case "growth":
        return { from: printed(r.from), to: printed(r.to), rate: printed(r.rate) };
      case "per_capita":
        return { total: printed(r.total), population: printed(r.population), perCapita: printed(r.perCapita) };
      case "sequence":
        return { markers: r.markers.map((m) => m.printed) };
      case "count":
        return { count: r.count.printed, items: r.items.map((i) => i.printed) };
    }
  };
  const findings = checkReport(parsed.report, { sourceText: text }).findings.filter((f) => f.relation);
  return {
    report: parsed.report,
    // Relations between figures; the numbered headings of these fixtures (一、…) are lists' tests' business
    // (src/relations/lists.test.ts), listed apart.
    list: report.relations
      .filter((r) => r.kind !== "sequence" && r.kind !== "count")
      .map((r) => ({ kind: r.kind, ...figures(r) })),
    lists: report.relations.filter((r) => r.kind === "sequence" || r.kind === "count").map((r) => figures(r)),
    codes: findings.map((f) => f.code),
  };
}

describe("sums: a total and its breakdown", () => {
  it("reads parts in parentheses right after the total, and flags them when they do not add up", () => {
    const ok = relations(`${REVIEW}梳理企业名录3200家(本地企业1900家、外地企业1300家),新增企业20家。\n`);
    expect(ok.list).toEqual([{ kind: "sum", total: "3200家", parts: ["1900家", "1300家"] }]);
    expect(ok.codes).toEqual([]);
    const bad = relations(`${REVIEW}梳理企业名录3200家(本地企业1900家、外地企业1400家)。\n`);
    expect(bad.list).toEqual([{ kind: "sum", total: "3200家", parts: ["1900家", "1400家"] }]);
    expect(bad.codes).toEqual(["relation.sum_mismatch"]);
  });

  it("reads 其中 followed by parallel categories, and flags a breakdown that does not add up", () => {
    const ok = relations(`${REVIEW}评定示范点61个,其中一级示范点15个、二级示范点22个、三级示范点24个。\n`);
    expect(ok.list).toEqual([{ kind: "sum", total: "61个", parts: ["15个", "22个", "24个"] }]);
    expect(ok.codes).toEqual([]);
    const bad = relations(`${REVIEW}评定示范点64个,其中一级示范点15个、二级示范点22个、三级示范点24个。\n`);
    expect(bad.codes).toEqual(["relation.sum_mismatch"]);
    // Parts that exceed the total cannot be a subset of it.
    const over = relations(`${REVIEW}评定示范点57个,其中一级示范点15个、二级示范点22个、三级示范点24个。\n`);
    expect(over.codes).toEqual(["relation.sum_mismatch"]);
  });

  it("reads a total named as one (总数, 共计) split in the clauses after it", () => {
    const r = relations(`${REVIEW}收到来信总数60件,转办48件,自办12件。\n`);
    expect(r.list).toEqual([{ kind: "sum", total: "60件", parts: ["48件", "12件"] }]);
  });

  it("reads a total printed after its parts (…,共计N)", () => {
    const r = relations(`${REVIEW}修缮东区住房800户、西区住房650户,共计1450户。\n`);
    expect(r.list).toEqual([{ kind: "sum", total: "1450户", parts: ["800户", "650户"] }]);
  });

  it("does not read a subset after 其中 as a breakdown: only as parts no larger than their whole", () => {
    // No sum (a subset does not add up to its total) and no finding; what 其中 lists is checked as parts ≤ whole.
    const subset = (body: string, parts?: { whole: string; parts: string[] }) => {
      const r = relations(`${REVIEW}${body}\n`);
      expect(r.list.filter((x) => x.kind === "sum")).toEqual([]);
      expect(r.codes).toEqual([]);
      expect(r.list.filter((x) => x.kind === "part")).toEqual(parts ? [{ kind: "part", ...parts }] : []);
    };
    // Parts far from the total, with labels that are not parallel categories.
    subset("新增就业1200人,其中高校毕业生300人、退役军人45人。", { whole: "1200人", parts: ["300人", "45人"] });
    // Parallel labels, but the parts are a small share of the total.
    subset("服务企业500家,其中科技企业120家、商贸企业80家。", { whole: "500家", parts: ["120家", "80家"] });
    // Parallel labels falling short of the total by more than half the band: other sources may make up the rest.
    subset("投入资金1200万元,其中区级资金800万元、镇级资金300万元。", {
      whole: "1200万元",
      parts: ["800万元", "300万元"],
    });
    // Another unit, a threshold (1000万元以上 is not a part of the investment), and rates.
    subset("累计完成投资18.5亿元,其中投资1000万元以上项目12个。");
    subset("受理工单2.3万件,其中,及时处置率99%、解决率95.5%。");
    // A list left open with 等.
    subset("建成站点30个,其中东区站点12个、西区站点15个等。", { whole: "30个", parts: ["12个", "15个"] });
    // 含 in parentheses with labels that are not parallel.
    subset("建成项目40个(含民生项目10个、产业项目6处)。");
  });

  it("flags a 其中 part larger than its whole", () => {
    const r = relations(`${REVIEW}帮扶困难家庭300户,其中低保家庭320户。\n`);
    expect(r.list).toEqual([{ kind: "part", whole: "300户", parts: ["320户"] }]);
    expect(r.codes).toEqual(["relation.part_exceeds_whole"]);
  });

  it("takes a 其中 breakdown with unparallel labels only when it adds up exactly", () => {
    expect(relations(`${REVIEW}引进项目20个,其中外资5个、内资项目15个。\n`).list).toEqual([
      { kind: "sum", total: "20个", parts: ["5个", "15个"] },
    ]);
    // 20 of 23: not a breakdown, but parts that do not exceed their whole.
    expect(relations(`${REVIEW}引进项目23个,其中外资5个、内资项目15个。\n`).list).toEqual([
      { kind: "part", whole: "23个", parts: ["5个", "15个"] },
    ]);
  });

  it("does not pair figures across a semicolon or a sentence", () => {
    expect(relations(`${REVIEW}收到来信总数60件;转办48件,自办12件。\n`).list).toEqual([]);
    expect(relations(`${REVIEW}收到来信总数60件。转办48件,自办12件。\n`).list).toEqual([]);
  });
});

describe("ratios: a rate printed after its numerator and denominator", () => {
  it("reads a share of a total split before it (总数43件,主动公开42件,免于公开1件,主动公开率98%)", () => {
    const r = relations(`${REVIEW}备案文件总数50件,主动公开47件,依申请公开3件,主动公开率94%。\n`);
    expect(r.list).toEqual([
      { kind: "sum", total: "50件", parts: ["47件", "3件"] },
      { kind: "ratio", ratio: "94%", numerator: "47件", denominator: "50件" },
    ]);
    expect(r.codes).toEqual([]);
  });

  it("reads 受理X件,办结Y件,办结率Z%, and flags a rate the figures do not give", () => {
    const ok = relations(`${REVIEW}受理群众投诉240件,办结228件,办结率95%。\n`);
    expect(ok.list).toEqual([{ kind: "ratio", ratio: "95%", numerator: "228件", denominator: "240件" }]);
    expect(ok.codes).toEqual([]);
    const bad = relations(`${REVIEW}受理群众投诉240件,办结228件,办结率97%。\n`);
    expect(bad.codes).toEqual(["relation.ratio_mismatch"]);
  });

  it("proposes nothing when no figure is named for the rate", () => {
    expect(relations(`${REVIEW}办理代表建议30件、委员提案25件,办复率100%。\n`).list).toEqual([]);
    expect(relations(`${REVIEW}审价项目80项,核减金额120万元,核减率4.2%。\n`).list).toEqual([]);
  });
});

describe("derived targets: a growth rate on a base", () => {
  it("reads a base printed in the sentence (在2022年(X)基础上增长不低于R)", () => {
    const r = relations(`${PLAN}力争把财政收入在2022年(12.50亿元)基础上增长不低于8%。\n`);
    expect(r.list).toEqual([{ kind: "derived_target", base: "12.50亿元", rate: "不低于8%", target: undefined }]);
    expect(r.codes).toEqual(["relation.derived_target"]);
  });

  it("records the printed target amount, and flags one the base and rate do not give", () => {
    const ok = relations(`${PLAN}力争营业收入在上年(40亿元)基础上增长10%,达到44亿元。\n`);
    expect(ok.list).toEqual([{ kind: "derived_target", base: "40亿元", rate: "10%", target: "44亿元" }]);
    expect(ok.codes).toEqual([]);
    const bad = relations(`${PLAN}力争营业收入在上年(40亿元)基础上增长10%,达到46亿元。\n`);
    expect(bad.codes).toEqual(["relation.derived_target_mismatch"]);
  });

  it("takes the base of a plan's growth target from the review of the year before", () => {
    const body = `全年地区生产总值完成150亿元,同比增长9.1%。\n${ANNUAL_PLAN}主要预期目标是:地区生产总值增长10%,达到165亿元;区本级固定资产投资增长12%。\n`;
    const r = relations(`全社会固定资产投资完成60亿元。\n${body}`, ANNUAL);
    expect(r.list).toEqual([{ kind: "derived_target", base: "150亿元", rate: "10%", target: "165亿元" }]);
    expect(r.codes).toEqual([]);
    const bad = relations(body.replace("165亿元", "175亿元"), ANNUAL);
    expect(bad.codes).toEqual(["relation.derived_target_mismatch"]);
  });

  it("does not take a base the review prints twice with different values", () => {
    const body = `地区生产总值完成150亿元。一季度地区生产总值完成30亿元。\n${ANNUAL_PLAN}地区生产总值增长10%。\n`;
    const r = relations(body.replace("一季度", "全年"), ANNUAL);
    expect(r.list).toEqual([]);
  });
});

describe("progress: an actual to date against the year's target", () => {
  it("pairs a review's actual with the plan's target for the same thing", () => {
    const r = relations(`${REVIEW}完成农户改厕320户,新建公厕6座。\n${PLAN}力争全年完成农户改厕600户。\n`);
    expect(r.list).toContainEqual({ kind: "progress", actual: "320户", target: "600户" });
    expect(r.codes).toContain("relation.progress");
  });

  it("pairs nothing when the review reports the same thing twice", () => {
    const r = relations(`${REVIEW}东片竣工5台;西片竣工3台。\n${PLAN}力争年底竣工15台。\n`);
    expect(r.list.filter((x) => x.kind === "progress")).toEqual([]);
  });
});

describe("lists that name every part are checked strictly", () => {
  it("a parenthesised list without 其中 or 含, however far off its total", () => {
    const bad = relations(`${REVIEW}新建公厕45座(城区公厕20座、农村公厕18座)。\n`);
    expect(bad.list).toEqual([{ kind: "sum", total: "45座", parts: ["20座", "18座"] }]);
    expect(bad.codes).toEqual(["relation.sum_mismatch"]);
    // The noun the total counts may stand between it and the parentheses.
    const noun = relations(`${REVIEW}实施19个基础设施项目(道路项目8个、管网项目7个)。\n`);
    expect(noun.list).toEqual([{ kind: "sum", total: "19个", parts: ["8个", "7个"] }]);
    expect(noun.codes).toEqual(["relation.sum_mismatch"]);
    expect(relations(`${REVIEW}实施19个基础设施项目(道路项目8个、管网项目11个)。\n`).codes).toEqual([]);
  });

  it("a colon list after its total", () => {
    const r = relations(`${REVIEW}新建学校12所:小学5所、初中4所、高中2所。\n`);
    expect(r.list).toEqual([{ kind: "sum", total: "12所", parts: ["5所", "4所", "2所"] }]);
    expect(r.codes).toEqual(["relation.sum_mismatch"]);
    expect(relations(`${REVIEW}新建学校12所:小学5所、初中4所、高中3所。\n`).codes).toEqual([]);
  });
});

describe("average growth between two levels, over the years named", () => {
  it("由…年的A增加到…年的B,年均增长R%: compound over the years between", () => {
    const body = "财政收入由2015年的50亿元增加到2020年的80.5亿元,年均增长10%。\n";
    const r = relations(body, ANNUAL);
    expect(r.list).toContainEqual({ kind: "average_growth", from: "50亿元", to: "80.5亿元", rate: "10%", years: 5 });
    expect(r.codes).toEqual([]);
    expect(relations(body.replace("10%", "12%"), ANNUAL).codes).toEqual(["relation.average_growth_mismatch"]);
  });

  it("a level and its change since a year named: 比2015年增加C", () => {
    // 2020: 32210元, 12210元 more than 2015 (20000元): (32210 / 20000)^(1/5) − 1 = 10.0%.
    const body = "2020年居民人均可支配收入达到32210元,比2015年增加12210元,年均增长10%。\n";
    const r = relations(body, ANNUAL);
    expect(r.list).toContainEqual({ kind: "average_growth", from: undefined, to: "32210元", rate: "10%", years: 5 });
    expect(r.codes).toEqual([]);
    expect(relations(body.replace("年均增长10%", "年均增长11%"), ANNUAL).codes).toEqual([
      "relation.average_growth_mismatch",
    ]);
  });

  it("never guesses the years: without both printed there is no relation", () => {
    const r = relations("财政收入由50亿元增加到80.5亿元,年均增长12%。\n", ANNUAL);
    expect(r.list.filter((x) => x.kind === "average_growth")).toEqual([]);
  });

  it("growth at comparable prices (GDP) is read but not checked against the nominal levels", () => {
    const r = relations("地区生产总值由2015年的100亿元增加到2020年的150亿元,年均增长7.5%。\n", ANNUAL);
    expect(r.list).toContainEqual({ kind: "average_growth", from: "100亿元", to: "150亿元", rate: "7.5%", years: 5 });
    expect(r.codes).toEqual([]);
  });
});

describe("average growth from a level in an earlier sentence of the paragraph", () => {
  it("the same indicator with its year printed before: compound over the years between", () => {
    // (80.5 / 50)^(1/5) − 1 = 10.0%.
    const body = "2015年一般公共预算收入50亿元。2020年一般公共预算收入达到80.5亿元,年均增长10%。\n";
    const r = relations(body, ANNUAL);
    expect(r.list).toContainEqual({ kind: "average_growth", from: "50亿元", to: "80.5亿元", rate: "10%", years: 5 });
    expect(r.codes).toEqual([]);
    expect(relations(body.replace("年均增长10%", "年均增长12%"), ANNUAL).codes).toEqual([
      "relation.average_growth_mismatch",
    ]);
  });

  it("never across paragraphs, nor when two earlier levels could be meant", () => {
    const apart = "2015年一般公共预算收入50亿元。\n2020年一般公共预算收入达到80.5亿元,年均增长12%。\n";
    expect(relations(apart, ANNUAL).list.filter((x) => x.kind === "average_growth")).toEqual([]);
    const two =
      "2014年一般公共预算收入45亿元。2015年一般公共预算收入50亿元。2020年一般公共预算收入达到80.5亿元,年均增长12%。\n";
    expect(relations(two, ANNUAL).list.filter((x) => x.kind === "average_growth")).toEqual([]);
  });
});

describe("growth between two printed levels", () => {
  it("从A增加到B、增长X%: (B ÷ A − 1) × 100", () => {
    const r = relations(`${REVIEW}市场主体从400万户增加到500万户、增长25%。\n`);
    expect(r.list).toContainEqual({ kind: "growth", from: "400万户", to: "500万户", rate: "25%" });
    expect(r.codes).toEqual([]);
    expect(relations(`${REVIEW}市场主体从400万户增加到500万户、增长35%。\n`).codes).toEqual([
      "relation.growth_mismatch",
    ]);
  });

  it("降至…、降幅X%: (1 − B ÷ A) × 100", () => {
    expect(relations(`${REVIEW}事故起数从80起降至60起、降幅25%。\n`).codes).toEqual([]);
    expect(relations(`${REVIEW}事故起数从80起降至60起、降幅35%。\n`).codes).toEqual(["relation.growth_mismatch"]);
  });

  it("增长N倍: N or N + 1 times the start is allowed, anything else is flagged", () => {
    // 300 ÷ 20 = 15 times, an increase of 14 times: 增长14倍 and 增长15倍 both read.
    expect(relations(`${REVIEW}企业从20家增加到300家、增长14倍。\n`).codes).toEqual([]);
    expect(relations(`${REVIEW}企业从20家增加到300家、增长15倍。\n`).codes).toEqual([]);
    expect(relations(`${REVIEW}企业从20家增加到300家、增长25倍。\n`).codes).toEqual(["relation.growth_mismatch"]);
  });

  it("GDP growth at comparable prices is read but not checked against the nominal levels", () => {
    const r = relations("地区生产总值从100亿元增加到150亿元、增长6.5%。\n", ANNUAL);
    expect(r.list).toContainEqual({ kind: "growth", from: "100亿元", to: "150亿元", rate: "6.5%" });
    expect(r.codes).toEqual([]);
  });

  it("without 从 or 由 before the start there is no relation", () => {
    const r = relations(`${REVIEW}新增400万户,市场主体增加到500万户、增长35%。\n`);
    expect(r.list.filter((x) => x.kind === "growth")).toEqual([]);
  });
});

describe("per-capita figures against their total and the people", () => {
  it("总额,惠及N人,人均X: total ÷ people", () => {
    const r = relations(`${REVIEW}发放救助金9.2亿元,惠及15万人,人均6133元。\n`);
    expect(r.list).toEqual([{ kind: "per_capita", total: "9.2亿元", population: "15万人", perCapita: "6133元" }]);
    expect(r.codes).toEqual([]);
    expect(relations(`${REVIEW}发放救助金9.2亿元,惠及15万人,人均6933元。\n`).codes).toEqual([
      "relation.per_capita_mismatch",
    ]);
  });

  it("the people first, and 户均 for households", () => {
    expect(relations(`${REVIEW}2000户领取补贴496万元,户均2680元。\n`).codes).toEqual(["relation.per_capita_mismatch"]);
    expect(relations(`${REVIEW}2000户领取补贴496万元,户均2480元。\n`).codes).toEqual([]);
  });

  it("never a per-capita statistic that only follows two figures (居民人均可支配收入)", () => {
    const r = relations(`${REVIEW}发放救助金9.2亿元,新增就业15万人,居民人均可支配收入30000元。\n`);
    expect(r.list.filter((x) => x.kind === "per_capita")).toEqual([]);
    // 人均 with people counted in 户 is not a per-household figure.
    const h = relations(`${REVIEW}发放补贴496万元,惠及2000户,人均2480元。\n`);
    expect(h.list.filter((x) => x.kind === "per_capita")).toEqual([]);
  });
});

describe("remainders, products and shares", () => {
  it("done + remaining = total", () => {
    const r = relations(`${REVIEW}共梳理整改事项20项,已完成12项,剩余9项。\n`);
    expect(r.list).toEqual([{ kind: "remainder", total: "20项", done: "12项", remaining: "9项" }]);
    expect(r.codes).toEqual(["relation.remainder_mismatch"]);
    expect(relations(`${REVIEW}改造老旧小区30个,已完成22个,尚有8个正在施工。\n`).codes).toEqual([]);
  });

  it("每…N,共M: items × per item = total", () => {
    const r = relations(`${REVIEW}组织8名专家每人带4名学员,共36名。\n`);
    expect(r.list).toEqual([{ kind: "product", factors: ["8名", "4名"], product: "36名" }]);
    expect(r.codes).toEqual(["relation.product_mismatch"]);
    expect(relations(`${REVIEW}建设5个站点,每个站点配备3名人员,共15名。\n`).codes).toEqual([]);
  });

  it("占…的X%: a share of a whole printed with it", () => {
    const r = relations(`${REVIEW}民生支出410亿元,占一般公共预算支出500亿元的85%。\n`);
    expect(r.list).toEqual([{ kind: "ratio", numerator: "410亿元", denominator: "500亿元", ratio: "85%" }]);
    expect(r.codes).toEqual(["relation.ratio_mismatch"]);
    // The whole printed earlier in the paragraph, under the name after 占.
    const earlier = relations(`${REVIEW}一般公共预算支出500亿元。民生支出410亿元,占一般公共预算支出的82%。\n`);
    expect(earlier.list).toEqual([{ kind: "ratio", numerator: "410亿元", denominator: "500亿元", ratio: "82%" }]);
    expect(earlier.codes).toEqual([]);
  });

  it("比上年增加X,增长Y%, with the level: the base is the level less the change", () => {
    // 4.13 ÷ (24.8 − 4.13) is 20%, not 25%.
    const codes = (rate: string) =>
      checkReport(
        extractReport(`${ANNUAL}全年税收收入完成24.8亿元,比上年增加4.13亿元,增长${rate}。\n`).report,
      ).findings.map((f) => f.code);
    expect(codes("25%")).toContain("comparison.percent_mismatch");
    expect(codes("20%")).not.toContain("comparison.percent_mismatch");
  });
});

describe("relation ids and references", () => {
  const body = `${REVIEW}备案文件总数50件,主动公开47件,依申请公开3件,主动公开率94%。竣工5台。\n${PLAN}力争营业收入在上年(40亿元)基础上增长10%,达到44亿元;力争年底竣工15台。\n`;

  it("are unique, refer to observations of the draft, and are the same in every run", () => {
    const a = relations(body);
    const b = relations(body);
    const ids = a.report.relations.map((r) => r.id);
    expect(ids.length).toBe(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(b.report.relations).toEqual(a.report.relations);
    const obs = new Set(a.report.observations.map((o) => o.id));
    for (const r of a.report.relations) {
      for (const id of referenced(r)) expect(obs.has(id), `${r.id} → ${id}`).toBe(true);
      expect(obs.has(r.id)).toBe(false);
    }
  });

  it("leaves out nothing the checks need: no unknown reference or unit mismatch", () => {
    const { codes } = relations(body);
    expect(codes.filter((c) => c.startsWith("report.") || c === "relation.unit_mismatch")).toEqual([]);
  });
});

function referenced(r: Report["relations"][number]): string[] {
  return relationRefs(r).map(([, id]) => id);
}
