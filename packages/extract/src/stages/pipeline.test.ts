import { describe, expect, it } from "vitest";
import { extractReport, runPipeline } from "../extract.js";
import { STAGES, type StageName } from "./pipeline.js";

describe("the pipeline", () => {
  const text = "一、2023年工作回顾\n地区生产总值完成287.9亿元，比上年增长6%。\n二、2024年工作安排\n力争增长5%。\n";

  it("runs the figure stages in the order STAGES lists them, each filling in more", () => {
    const seen: StageName[] = [];
    const subjects: string[][] = [];
    const roles: string[][] = [];
    const result = runPipeline(text, { year: 2024 }, (stage, figures) => {
      seen.push(stage);
      subjects.push(figures.map((f) => f.subject));
      roles.push(figures.map((f) => f.role));
    });
    expect(seen).toEqual(STAGES.filter((s) => seen.includes(s)));
    expect(seen).toEqual(["figures", "comparisons", "subjects", "respectively", "roles", "quotes", "indicators"]);
    expect(subjects[0]).toEqual(["", "", ""]);
    expect(subjects[seen.indexOf("subjects")]?.[0]).toBe("地区生产总值");
    expect(roles[seen.indexOf("subjects")]).toEqual(["actual", "actual", "actual"]);
    expect(roles[seen.indexOf("roles")]).toEqual(["actual", "actual", "target"]);
    expect(result).toEqual(extractReport(text, { year: 2024 }));
  });
});
