import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZHANGJIANG } from "../scripts/paths.js";
import { extractReport } from "../src/index.js";

const text = readFileSync(ZHANGJIANG.source, "utf8");
const ids = (t: string) => extractReport(t).report.observations.map((o) => [o.id, o.source.quote] as const);

describe("observation ids come from content, not position", () => {
  it("are unique, valid and say indicator, period and role", () => {
    const r = extractReport(text).report;
    expect(new Set(r.observations.map((o) => o.id)).size).toBe(r.observations.length);
    for (const o of r.observations) {
      expect(o.id.startsWith(`${o.indicator}.`)).toBe(true);
      expect(o.id).toMatch(new RegExp(`\\.${o.role}\\.[0-9a-f]{8}(?:-\\d+)?$`));
    }
  });

  it("editing one paragraph leaves every other observation's id as it was", () => {
    const before = ids(text);
    // A new paragraph with figures early in the report, and one figure of another paragraph changed.
    const lines = text.split("\n");
    const k = lines.findIndex((l) => /\d/.test(l) && l.length > 60);
    const edited = [...lines.slice(0, k), "新增示范项目12个，完成投资3.5亿元。", ...lines.slice(k)];
    const j = edited.findIndex((l, i) => i > k + 5 && /\d+个/.test(l));
    const changedLine = edited[j] as string;
    edited[j] = changedLine.replace(/(\d+)个/, (_m, n) => `${Number(n) + 1}个`);
    const after = new Map(ids(edited.join("\n")));
    const untouched = before.filter(([, quote]) => !changedLine.includes(quote));
    expect(untouched.length).toBeGreaterThan(before.length - 10);
    for (const [id, quote] of untouched) expect(after.get(id), quote).toBe(quote);
    // Position-based ids (o001…) would all have shifted by the two inserted observations.
    expect(extractReport(edited.join("\n")).report.observations.length).toBe(before.length + 2);
  });
});
