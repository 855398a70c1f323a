import { describe, expect, it } from "vitest";
import { type ExtractedQuantity, extractReport } from "../src/index.js";

const HEAD = "某镇人民政府工作报告\n——2023年7月13日在某镇第五届人民代表大会第四次会议上\n";
const REVIEW = "第一部分 上半年主要工作情况\n";
const PLAN = "第二部分 下半年主要工作安排\n";

function figures(body: string, head = HEAD): ExtractedQuantity[] {
  return extractReport(head + body).quantities;
}
const printed = (qs: readonly ExtractedQuantity[]) => qs.map((q) => q.printed);
const one = (qs: readonly ExtractedQuantity[], p: string) => {
  const found = qs.filter((q) => q.printed === p);
  if (found.length !== 1) throw new Error(`${p}: found ${found.length} times in ${printed(qs).join(" ")}`);
  return found[0] as ExtractedQuantity;
};

describe("comparisons", () => {
  const qs = figures(`${REVIEW}经济向好:1-5月,共计完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%。\n`);

  it("attaches baseline, change and percent to the figure they qualify", () => {
    expect(qs.map((q) => [q.printed, q.kind])).toEqual([
      ["20.17亿元", "observation"],
      ["13.88亿元", "baseline"],
      ["6.39亿元", "change"],
      ["45.4%", "percent"],
    ]);
    const [obs, base] = qs;
    expect(base?.observation).not.toBe(obs?.observation);
    expect(qs.slice(2).every((q) => q.observation === obs?.observation)).toBe(true);
  });

  it("reads periods: 1-5月 for the figure, the same months a year earlier for 去年同期", () => {
    expect(one(qs, "20.17亿元")).toMatchObject({ period: "2023-01/2023-05", role: "actual", subject: "税收" });
    expect(one(qs, "13.88亿元")).toMatchObject({ period: "2022-01/2022-05", role: "baseline", subject: "税收" });
  });

  it("quotes the clause and the comparison after it, verbatim", () => {
    expect(one(qs, "20.17亿元").quote).toBe("共计完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%");
  });

  it("puts the comparison into the observation and the baseline into its own", () => {
    const r = extractReport(`${HEAD}${REVIEW}完成区级财政收入5.72亿元,比去年同期3.69亿元增长2.03亿元,增幅55.2%。\n`);
    const [o, b] = r.report.observations;
    expect(o?.comparison).toMatchObject({
      direction: "increase",
      baseline: { quantity: { value: 3.69, unit: "亿元" }, period: "2022-H1" },
      change: { value: 2.03 },
      percent: { value: 55.2 },
    });
    expect(b).toMatchObject({ role: "baseline", period: "2022-H1", quantity: { value: 3.69 } });
  });

  it("reads 同比增长, 较去年提高, 下降 and 个百分点", () => {
    const q = figures(
      `${REVIEW}地区生产总值完成235.2亿元,同比增长18.5%。利用率51.1%,较去年提高3%。事故起数12起,比去年下降20%。城镇化率56%,提高9个百分点。\n`,
    );
    expect(one(q, "18.5%").kind).toBe("percent");
    expect(one(q, "3%").kind).toBe("percent");
    expect(one(q, "20%").kind).toBe("percent");
    expect(one(q, "9个百分点").kind).toBe("points");
    const r = extractReport(`${HEAD}${REVIEW}事故起数12起,比去年下降20%。\n`);
    expect(r.report.observations[0]?.comparison?.direction).toBe("decrease");
  });

  it("leaves a multiple (增长1.5倍) and a figure of another dimension as observations of their own", () => {
    const q = figures(`${REVIEW}一般公共预算收入达到280.7亿元,比“十二五”末增长了1.5倍。投资50亿元,增长30个。\n`);
    expect(one(q, "1.5倍").kind).toBe("observation");
    expect(one(q, "30个").kind).toBe("observation");
  });
});

describe("non-facts", () => {
  it("skips dates, ordinals, identifiers, footnotes, slogans, thresholds and rate standards", () => {
    const q = figures(
      `${REVIEW}2023年7月,第10届文化节举办;13号线、S20、B3-5~12地块、12345热线、纳仕12-01地块;实现“三个圆满收官”[1];开展“5个一批”创建;其中注册资金500万元以上36家;60岁以上独居老人烟感安装;按照每2.5万人设置1个网点的标准;全市首个24小时加油站;建设“15分钟社区生活圈”。\n`,
    );
    expect(printed(q)).toEqual(["36家"]);
    const r = extractReport(`${HEAD}${REVIEW}开展“5个一批”创建。\n`);
    expect(r.skipped.map((s) => s.reason)).toEqual([expect.stringContaining("name")]);
    expect(r.skipped.map((s) => s.code)).toEqual(["figure.skipped.in-name"]);
  });

  it("keeps a figure that is alone in quotation marks, and facts with 以上 at the end of the phrase", () => {
    const q = figures(`${PLAN}确保达标率95%以上,举办“10场”活动。\n`);
    expect(printed(q)).toEqual(["95%以上", "10场"]);
  });
});

