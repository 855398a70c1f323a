import { type CheckedRelation, COVERAGE_KINDS, checkReport, coverageLine, summarizeCoverage } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { kindName, orderRelations, roleName } from "./coverage.js";
import { FIXTURE_TEXT, fixtureReport } from "./fixture.js";

describe("roleName", () => {
  it("names a figure's role in both languages, numbering parts and factors from 1", () => {
    expect(roleName("baseline", "zh")).toEqual({ text: "基期值", known: true });
    expect(roleName("parts[0]", "zh")).toEqual({ text: "分项1", known: true });
    expect(roleName("parts[1]", "en")).toEqual({ text: "part 2", known: true });
    expect(roleName("factors[2]", "en")).toEqual({ text: "factor 3", known: true });
  });

  it("shows a role it does not know as the checker names it, and says so", () => {
    expect(roleName("per_capita", "zh")).toEqual({ text: "per_capita", known: false });
  });
});

describe("kindName", () => {
  it("has a name in each language for every kind the checker counts", () => {
    for (const k of COVERAGE_KINDS) {
      expect(kindName(k, "en")).toMatch(/^[a-z][a-z -]+$/);
      expect(kindName(k, "zh")).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});

describe("coverage of the fixture report", () => {
  const checks = checkReport(fixtureReport(), { sourceText: FIXTURE_TEXT });

  it("lists inconsistencies first, and every relation the line counts", () => {
    const ordered = orderRelations(checks.coverage.relations);
    expect(ordered).toHaveLength(checks.coverage.relations.length);
    const firstConsistent = ordered.findIndex((r) => r.verdict === "consistent");
    const lastInconsistent = ordered.map((r) => r.verdict).lastIndexOf("inconsistent");
    expect(checks.coverage.inconsistencies).toBeGreaterThan(0);
    expect(lastInconsistent).toBeLessThan(firstConsistent);
    // What the view lists adds up to what its line says.
    const listed = summarizeCoverage(ordered);
    expect(coverageLine(listed, "en")).toBe(coverageLine(checks.coverage, "en"));
  });

  it("keeps the checker's order within a verdict", () => {
    const r = (id: string, verdict: CheckedRelation["verdict"]): CheckedRelation => ({
      kind: "sum",
      id,
      observations: [],
      figures: [],
      formula: "",
      arithmetic: "",
      allowed: "",
      stated: "",
      verdict,
    });
    const ordered = orderRelations([
      r("a", "consistent"),
      r("b", "inconsistent"),
      r("c", "consistent"),
      r("d", "inconsistent"),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(["b", "d", "a", "c"]);
  });
});
