import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, truthFigures } from "./evaluation.js";
import { formatStageTable, scoreStages } from "./evaluation-stages.js";
import { loadTruth, ZHANGJIANG } from "./paths.js";

describe("the evaluation stage by stage (Zhangjiang, curated)", () => {
  const source = readFileSync(ZHANGJIANG.source, "utf8");
  const truth = truthFigures(loadTruth(ZHANGJIANG.report), source);
  const { extraction, stages } = scoreStages(source, truth);

  it("scores every figure stage in pipeline order, the last as the finished draft scores", () => {
    expect(stages.map((s) => s.stage)).toEqual([
      "figures",
      "comparisons",
      "subjects",
      "respectively",
      "roles",
      "quotes",
      "indicators",
    ]);
    const last = stages.at(-1)?.ev;
    const final = evaluate(truth, extraction.quantities);
    expect(last?.matched).toBe(final.matched);
    expect(last?.fields).toEqual(final.fields);
  });

  it("shows what each stage adds: recall from figures on, periods only once roles ran", () => {
    const at = (name: string) => stages.find((s) => s.stage === name)?.ev;
    expect(at("figures")?.matched).toBe(at("indicators")?.matched);
    expect(at("subjects")?.fields.period.agree).toBe(0);
    expect(at("roles")?.fields.period.rate).toBeGreaterThan(0.9);
    const table = formatStageTable("in-sample", [stages]);
    expect(table.split("\n")).toHaveLength(2 + stages.length);
    expect(table).toMatch(/^roles\s+100\.0/m);
  });
});