describe("roles and periods in a plan", () => {
  const q = figures(
    `${REVIEW}上半年新增企业91家。\n${PLAN}力争年底竣工20台;年内完成减量化立项6.36公顷;完成2.32万户居民家庭检查;完成年度光伏建设任务1兆瓦;确保各居住区达标率95%以上;把税收在2022年(30.20亿元)基础上增长不低于10%。\n`,
  );
  it("actual in the review, target for 力争/确保/任务/不低于, plan for 完成", () => {
    expect(one(q, "91家")).toMatchObject({ role: "actual", period: "2023-H1" });
    expect(one(q, "20台")).toMatchObject({ role: "target", period: "2023" });
    expect(one(q, "6.36公顷")).toMatchObject({ role: "plan", period: "2023" });
    expect(one(q, "2.32万户")).toMatchObject({ role: "plan", period: "2023-H2" });
    expect(one(q, "1兆瓦")).toMatchObject({ role: "target", period: "2023" });
    expect(one(q, "95%以上")).toMatchObject({ role: "target" });
    expect(one(q, "不低于10%")).toMatchObject({ role: "target" });
  });
  it("a result to achieve (实现 + what is measured) is a target; 确保 does not reach a clause with its own work verb", () => {
    const p = figures(
      `${PLAN}年内实现营业收入3.5亿元;全年实现新增就业800人;确保社区中心投入使用,建成口袋公园6个;确保新增绿地2公顷,屋顶绿化1公顷。\n`,
    );
    expect(one(p, "3.5亿元")).toMatchObject({ role: "target" });
    expect(one(p, "800人")).toMatchObject({ role: "target" });
    expect(one(p, "6个")).toMatchObject({ role: "plan" });
    expect(one(p, "2公顷")).toMatchObject({ role: "target" });
    expect(one(p, "1公顷")).toMatchObject({ role: "target" });
  });
  it("a figure stated as the base of a target (在2022年(X)基础上) is a baseline of that year", () => {
    expect(one(q, "30.20亿元")).toMatchObject({ role: "baseline", period: "2022", subject: "税收" });
  });
});

describe("five-year reviews", () => {
  const head = "政府工作报告\n——2021年1月31日在某市第十五届人民代表大会第六次会议上\n";
  const q = figures(
    "一、“十三五”时期经济社会发展回顾\n五年来,生产总值年均增长6.3%。2020年空气质量优良天数242天,比2015年增加115天。\n二、“十四五”时期的主要目标任务\n生产总值年均增长6%左右。\n三、2021年重点工作\n新增就业8.9万人。\n",
    head,
  );
  it("reads 十三五 as 2016/2020, 十四五 as 2021/2025 and an explicit year as itself", () => {
    expect(one(q, "6.3%")).toMatchObject({ period: "2016/2020", role: "actual" });
    expect(one(q, "242天")).toMatchObject({ period: "2020", role: "actual" });
    expect(one(q, "115天")).toMatchObject({ kind: "change", period: "2020" });
    expect(one(q, "6%左右")).toMatchObject({ period: "2021/2025", role: "target" });
    expect(one(q, "8.9万人")).toMatchObject({ period: "2021", role: "plan" });
  });
  it("reads the delivery year and takes the year before as the reviewed one", () => {
    const r = extractReport(`${head}一、过去一年工作回顾\n完成投资5亿元。\n二、2021年工作安排\n`);
    expect(r.report.period).toBe("2020");
    expect(r.report.delivered).toBe("2021-01-31");
    expect(r.quantities[0]).toMatchObject({ period: "2020" });
  });
});

describe("subjects", () => {
  const q = figures(
    `${REVIEW}拆除新增违建50处、1212平方米;推进36条、23.88公里生态清洁小流域治理;殷家浜等4条河道获评;完成2.32万户居民家庭和1500户小型经营场所检查;新增签约17台,竣工10台。\n`,
  );
  it("reads back to the clause boundary, shares a list's subject and reads forward where the words are after", () => {
    expect(one(q, "50处").subject).toBe("拆除新增违建");
    expect(one(q, "1212平方米").subject).toBe("拆除新增违建");
    expect(one(q, "36条").subject).toBe("生态清洁小流域治理");
    expect(one(q, "23.88公里").subject).toBe("生态清洁小流域治理");
    expect(one(q, "4条").subject).toBe("河道");
    expect(one(q, "1500户").subject).toBe("小型经营场所检查");
    expect(one(q, "17台").subject).toBe("新增签约");
    expect(one(q, "10台").subject).toBe("竣工");
  });
});

