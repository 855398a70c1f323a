/**
 * Throughput of extractReport on the four real texts: `pnpm --filter @govreport/extract bench`.
 * Prints characters (code points) per second, the median of N runs after a warm-up; no
 * assertions. The SHA-256 of the text is included, as a caller without a digest would pay it;
 * a second figure leaves it out. The machine is shared, so each text is also timed through the
 * schema's findQuantities (the scan extraction starts with) in the same run, and the ratio printed.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { findQuantities } from "@govreport/schema";
import { haveShared, SHARED_TEXTS } from "../../../scripts/shared-texts.mjs";
import { extractReport } from "../src/index.js";
import { sharedReportPaths, ZHANGJIANG } from "./paths.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const texts = [
  ZHANGJIANG.source,
  ...(haveShared("extraction speed on the shared reports", SHARED_TEXTS) ? sharedReportPaths() : []),
].map((f) => ({
  name: f === ZHANGJIANG.source ? "zhangjiang-2023-h1" : (f.split("/").pop() as string),
  text: readFileSync(f, "utf8"),
}));

const rate = (chars: number, ms: number) => `${Math.round(chars / (ms / 1000)).toLocaleString("en")} chars/s`;
process.stdout.write(`extractReport, median of ${RUNS} runs (after 2 warm-up runs), node ${process.version}\n`);
let totalChars = 0;
let totalMs = 0;
for (const { name, text } of texts) {
  const chars = [...text].length;
  const sha256 = "0".repeat(64);
  for (let i = 0; i < 2; i++) extractReport(text);
  const withHash: number[] = [];
  const withoutHash: number[] = [];
  const scanOnly: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const r = extractReport(text);
    withHash.push(performance.now() - t);
    t = performance.now();
    extractReport(text, { sha256 });
    withoutHash.push(performance.now() - t);
    t = performance.now();
    findQuantities(text);
    scanOnly.push(performance.now() - t);
    if (r.report.observations.length === 0) throw new Error(`${name}: nothing extracted`);
  }
  const ms = median(withHash);
  totalChars += chars;
  totalMs += ms;
  process.stdout.write(
    `  ${name.padEnd(28)} ${String(chars).padStart(6)} chars  ${ms.toFixed(1).padStart(7)} ms  ${rate(chars, ms).padStart(18)}   (digest given: ${rate(chars, median(withoutHash))}; ${(ms / median(scanOnly)).toFixed(1)}× findQuantities alone)\n`,
  );
}
process.stdout.write(
  `  ${"all".padEnd(28)} ${String(totalChars).padStart(6)} chars  ${totalMs.toFixed(1).padStart(7)} ms  ${rate(totalChars, totalMs).padStart(18)}\n`,
);
