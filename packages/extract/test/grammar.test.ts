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
