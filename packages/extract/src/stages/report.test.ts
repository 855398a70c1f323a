import { describe, expect, it } from "vitest";
import type { ExtractWarning } from "../codes.js";
import { buildReport } from "./report.js";

const ctx = { year: 2024, reviewYear: 2023, planYear: 2024, reviewPeriod: "2023" };

describe("stage report", () => {
  it("builds the draft around the observations from the text's meta, warning about each guess", () => {
    const warnings: ExtractWarning[] = [];
    const r = buildReport(
      "产值5亿元。",
      6,
      {},
      { jurisdiction: "保定市", delivered: "2024-01-10" },
      ctx,
      [],
      [],
      warnings,
    );
    expect(r.jurisdiction).toMatchObject({ name: { zh: "保定市" }, level: "prefecture" });
    expect(r.title.zh).toBe("保定市政府工作报告");
    expect(r.period).toBe("2023");
    expect(r.delivered).toBe("2024-01-10");
    expect(r.id).toMatch(/^draft-[0-9a-f]{12}$/);
    expect(r.source.chars).toBe(6);
    expect(warnings.map((w) => w.code)).toEqual(["meta.jurisdiction-english"]);
  });

  it("takes the caller's id, title and jurisdiction over the text's, and says nothing", () => {
    const warnings: ExtractWarning[] = [];
    const r = buildReport(
      "x",
      1,
      { id: "t-1", title: "T", jurisdiction: { name: { zh: "张江镇", en: "Zhangjiang" }, level: "township" } },
      {},
      ctx,
      [],
      [],
      warnings,
    );
    expect([r.id, r.title.zh, r.jurisdiction.name.en]).toEqual(["t-1", "T", "Zhangjiang"]);
    expect(warnings).toEqual([]);
  });
});
