import { describe, expect, it } from "vitest";
import { describeShared, readShared, SHARED_TEXTS } from "../../../vitest.shared-texts.js";
import { makeVariant, placeInOriginal, VARIANT_NAMES, type Variant } from "../scripts/evaluation-variants.js";
import { type ExtractedQuantity, type ExtractResult, extractReport } from "../src/index.js";
import { zhangjiangText } from "./helpers.js";

/** What must not depend on the layout: each figure, where it is printed, and what it is read as. */
const figure = (q: ExtractedQuantity) => `${q.start}:${q.value}:${q.max ?? ""}:${q.unit}:${q.qualifier}:${q.kind}`;
const attribution = (q: ExtractedQuantity) => `${figure(q)}:${q.role}:${q.period}`;

/** A warning that the layout is doubtful (hard-wrapped, joined, clauses cut). */
const layoutWarned = (r: ExtractResult) => r.warnings.some((w) => w.code.startsWith("layout."));

/**
 * The done-when: the same report laid out another way has the same figures, roles and
 * periods as the clean text, or its draft says the layout is doubtful. Figures are held to more:
 * they must be the same whatever the warnings. One extraction per text and layout, in one process.
 */
function checkLayouts(name: string, text: string) {
  const clean = extractReport(text);
  const variants = VARIANT_NAMES.map((v) => {
    const variant: Variant = makeVariant(v, text);
    const r = extractReport(variant.text);
    return { v, r, placed: placeInOriginal(variant, r.quantities) };
  });
  for (const { v, r, placed } of variants) {
    it(`${name}, ${v}: the same figures, and the same roles and periods or a layout warning`, () => {
      expect(placed.map(figure)).toEqual(clean.quantities.map(figure));
      if (!layoutWarned(r)) expect(placed.map(attribution)).toEqual(clean.quantities.map(attribution));
    });
  }
}

/** A web page's chrome before a report, as a copy of the page brings it (made up). */
const CHROME =
  "首页 > 政务公开 > 政府工作报告\n政府工作报告\n发布时间：2024-03-05 09:30:12　来源：市人民政府办公室　字号：[大 中 小]　浏览次数：1234\n【打印本页】【关闭窗口】\n";

/** The text with CHROME put where the report starts (after its `# source:` line), and how far that moves it. */
function withChrome(text: string): { text: string; shift: number } {
  const at = text.startsWith("# source:") ? text.indexOf("\n") + 1 : 0;
  return { text: `${text.slice(0, at)}${CHROME}${text.slice(at)}`, shift: [...CHROME].length };
}

function checkChrome(name: string, text: string) {
  it(`${name}: web-page chrome before the report changes no figure, role or period, nor the report's identity`, () => {
    const clean = extractReport(text);
    const chromed = withChrome(text);
    const r = extractReport(chromed.text);
    const moved = r.quantities.map((q) => ({ ...q, start: q.start - chromed.shift }));
    expect(moved.map(attribution)).toEqual(clean.quantities.map(attribution));
    const identity = (x: ExtractResult) => [
      x.report.title.zh,
      x.report.jurisdiction,
      x.report.period,
      x.report.delivered,
      x.report.session,
    ];
    expect(identity(r)).toEqual(identity(clean));
    expect(r.report.title.zh).not.toMatch(/首页|>/);
  });
}

describe("layout variants of the Zhangjiang report", () => {
  const { name, text } = zhangjiangText();
  checkLayouts(name, text);
  checkChrome(name, text);
});

describeShared("layout variants of every shared text", SHARED_TEXTS, () => {
  for (const name of SHARED_TEXTS) checkLayouts(name, readShared(name));
  for (const name of SHARED_TEXTS) checkChrome(name, readShared(name));
});
