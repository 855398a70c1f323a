import { checkReport, formatQuantity, parseReport, type Relation, type Report } from "@govreport/schema";
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
  const figures = (r: Relation) =>
    r.kind === "sum"
      ? { total: printed(r.total), parts: r.parts.map(printed) }
      : r.kind === "ratio"
        ? { ratio: printed(r.ratio), numerator: printed(r.numerator), denominator: printed(r.denominator) }
        : r.kind === "derived_target"
          ? { base: printed(r.base), rate: printed(r.rate), target: printed(r.target) }
          : { actual: printed(r.actual), target: printed(r.target) };
  const findings = checkReport(parsed.report, { sourceText: text }).findings.filter((f) => f.relation);
  return {
    report: parsed.report,
    list: report.relations.map((r) => ({ kind: r.kind, ...figures(r) })),
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

  it("does not read a subset after 其中 as a breakdown", () => {
    // Parts far from the total, with labels that are not parallel categories.
    expect(relations(`${REVIEW}新增就业1200人,其中高校毕业生300人、退役军人45人。\n`).list).toEqual([]);
    // Parallel labels, but the parts are a small share of the total.
    expect(relations(`${REVIEW}服务企业500家,其中科技企业120家、商贸企业80家。\n`).list).toEqual([]);
    // Parallel labels falling short of the total by more than half the band: other sources may make up the rest.
    expect(relations(`${REVIEW}投入资金1200万元,其中区级资金800万元、镇级资金300万元。\n`).list).toEqual([]);
    // Another unit, and rates.
    expect(relations(`${REVIEW}累计完成投资18.5亿元,其中投资1000万元以上项目12个。\n`).list).toEqual([]);
    expect(relations(`${REVIEW}受理工单2.3万件,其中,及时处置率99%、解决率95.5%。\n`).list).toEqual([]);
    // A list left open with 等.
    expect(relations(`${REVIEW}建成站点30个,其中东区站点12个、西区站点15个等。\n`).list).toEqual([]);
    // 含 in parentheses with labels that are not parallel.
    expect(relations(`${REVIEW}建成项目40个(含民生项目10个、产业项目6处)。\n`).list).toEqual([]);
  });

  it("takes a 其中 breakdown with unparallel labels only when it adds up exactly", () => {
    expect(relations(`${REVIEW}引进项目20个,其中外资5个、内资项目15个。\n`).list).toEqual([
      { kind: "sum", total: "20个", parts: ["5个", "15个"] },
    ]);
    expect(relations(`${REVIEW}引进项目23个,其中外资5个、内资项目15个。\n`).list).toEqual([]);
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
  switch (r.kind) {
    case "sum":
      return [r.total, ...r.parts];
    case "ratio":
      return [r.numerator, r.denominator, r.ratio];
    case "derived_target":
      return [r.base, r.rate, ...(r.target ? [r.target] : [])];
    case "progress":
      return [r.actual, r.target];
  }
}
