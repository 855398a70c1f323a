import { describe, expect, it } from "vitest";
import { describeShared } from "../../../vitest.shared-texts.js";
import { SKIP_CODES, type SkipCode, WARNING_CODES, type WarningCode } from "../src/codes.js";
import { extractReport } from "../src/extract.js";
import { MAX_FIGURES } from "../src/read-limit.js";
import { sharedText, zhangjiangText } from "./helpers.js";

const HEAD = "# source: test\n2023年张江镇政府工作报告\n";
const REVIEW = "第一部分 上半年工作回顾\n";
/** An opening that names the jurisdiction (as Zhangjiang's does). */
const SESSION =
  "张江镇第五届人民代表大会第四次会议政府工作报告\n——2023年7月13日在张江镇第五届人民代表大会第四次会议上\n";

/** One short text per code that should raise it (and the figure it skips, for skip codes). */
const SKIP_EXAMPLES: Record<SkipCode, [body: string, printed: string]> = {
  "figure.skipped.comment-line": ["完成税收5亿元。\n", "5亿元"],
  "figure.skipped.out-of-range": [`完成投资1${"0".repeat(400)}亿元。\n`, `1${"0".repeat(400)}亿元`],
  "figure.skipped.footnote-marker": ["完成〔12亿元〕。\n", "12亿元"],
  "figure.skipped.in-name": ["开展“5个一批”创建。\n", "5个"],
  "figure.skipped.rate-standard": ["按照每2.5万人设置1个网点的标准建设。\n", "1个"],
  "figure.skipped.threshold": ["其中注册资金500万元以上36家。\n", "500万元以上"],
  "figure.skipped.age-threshold": ["为60岁独居老人安装烟感。\n", "60岁"],
  "figure.skipped.service-duration": ["全市首个24小时加油站投用。\n", "24小时"],
  "figure.skipped.specification": ["安装4.5米×3米展板。\n", "4.5米"],
};

describe("skip codes", () => {
  for (const [code, [body, printed]] of Object.entries(SKIP_EXAMPLES) as [SkipCode, [string, string]][]) {
    it(`${code}: ${body.trim().slice(0, 30)}`, () => {
      // The comment-line example puts its figure in the `# source:` line itself.
      const text = code === "figure.skipped.comment-line" ? `# source: ${body}${REVIEW}` : `${HEAD}${REVIEW}${body}`;
      const r = extractReport(text);
      expect(r.skipped.filter((s) => s.printed === printed).map((s) => s.code)).toContain(code);
      expect(r.quantities.map((q) => q.printed)).not.toContain(printed);
    });
  }
  it("every skipped figure carries a listed code and a reason in words", () => {
    const { text } = zhangjiangText();
    const r = extractReport(text);
    expect(r.skipped.length).toBeGreaterThan(0);
    for (const s of r.skipped) {
      expect(Object.keys(SKIP_CODES)).toContain(s.code);
      expect(s.reason.length).toBeGreaterThan(0);
    }
    // Zhangjiang's 24小时红色加油站 and 60岁以上独居老人 (docs/extract.md's examples).
    const codeAt = (words: string) => {
      const at = [...r.text].join("").indexOf(words);
      const cp = [...r.text.slice(0, at)].length;
      return r.skipped.find((s) => s.start === cp)?.code;
    };
    expect(codeAt("24小时红色加油站")).toBe("figure.skipped.service-duration");
    expect(codeAt("60岁以上独居老人")).toBe("figure.skipped.threshold");
  });
});

describe("warning codes", () => {
  const codes = (text: string) => extractReport(text).warnings.map((w) => w.code);
  const EXAMPLES: Record<WarningCode, () => string> = {
    "text.normalised": () => `\uFEFF${HEAD}${REVIEW}完成税收5亿元。\r\n`,
    "text.read-in-part": () => `${HEAD}${REVIEW}${"完成税收5亿元，增长5%。\n".repeat(MAX_FIGURES / 2 + 1)}`,
    "layout.hard-wrap": () => {
      const para =
        "全镇完成规上工业总产值85.00亿元，同比增长12.5%，新增市场主体2506家，其中注册资金500万元以上36家。".repeat(4);
      const lines = para.match(/.{1,20}/gsu) ?? [];
      return `${HEAD}${REVIEW}${[lines.join("\n"), lines.join("\n"), lines.join("\n")].join("\n")}\n`;
    },
    "layout.joined-lines": () => `${HEAD}${REVIEW}${"完成税收5亿元，增长5%。".repeat(300)}\n`,
    "layout.long-clause": () => `${HEAD}${REVIEW}完成税收5亿元${"和".repeat(400)}。\n`,
    "meta.year-from-source-line": () => `# source: 保定市_2024_report.txt\n${REVIEW}完成税收5亿元。\n`,
    "meta.year-missing": () => `# source: test\n${REVIEW}完成税收5亿元。\n`,
    "meta.jurisdiction-missing": () => `# source: test\n2023年政府工作报告\n${REVIEW}完成税收5亿元。\n`,
    "meta.jurisdiction-english": () => `${SESSION}${REVIEW}完成税收5亿元。\n`,
    "meta.jurisdiction-from-source-line": () =>
      `# source: 保定市_2024_report.txt\n2024年政府工作报告\n${REVIEW}保定完成税收5亿元，保定增长5%，保定新增3家。\n`,
  };
  for (const [code, text] of Object.entries(EXAMPLES) as [WarningCode, () => string][])
    it(`${code} is raised`, () => expect(codes(text())).toContain(code));
  it("every code has an example here, and a text with nothing to warn of raises none", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(WARNING_CODES).sort());
    expect(Object.keys(SKIP_EXAMPLES).sort()).toEqual(Object.keys(SKIP_CODES).sort());
    expect(codes(`${SESSION}${REVIEW}完成税收5亿元。\n`)).toEqual(["meta.jurisdiction-english"]);
    expect(
      extractReport(`${SESSION}${REVIEW}完成税收5亿元。\n`, {
        jurisdiction: { name: { zh: "张江镇", en: "Zhangjiang" }, level: "town" },
      }).warnings,
    ).toEqual([]);
  });
});

describeShared("codes on the shared reports", ["hailaer_2013_annual.txt", "baoding_2024_annual.txt"], () => {
  it("Hailaer 2013: in 2×35万千瓦 the unit capacity is the figure; the jurisdiction is read, its English name not", () => {
    const r = extractReport(sharedText("hailaer_2013_annual.txt").text);
    expect(r.skipped.filter((s) => s.printed === "35万千瓦")).toEqual([]);
    expect(r.quantities.filter((q) => q.printed === "35万千瓦").length).toBeGreaterThan(0);
    expect(r.warnings.map((w) => w.code)).toEqual(["meta.jurisdiction-english"]);
  });
  it("Baoding 2024: no jurisdiction in the opening lines, so the one from the # source: line is said with its code", () => {
    const r = extractReport(sharedText("baoding_2024_annual.txt").text);
    expect(r.warnings.map((w) => w.code)).toContain("meta.jurisdiction-from-source-line");
    expect(r.warnings.map((w) => w.code)).not.toContain("meta.jurisdiction-missing");
    expect(r.report.jurisdiction.name.zh).toBe("保定市");
  });
});
