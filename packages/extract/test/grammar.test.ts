import { describe, expect, it } from "vitest";
import { extractReport } from "../src/index.js";
import { suggestIndicators } from "../src/indicators.js";
import { levelOf } from "../src/meta.js";

describe("averages make a series of their own", () => {
  it("日均新增企业 is not new_enterprises, 新增企业 is", () => {
    expect(suggestIndicators("新增企业", "家")[0]?.id).toBe("new_enterprises");
    expect(suggestIndicators("日均新增企业", "家").map((s) => s.id)).not.toContain("new_enterprises");
    expect(suggestIndicators("户均新增企业", "家").map((s) => s.id)).not.toContain("new_enterprises");
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
});

describe("jurisdiction level", () => {
  it("北京, 天津, 上海 and 重庆 are provincial; other cities are prefectures", () => {
    for (const n of ["北京市", "天津市", "上海市", "重庆市", "上海"]) expect(levelOf(n), n).toBe("provincial");
    expect(levelOf("保定市")).toBe("prefecture");
    expect(levelOf("上海市浦东新区")).toBe("district");
  });
});
