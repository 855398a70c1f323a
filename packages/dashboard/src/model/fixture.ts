/**
 * A small report for unit tests, built the way the data package builds its own: quotes taken
 * from a source text and offsets computed from it (in code points, as the schema counts them).
 * Test-only: nothing in the app imports it.
 */
import { parseReport, type Report } from "@govreport/schema";

export const FIXTURE_TEXT = [
  "示例镇政府工作报告",
  "第一部分 上半年工作",
  // A character outside the BMP before the quotes: offsets in code points differ from UTF-16 indices.
  "𠀀1-5月,共计完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%;完成区级财政收入5.72亿元,比去年同期3.69亿元增长2.03亿元,增幅55.2%。",
  "一般公共预算收入5000万元,比去年同期0.4亿元增长1000万元。新增企业注册91家。",
  "拆除新增违建50处、1212平方米,存量违建56处、1.01万平方米。",
  "市民服务热线及时处置率100%、实际解决率96.27%、市民满意率89.75%。备案公文43件,主动公开42件,免于公开1件,主动公开率98%。",
  "既有多层住宅加装电梯竣工10台。",
  "第二部分 下半年工作",
  "力争年底竣工20台;确保各居住区垃圾分类达标率95%以上。",
  "把税收在2022年(30.20亿元)基础上增长的目标上调到15%。",
  "去年新增就业岗位3000个,今年力争新增就业岗位3500个。",
].join("\n");

function cp(text: string, quote: string): number {
  const i = text.indexOf(quote);
  if (i < 0) throw new Error(`fixture quote not in text: ${quote}`);
  return [...text.slice(0, i)].length;
}

type Q = { value: number; unit: string; decimals: number; printed: string; qualifier?: string };
const q = (value: number, unit: string, decimals: number, printed: string, qualifier?: string): Q => ({
  value,
  unit,
  decimals,
  printed,
  ...(qualifier ? { qualifier } : {}),
});

function obs(
  id: string,
  indicator: string,
  role: string,
  period: string,
  quantity: Q,
  quote: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    indicator,
    role,
    period,
    quantity,
    section: ["第一部分 上半年工作"],
    source: { quote, offset: cp(FIXTURE_TEXT, quote) },
    ...extra,
  };
}

const taxQuote = "共计完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%";
const hotline = "市民服务热线及时处置率100%、实际解决率96.27%、市民满意率89.75%";
const illegal = "拆除新增违建50处、1212平方米,存量违建56处、1.01万平方米";

