import { checkReport, codePointToIndex, parseReport } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { describeShared, readShared } from "../../../vitest.shared-texts.js";
import { crlfFullWidth, hardWrap } from "../scripts/evaluation-variants.js";
import { extractReport } from "../src/index.js";
import { unwrap, wrapWidth } from "../src/layout.js";

const HEAD = "张江镇2023年上半年工作情况\n一、上半年工作回顾\n";

describe("layout repair: hard-wrapped lines", () => {
  // Made-up paragraph, wrapped every 20 characters so that 8500亿元 and 12.5% fall across line ends.
  const para =
    "全年地区生产总值完成8500亿元，同比增长12.5%，一般公共预算收入完成320亿元，同比增长6.1%，城镇新增就业4.5万人，居民人均可支配收入增长7%。";
  const wrap = (t: string, w: number) => t.match(new RegExp(`.{1,${w}}`, "g"))?.join("\n") ?? t;
  const wrapped = `${HEAD}${[para, para, para].map((x) => wrap(x, 20)).join("\n")}\n`;

  it("finds the wrap width and joins the cut lines, keeping the map back to the original", () => {
    expect(wrapWidth(wrapped.split("\n"))).toBe(20);
    const u = unwrap(wrapped);
    expect(u.text).toBe(`${HEAD}${[para, para, para].join("\n")}\n`);
    for (let i = 0; i < u.text.length; i++) expect(wrapped[u.origin?.[i] as number]).toBe(u.text[i]);
  });

  it("reads every figure whole, quotes the original verbatim, warns, and the draft validates", () => {
    const clean = extractReport(`${HEAD}${para}\n`).quantities.map((q) => [q.value, q.unit, q.role, q.period]);
    const r = extractReport(wrapped);
    expect(r.quantities.map((q) => [q.value, q.unit, q.role, q.period])).toEqual([...clean, ...clean, ...clean]);
    expect(r.quantities.map((q) => q.value)).toContain(8500);
    expect(r.warnings).toContainEqual({
      code: "layout.hard-wrap",
      message: expect.stringMatching(/hard-wrapped at 20/),
    });
    for (const q of r.quantities) {
      const i = codePointToIndex(wrapped, q.offset);
      expect(wrapped.slice(i, i + q.quote.length)).toBe(q.quote);
    }
    const findings = checkReport(r.report, { sourceText: wrapped }).findings.filter((f) =>
      f.code.startsWith("provenance."),
    );
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("leaves prose with lines of many lengths as it is", () => {
    const prose = `${HEAD}${para}\n新增企业91家。\n完成税收20.17亿元，增长10%。\n`;
    expect(unwrap(prose)).toEqual({ text: prose, joined: 0 });
  });
});

/** Figures, roles and periods of a draft, by value and unit (layouts move offsets, not figures). */
const figures = (text: string) =>
  extractReport(text)
    .quantities.map((q) => `${q.value}${q.unit}|${q.role}|${q.period}`)
    .sort();

const LAYOUT_TEXTS = ["hailaer_2013_annual.txt", "hailaer_2016_annual.txt", "baoding_2023_annual.txt"];
describeShared("the same figures, roles and periods whatever the layout", LAYOUT_TEXTS, () => {
  for (const name of LAYOUT_TEXTS) {
    it(`${name}: hard-wrapped at 38, and CRLF with full-width digits`, () => {
      const text = readShared(name);
      const clean = figures(text);
      expect(clean.length).toBeGreaterThan(50);
      for (const v of [hardWrap(text), crlfFullWidth(text)]) {
        const r = extractReport(v.text);
        const got = r.quantities.map((q) => `${q.value}${q.unit}|${q.role}|${q.period}`).sort();
        expect(got, v.name).toEqual(clean);
        expect(parseReport(r.report).success).toBe(true);
      }
    });
  }
});

describe("layout repair: joined paragraphs", () => {
  it("finds the review and plan chapters inside one long line, and warns", () => {
    const review = "全年新增企业91家，完成税收20.17亿元。".repeat(80);
    const plan = "力争新增企业100家，确保税收增长10%。".repeat(80);
    const lines = `张江镇2023年政府工作报告\n各位代表：现在，我代表镇人民政府作工作报告。\n一、2022年工作回顾\n${review}\n二、2023年工作安排\n${plan}\n`;
    const joined = lines.replace(/\n/g, "");
    const a = extractReport(lines);
    const b = extractReport(joined);
    expect(b.sections.filter((x) => x.level === 1).map((x) => x.mode)).toEqual(["review", "plan"]);
    expect(b.quantities.map((q) => [q.value, q.role, q.period])).toEqual(
      a.quantities.map((q) => [q.value, q.role, q.period]),
    );
    expect(b.warnings).toContainEqual({
      code: "layout.joined-lines",
      message: expect.stringMatching(/paragraphs look joined/),
    });
    expect(a.warnings.map((w) => w.code)).not.toContain("layout.joined-lines");
  });
});
