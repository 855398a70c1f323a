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
const readTruth = (name: string) =>
  JSON.parse(readFileSync(new URL(`./truth/${name}`, import.meta.url), "utf8")) as Truth;
const truth = readTruth("hebei-promises.json");
/** Verdicts that claim something about the next report; "no_result_found" only says the tool found nothing. */
const CLAIMS = new Set(["met", "met_within_rounding", "missed", "not_comparable", "no_result_stated"]);

const matches = (p: Pair, t: TruthPair) =>
  p.year === t.year &&
  p.target.quote.includes(t.target) &&
  (t.result === null ? p.result === undefined : p.result?.quote.includes(t.result) === true);

/** Runs promises on a series and scores its claimed pairs against the hand-checked truth (printed). */
function score(what: string, files: readonly string[], t: Truth) {
  const r = govreport(["promises", ...files.map(sharedPath), "--json"]);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as {
    pairs: (Pair & { jurisdiction: string })[];
    absences: { year: number; lastTarget: Figure; status: string }[];
  };
  const claims = out.pairs.filter((p) => CLAIMS.has(p.verdict));
  const wrong = claims.filter((p) => !t.pairs.some((x) => matches(p, x) && x.verdict === p.verdict));
  const found = t.pairs.filter((x) => claims.some((p) => matches(p, x) && x.verdict === p.verdict));
  const precision = (claims.length - wrong.length) / claims.length;
  const recall = found.length / t.pairs.length;
  console.log(
    `promises on ${what}: precision ${(precision * 100).toFixed(1)}% (${claims.length - wrong.length}/${claims.length} claimed pairs right), recall ${(recall * 100).toFixed(1)}% (${found.length}/${t.pairs.length} hand-checked pairs found)`,
  );
  for (const p of wrong)
    console.log(
      `  not in the truth: ${p.year} ${p.target.quote.slice(0, 30)} → ${p.result?.quote.slice(0, 30) ?? "-"} ${p.verdict}`,
    );
  for (const x of t.pairs.filter((x) => !found.includes(x)))
    console.log(`  missed: ${x.year} ${x.target} → ${x.result ?? "-"} ${x.verdict}`);
  return { out, claims, precision, recall };
}

describeShared("govreport promises on the Hebei series, against the hand-checked truth", SERIES, () => {
  const run = () => govreport(["promises", ...SERIES.map(sharedPath), "--json"]);

  it("pairs targets with next year's results at ≥ 95% precision (prints precision and recall)", () => {
    const { claims, precision } = score("Hebei 2023→2024→2025", SERIES, truth);
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

const BAODING = ["baoding_2024_annual.txt", "baoding_2025_annual.txt"];
const BAODING_ALL = [
  "baoding_2023_annual.txt",
  "baoding_2024_annual.txt",
  "baoding_2025_annual.txt",
  "baoding_2026_annual.txt",
];

describeShared("govreport promises on Baoding, against the hand-checked 2024 → 2025 pairs", BAODING_ALL, () => {
  it("reads the place and year of texts that print neither in their opening lines, and pairs 2024's targets", () => {
    const t = readTruth("baoding-promises.json");
    const { out, claims, precision } = score("Baoding 2024→2025", BAODING, t);
    expect(new Set(out.pairs.map((p) => p.jurisdiction))).toEqual(new Set(["保定市"]));
    expect(claims.length).toBeGreaterThanOrEqual(5);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    const got = out.absences.map((a) => ({ year: a.year, status: a.status, quote: a.lastTarget.quote }));
    for (const x of t.absences)
      expect(got.some((a) => a.year === x.year && a.status === x.status && a.quote.includes(x.lastTarget))).toBe(true);
  });

  it("pairs every consecutive year of the series (2023 → 2024 → 2025 → 2026; prints the counts)", () => {
    const r = govreport(["promises", ...BAODING_ALL.map(sharedPath), "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { pairs: { year: number; verdict: string }[] };
    const years = [...new Set(out.pairs.map((p) => p.year))].sort();
    console.log(
      `promises on Baoding 2023→2026: ${out.pairs.length} pairs (${years.map((y) => `${y}: ${out.pairs.filter((p) => p.year === y).length}`).join(", ")}), ${out.pairs.filter((p) => CLAIMS.has(p.verdict) && p.verdict !== "no_result_stated").length} with a verdict on a result`,
    );
    expect(years).toEqual([2023, 2024, 2025]);
  });
});