export const FIXTURE_INPUT = {
  id: "fixture-2023-h1",
  title: { zh: "示例镇政府工作报告", en: "Example Town work report" },
  jurisdiction: { name: { zh: "示例镇", en: "Example Town" }, level: "town" },
  source: { sha256: "0".repeat(64) },
  period: "2023-H1",
  observations: [
    obs("tax", "tax_revenue", "actual", "2023-01/2023-05", q(20.17, "亿元", 2, "20.17亿元"), taxQuote, {
      subject: "完成税收",
      comparison: {
        baseline: { quantity: q(13.88, "亿元", 2, "13.88亿元"), period: "2022-01/2022-05" },
        direction: "increase",
        change: q(6.39, "亿元", 2, "6.39亿元"),
        percent: q(45.4, "%", 1, "45.4%"),
      },
    }),
    obs(
      "district",
      "district_fiscal_revenue",
      "actual",
      "2023-01/2023-05",
      q(5.72, "亿元", 2, "5.72亿元"),
      "完成区级财政收入5.72亿元,比去年同期3.69亿元增长2.03亿元,增幅55.2%",
      {
        comparison: {
          baseline: { quantity: q(3.69, "亿元", 2, "3.69亿元"), period: "2022-01/2022-05" },
          direction: "increase",
          change: q(2.03, "亿元", 2, "2.03亿元"),
          percent: q(55.2, "%", 1, "55.2%"),
        },
      },
    ),
    obs(
      "budget",
      "general_public_budget_revenue",
      "actual",
      "2023-H1",
      q(5000, "万元", 0, "5000万元"),
      "一般公共预算收入5000万元,比去年同期0.4亿元增长1000万元",
      {
        comparison: {
          baseline: { quantity: q(0.4, "亿元", 1, "0.4亿元"), period: "2022-H1" },
          direction: "increase",
          change: q(1000, "万元", 0, "1000万元"),
        },
      },
    ),
    obs("enterprises", "new_enterprises", "actual", "2023-H1", q(91, "家", 0, "91家"), "新增企业注册91家"),
    obs("illegal-new", "illegal_construction_removed_count", "actual", "2023-H1", q(50, "处", 0, "50处"), illegal, {
      subject: "新增违建",
    }),
    obs(
      "illegal-new-area",
      "illegal_construction_removed_area",
      "actual",
      "2023-H1",
      q(1212, "平方米", 0, "1212平方米"),
      illegal,
      {
        subject: "新增违建",
      },
    ),
    obs("illegal-old", "illegal_construction_removed_count", "actual", "2023-H1", q(56, "处", 0, "56处"), illegal, {
      subject: "存量违建",
    }),
    obs(
      "illegal-old-area",
      "illegal_construction_removed_area",
      "actual",
      "2023-H1",
      q(1.01, "万平方米", 2, "1.01万平方米"),
      illegal,
      {
        subject: "存量违建",
      },
    ),
    obs("hotline-timely", "hotline_timely_handling_rate", "actual", "2023-H1", q(100, "%", 0, "100%"), hotline),
    obs("hotline-resolved", "hotline_resolution_rate", "actual", "2023-H1", q(96.27, "%", 2, "96.27%"), hotline),
    obs("hotline-satisfied", "hotline_satisfaction_rate", "actual", "2023-H1", q(89.75, "%", 2, "89.75%"), hotline),
    obs("disclosure", "disclosure_rate", "actual", "2023-H1", q(98, "%", 0, "98%"), "主动公开率98%"),
    obs("filed", "documents_filed", "actual", "2023-H1", q(43, "件", 0, "43件"), "备案公文43件"),
    obs("disclosed", "documents_disclosed", "actual", "2023-H1", q(42, "件", 0, "42件"), "主动公开42件"),
    obs("exempt", "documents_exempt", "actual", "2023-H1", q(1, "件", 0, "1件"), "免于公开1件"),
    obs("tax-2022", "tax_revenue", "baseline", "2022", q(30.2, "亿元", 2, "30.20亿元"), "税收在2022年(30.20亿元)"),
    obs("tax-growth-target", "tax_revenue_growth", "target", "2023", q(15, "%", 0, "15%"), "基础上增长的目标上调到15%"),
    obs("jobs-2022", "new_jobs", "actual", "2022", q(3000, "个", 0, "3000个"), "去年新增就业岗位3000个"),
    obs("jobs-target", "new_jobs", "target", "2023", q(3500, "个", 0, "3500个"), "今年力争新增就业岗位3500个"),
    obs("tax-baseline", "tax_revenue", "baseline", "2022-01/2022-05", q(13.88, "亿元", 2, "13.88亿元"), taxQuote),
    obs(
      "elevators",
      "elevators_added_completed",
      "actual",
      "2023-H1",
      q(10, "台", 0, "10台"),
      "既有多层住宅加装电梯竣工10台",
    ),
    obs("elevators-target", "elevators_added_completed", "target", "2023", q(20, "台", 0, "20台"), "力争年底竣工20台", {
      section: ["第二部分 下半年工作"],
    }),
    obs(
      "sorting-target",
      "waste_sorting_compliance_rate",
      "target",
      "2023",
      q(95, "%", 0, "95%以上", "at_least"),
      "确保各居住区垃圾分类达标率95%以上",
      { section: ["第二部分 下半年工作"] },
    ),
  ],
  relations: [
    { kind: "progress", id: "elevators-progress", actual: "elevators", target: "elevators-target" },
    { kind: "sum", id: "documents", total: "filed", parts: ["disclosed", "exempt"] },
    { kind: "derived_target", id: "tax-target", base: "tax-2022", rate: "tax-growth-target" },
  ],
};

export function fixtureReport(): Report {
  const r = parseReport(structuredClone(FIXTURE_INPUT));
  if (!r.success) throw new Error(`fixture does not parse: ${JSON.stringify(r.issues)}`);
  return r.report;
}
