import { checkReport } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { extractReport } from "../src/index.js";
import { ASSIGN_THRESHOLD, localName, suggestIndicators } from "../src/indicators.js";
import { levelOf } from "../src/meta.js";

describe("averages make a series of their own", () => {
  it("日均新增企业 is not new_enterprises, 新增企业 is", () => {
    expect(suggestIndicators("新增企业", "家")[0]?.id).toBe("new_enterprises");
    expect(suggestIndicators("日均新增企业", "家").map((s) => s.id)).not.toContain("new_enterprises");
    expect(suggestIndicators("户均新增企业", "家").map((s) => s.id)).not.toContain("new_enterprises");
  });
  it("平均每天 and 每天, 亩均 and 地均 are averages too", () => {
    for (const subject of ["平均每天新增企业", "每天新增企业", "每日新增企业"])
      expect(
        suggestIndicators(subject, "家").map((s) => s.id),
        subject,
      ).not.toContain("new_enterprises");
    for (const subject of ["亩均税收", "地均税收"])
      expect(
        suggestIndicators(subject, "万元").map((s) => s.id),
        subject,
      ).not.toContain("tax_revenue");
    expect(suggestIndicators("税收", "亿元")[0]?.id).toBe("tax_revenue");
  });
  it("a keyword that carries the average itself still names it", () => {
    expect(suggestIndicators("城镇居民人均可支配收入", "元")[0]?.id).toBe("urban_disposable_income");
  });
  it("in a draft, the two figures get different indicators", () => {
    const r = extractReport("某镇2023年工作报告\n一、2023年工作回顾\n全年新增企业910家，日均新增企业2.5家。\n");
    const [a, b] = r.report.observations;
    expect(a?.indicator).toBe("new_enterprises");
    expect(b?.indicator).not.toBe(a?.indicator);
  });
  it("a daily average and a tax per mu keep off the totals' indicators (the dashboard's headline cards read them)", () => {
    const r = extractReport(
      "某市2023年工作报告\n一、2023年工作回顾\n全年新增企业5000家，平均每天新增企业超过320家。确保亩均税收达到15万元以上，税收收入达到120亿元。\n",
    );
    const by = new Map(r.report.observations.map((o) => [o.quantity.printed ?? String(o.quantity.value), o.indicator]));
    expect(by.get("5000家")).toBe("new_enterprises");
    expect(by.get("超过320家")).not.toBe("new_enterprises");
    expect(by.get("120亿元")).toBe("tax_revenue");
    expect(by.get("15万元以上")).not.toBe("tax_revenue");
  });
});

describe("jurisdiction level", () => {
  it("北京, 天津, 上海 and 重庆 are provincial; other cities are prefectures", () => {
    for (const n of ["北京市", "天津市", "上海市", "重庆市", "上海"]) expect(levelOf(n), n).toBe("provincial");
    expect(levelOf("保定市")).toBe("prefecture");
    expect(levelOf("上海市浦东新区")).toBe("district");
  });
});

describe("stock vs flow in a review of several years", () => {
  it("a level reached is dated at the period's end, a flow over the period keeps the range", () => {
    const r = extractReport(
      "某区政府工作报告\n——2016年1月10日在某区第十届人民代表大会第一次会议上\n一、过去五年工作回顾\n五年来，地区生产总值达到287.9亿元，年均增长12.1%，累计实施重点项目320项，规模以上工业企业突破62户。\n",
    );
    const at = (printed: string) => r.quantities.find((q) => q.printed === printed)?.period;
    expect(at("287.9亿元")).toBe("2015");
    expect(at("62户")).toBe("2015");
    expect(at("12.1%")).toBe("2011/2015");
    expect(at("320项")).toBe("2011/2015");
  });
});

describe("indicators: what a figure measures", () => {
  const REVIEW = "某市2023年政府工作报告\n一、2023年工作回顾\n";
  const ind = (text: string, printed: string) =>
    extractReport(`${REVIEW}${text}\n`).quantities.find((q) => q.printed === printed)?.indicator;
  it("names a local series by what the subject names, without framing or work verbs", () => {
    expect(localName("新建口袋公园")).toBe(localName("口袋公园"));
    expect(localName("建设改造高标准农田")).toBe("高标准农田");
    expect(localName("力争研发经费投入超")).toBe("研发经费投入");
    expect(localName("地下水开采量压减")).toBe(localName("压减地下水开采量"));
    // New additions are another series than the total, and a growth rate another than the level.
    expect(localName("新增商业营业面积")).not.toBe(localName("商业营业面积"));
    expect(localName("地区生产总值增长", true)).toBe("地区生产总值增速");
    expect(localName("地区生产总值增长")).toBe("地区生产总值");
  });
  it("gives one series one local id in a report, and two series two", () => {
    const r = extractReport(`${REVIEW}新建口袋公园179个。建设100个口袋公园。建设运动场96个。\n`);
    const [a, b, c] = r.quantities;
    expect(a?.indicator).toBe(b?.indicator);
    expect(c?.indicator).not.toBe(a?.indicator);
  });
  it("does not make one series of the investments of different projects", () => {
    const r = extractReport(`${REVIEW}东山组团年内计划投资64.8亿元。物流园区全年计划投资3亿元。\n`);
    const [a, b] = r.quantities;
    expect(a?.indicator).not.toBe(b?.indicator);
  });
  it("names a rate printed with its level by the level; an observation's unit always fits its indicator", () => {
    expect(ind("地区生产总值增长7.5%，达到309亿元。", "7.5%")).toBe("gdp_growth");
    expect(ind("地区生产总值增长7.5%。", "7.5%")).toBe("gdp_growth");
    const r = extractReport(`${REVIEW}研发经费投入超105亿元、增速超10%。研发经费投入增长12%。\n`);
    const [level, rate, alone] = r.quantities;
    expect(rate?.indicator).toMatch(/^local\.percent-/);
    expect(alone?.indicator).toBe(rate?.indicator);
    expect(level?.indicator).not.toBe(rate?.indicator);
    // 是2010年的2.6倍 is a multiple: not an observation of the level's currency indicator.
    expect(ind("旅游收入达到69亿元，是2010年的2.6倍。", "2.6倍")).not.toBe("tourism_revenue");
    const findings = checkReport(r.report).findings.filter((f) => f.code === "unit.dimension_mismatch");
    expect(findings).toEqual([]);
  });
  it("does not take a part, a total or a new addition for the catalogue's whole", () => {
    expect(suggestIndicators("工业固定资产投资", "亿元")[0]?.id).not.toBe("fixed_asset_investment");
    expect(suggestIndicators("全社会固定资产投资", "亿元")[0]?.id).toBe("fixed_asset_investment");
    expect(suggestIndicators("地方财政总收入", "亿元")[0]?.id).not.toBe("general_public_budget_revenue");
    expect(suggestIndicators("新增参保人数", "人").map((s) => s.id)).not.toContain("pension_coverage");
  });
  it("takes a keyword that is a small modifier of the subject for no indicator", () => {
    const top = suggestIndicators("县级以上饮用水源水质达标率", "%")[0];
    expect(top === undefined || top.confidence < ASSIGN_THRESHOLD).toBe(true);
    const school = suggestIndicators("学校运动场", "所")[0];
    expect(school === undefined || school.confidence < ASSIGN_THRESHOLD).toBe(true);
  });
  it("counts new jobs in people as well as in jobs", () => {
    expect(suggestIndicators("城镇新增就业", "万人")[0]?.id).toBe("new_jobs");
    expect(suggestIndicators("新增就业岗位", "个")[0]?.id).toBe("new_jobs");
  });
});
