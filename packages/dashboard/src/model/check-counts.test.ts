import { describe, expect, it } from "vitest";
import { checkCounts, needsExplanation } from "./check-counts.js";

const f = (severity: "error" | "warning" | "info", acknowledged: boolean) => ({
  code: "comparison.change_mismatch" as const,
  severity,
  acknowledged,
  observations: [],
  message: { zh: "", en: "" },
});

describe("checkCounts", () => {
  it("counts an explained error as an error, apart from the open ones", () => {
    const c = checkCounts([f("error", true), f("info", false), f("info", false), f("warning", false)]);
    expect(c.error).toEqual({ open: 0, explained: 1 });
    expect(c.warning).toEqual({ open: 1, explained: 0 });
    expect(c.info).toEqual({ open: 2, explained: 0 });
  });

  it("does not ask notes to be explained", () => {
    expect(needsExplanation(f("info", false))).toBe(false);
    expect(needsExplanation(f("warning", false))).toBe(true);
  });
});