describe("indicators", () => {
  const r = extractReport(`${HEAD}${REVIEW}新增企业注册91家,新增就业岗位3844个,完成税收20亿元,种植果树500株。\n`);
  it("suggests a catalogue indicator whose keyword names the subject and whose unit fits", () => {
    const q = r.quantities;
    expect(one(q, "91家")).toMatchObject({ indicator: "new_enterprises" });
    expect(one(q, "3844个").indicator).toBe("new_jobs");
    expect(one(q, "20亿元").indicator).toBe("tax_revenue");
    expect(one(q, "91家").suggestions[0]?.confidence).toBeGreaterThan(0.6);
  });
  it("declares a report-local indicator otherwise, with a valid, stable id", () => {
    const local = one(r.quantities, "500株").indicator;
    expect(local).toMatch(/^local\.count-[a-z0-9]+$/);
    expect(r.report.indicators.map((i) => i.id)).toContain(local);
    expect(extractReport(`其他文字。种植果树500株。`).quantities[0]?.indicator).toBe(local);
  });
  it("never suggests an indicator of another dimension", () => {
    const q = extractReport(`${HEAD}${REVIEW}税收增长12家。\n`).quantities;
    expect(q[0]?.suggestions.every((s) => s.id !== "tax_revenue")).toBe(true);
  });
});

describe("text as it comes", () => {
  const body = `${REVIEW}完成税收２０.１７亿元,增长１０％。\n`;
  // The contract changed (schema source-text.ts): offsets and the hash are over the normalised text
  // (no BOM, LF), so a CRLF or BOM copy gives the same draft as the clean text.
  it("reads CRLF line endings and a BOM with offsets, chars and sha256 of the normalised text", () => {
    const clean = HEAD + body;
    const crlf = `\uFEFF${clean.replace(/\n/g, "\r\n")}`;
    const a = extractReport(clean);
    const b = extractReport(crlf);
    expect(b.text).toBe(clean);
    expect(b.quantities.map((q) => [q.printed, q.offset, q.start])).toEqual(
      a.quantities.map((q) => [q.printed, q.offset, q.start]),
    );
    expect(b.report.source).toEqual(a.report.source);
    for (const q of b.quantities)
      expect([...clean].slice(q.offset, q.offset + [...q.quote].length).join("")).toBe(q.quote);
    expect(b.warnings).toContainEqual({ code: "text.normalised", message: expect.stringMatching(/normalised/) });
    expect(a.warnings.map((w) => w.code)).not.toContain("text.normalised");
  });
  it("keeps full-width digits as printed and reads their values", () => {
    const q = figures(body);
    expect(q[0]).toMatchObject({ printed: "２０.１７亿元", value: 20.17 });
    expect(q[1]).toMatchObject({ printed: "１０％", value: 10, unit: "%" });
  });
  it("skips a leading # source: comment line", () => {
    const r = extractReport(`# source: http://example.org/2023年100项\n${HEAD}${REVIEW}新增企业91家。\n`);
    expect(printed(r.quantities)).toEqual(["91家"]);
  });
  it("counts offsets in code points past characters outside the BMP and U+FFFD", () => {
    const text = `${HEAD}${REVIEW}𠀀\uFFFD新增企业91家。\n`;
    const q = extractReport(text).quantities[0] as ExtractedQuantity;
    expect([...text].slice(q.start, q.end).join("")).toBe("91家");
  });
});

describe("the place and the year, from texts that print them unusually", () => {
  it("reads the short form of the congress: 某某在保山市十六届人大七次会议上", () => {
    const r = extractReport("李四在安阳市十六届人大七次会议上的政府工作报告(摘登)\n2026年主要工作\n新增就业3万人。\n");
    expect(r.report.jurisdiction.name.zh).toBe("安阳市");
    expect(r.report.jurisdiction.level).toBe("prefecture");
  });
  it("never takes a suffix alone for a place (在市十六届人大)", () => {
    const r = extractReport("李四在市十六届人大七次会议上作政府工作报告。\n新增就业3万人。\n");
    expect(r.report.jurisdiction.name.zh).toBe("未知");
  });
  it("takes the place from the # source: line when the opening lines name none and the text prints it three times", () => {
    const body = "——奋力推动高质量发展\n建设数字安阳、平安安阳、健康安阳。新增就业3万人。\n";
    const r = extractReport(`# source: reports/安阳市_2024_report.txt\n${body}`);
    expect(r.report.jurisdiction.name.zh).toBe("安阳市");
    expect(r.warnings.some((w) => w.message.includes("安阳市") && w.message.includes("# source:"))).toBe(true);
    // Printed once only: the file name alone is no proof.
    const once = extractReport("# source: reports/安阳市_2024_report.txt\n——奋力推动高质量发展\n建设数字安阳。\n");
    expect(once.report.jurisdiction.name.zh).toBe("未知");
  });
  it("does not take a year printed in a document's title (《…规划(2023—2035年)》) for the report's year", () => {
    const r = extractReport(
      // No year in the first lines (as in a digest): the year is the one the text prints most.
      `政府工作报告(摘登)\n“十四五”时期回顾\n${"五年来,产业持续壮大,城市面貌焕然一新。".repeat(20)}\n“十五五”时期主要目标任务\n经济实力明显增强。\n2026年主要工作\n落实《都市圈空间协同规划(2023―2035年)》。力争全年固定资产投资完成1170亿元。\n`,
    );
    const q = r.quantities.find((x) => x.printed === "1170亿元");
    expect(q?.period).toBe("2026");
  });
});
