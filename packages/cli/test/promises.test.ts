import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../vitest.shared-texts.js";
import { govreport } from "./run.js";

interface TruthPair {
  year: number;
  target: string;
  result: string | null;
  verdict: string;
}
interface Truth {
  pairs: TruthPair[];
  absences: { year: number; lastTarget: string; status: string }[];
}
interface Figure {
  quote: string;
}
interface Pair {
  year: number;
  verdict: string;
  target: Figure;
  result?: Figure;
}

const SERIES = ["hebei_2023_annual.txt", "hebei_2024_annual.txt", "hebei_2025_annual.txt"];
const truth = JSON.parse(readFileSync(new URL("./truth/hebei-promises.json", import.meta.url), "utf8")) as Truth;
/** Verdicts that claim something about the next report; "no_result_found" only says the tool found nothing. */
const CLAIMS = new Set(["met", "met_within_rounding", "missed", "not_comparable", "no_result_stated"]);

const matches = (p: Pair, t: TruthPair) =>
  p.year === t.year &&
  p.target.quote.includes(t.target) &&
  (t.result === null ? p.result === undefined : p.result?.quote.includes(t.result) === true);

describeShared("govreport promises on the Hebei series, against the hand-checked truth", SERIES, () => {
  const run = () => govreport(["promises", ...SERIES.map(sharedPath), "--json"]);

  it("pairs targets with next year's results at ≥ 95% precision (prints precision and recall)", () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      pairs: Pair[];
      absences: { year: number; lastTarget: Figure; status: string }[];
    };
    const claims = out.pairs.filter((p) => CLAIMS.has(p.verdict));
    const wrong = claims.filter((p) => !truth.pairs.some((t) => matches(p, t) && t.verdict === p.verdict));
    const found = truth.pairs.filter((t) => claims.some((p) => matches(p, t) && t.verdict === p.verdict));
    const precision = (claims.length - wrong.length) / claims.length;
    const recall = found.length / truth.pairs.length;
    console.log(
      `promises on Hebei 2023→2024→2025: precision ${(precision * 100).toFixed(1)}% (${claims.length - wrong.length}/${claims.length} claimed pairs right), recall ${(recall * 100).toFixed(1)}% (${found.length}/${truth.pairs.length} hand-checked pairs found)`,
    );
    for (const p of wrong)
      console.log(
        `  not in the truth: ${p.year} ${p.target.quote.slice(0, 30)} → ${p.result?.quote.slice(0, 30) ?? "-"} ${p.verdict}`,
      );
    expect(claims.length).toBeGreaterThan(20);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it("records last year's main targets that this year's report does not set again as explicitly absent", () => {
    const out = JSON.parse(run().stdout) as { absences: { year: number; lastTarget: Figure; status: string }[] };
    const got = out.absences.map((a) => ({ year: a.year, status: a.status, quote: a.lastTarget.quote }));
    for (const t of truth.absences)
      expect(got.some((a) => a.year === t.year && a.status === t.status && a.quote.includes(t.lastTarget))).toBe(true);
    expect(got.filter((a) => a.status === "not_stated")).toHaveLength(truth.absences.length);
  });

  it("shows both quotes of every pair in the table, and states the tolerance of 左右", () => {
    const r = govreport(["promises", ...SERIES.map(sharedPath)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /地区生产总值增速: missed — target 6%左右, result 5\.5%\n {4}target: .*地区生产总值增长6%左右.*\n {4}result: .*全省生产总值增长5\.5%/,
    );
    expect(r.stdout).toMatch(/左右\/约: ±5% of the target/);
    expect(r.stdout).toMatch(/explicitly absent\)\n {4}last year \(hebei_2023_annual\): .*单位GDP能耗下降2%/);
  });
});
