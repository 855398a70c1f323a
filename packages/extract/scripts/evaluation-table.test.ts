import { describe, expect, it } from "vitest";
import { type Evaluation, evaluate, type TruthFigure } from "./evaluation.js";
import { formatTable, pool, type Scored, scoreLayouts } from "./evaluation-table.js";

const truthAt = (start: number, value: number, unit: string, printed: string): TruthFigure => ({
  value,
  unit,
  qualifier: "exact",
  printed,
  start,
  end: start + [...printed].length,
  quoteStart: start,
  quoteEnd: start + [...printed].length,
  readings: [{ observation: `t${start}`, role: "actual", period: "2023" }],
});

describe("the table", () => {
  const text = "# source: x\n全年新增企业9家，税收20亿元。\n";
  const at = (s: string) => [...text.slice(0, text.indexOf(s))].length;
  const truth = [truthAt(at("9家"), 9, "家", "9家"), truthAt(at("20亿元"), 20, "亿元", "20亿元")];

  it("scores the clean text first, then each layout variant, against the same truth", () => {
    const rows = scoreLayouts("t", "held-out", text, truth);
    expect(rows.map((r) => r.layout)).toEqual(["clean", "wrapped", "joined", "crlf-fullwidth"]);
    for (const r of rows) expect(r.ev.truth).toBe(2);
    expect(rows[0]?.ev.matched).toBe(2);
  });

  it("pools counts, not rates: one miss in 1 and none in 3 is 3 of 4", () => {
    const one = evaluate([truth[0] as TruthFigure], []);
    const three = { ...one, truth: 3, matched: 3, extracted: 3 } as Evaluation;
    const p = pool([one, three]);
    expect(p).toMatchObject({ truth: 4, matched: 3, extracted: 3 });
  });

  it("prints a row per report and layout and pooled rows for the annotated and held-out texts", () => {
    const rows: Scored[] = scoreLayouts("t", "held-out", text, truth);
    const out = formatTable(rows).split("\n");
    expect(out[1]).toMatch(/^report\s+use\s+layout\s+truth\s+found\s+recall\s+prec\s+value\s+unit/);
    expect(out.filter((l) => l.startsWith("t "))).toHaveLength(4);
    expect(out.filter((l) => l.startsWith("ALL held-out"))).toHaveLength(4);
    expect(out.find((l) => l.startsWith("t ") && l.includes("clean"))).toMatch(/\s2\s+2\s+100\.0\s+100\.0/);
  });
});
