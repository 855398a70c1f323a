/**
 * Throughput of extractReport on the real texts, then its curve over size:
 * `pnpm --filter @govreport/extract bench`.
 * Prints characters (code points) per second, the median of N runs after a warm-up; no
 * assertions. The SHA-256 of the text is included, as a caller without a digest would pay it;
 * a second figure leaves it out. The machine is shared, so each text is also timed through the
 * schema's findQuantities (the scan extraction starts with) in the same run, and the ratio printed.
 *
 * The curve: texts of 10 KB, 1 MB and 20 MB (UTF-8) from the real texts concatenated (cut into
 * pieces of that size at line ends when smaller, so that every size reads the same texts; repeated
 * when larger), each size extracted (median of runs filling 1 s, at least one) after the same
 * warm-up, in MB/s
 * of UTF-8 text, wall clock and CPU time (the machine is shared: CPU time is what the process got), next to a plain regex
 * scan for numbers over the same text in the same run (the baseline). Extraction is linear when the
 * MB/s stay within a factor 1.5 of each other; the target is at least 2 MB/s at every size.
 * BENCH_SIZES (comma-separated KB) replaces the sizes, BENCH_CURVE=0 skips the curve.
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

// The curve over size.
const KB = 1024;
const sizes = (process.env.BENCH_SIZES ?? "10,1024,20480").split(",").map((x) => Math.round(Number(x) * KB));
if (process.env.BENCH_CURVE !== "0") {
  const corpus = texts.map((t) => t.text).join("\n");
  const corpusBytes = Buffer.byteLength(corpus, "utf8");
  /** About `bytes` of UTF-8 text: the corpus repeated, cut at a line end. */
  const build = (bytes: number): string => {
    const copies = Math.ceil(bytes / corpusBytes);
    const whole = Array.from({ length: copies }, () => corpus).join("\n");
    // Cut by characters (about 3 bytes each), then at the last line break before the size.
    let cut = whole.slice(0, Math.ceil(bytes / 2.5));
    while (Buffer.byteLength(cut, "utf8") > bytes) cut = cut.slice(0, Math.floor(cut.length * 0.98));
    const nl = cut.lastIndexOf("\n");
    return nl > cut.length / 2 ? cut.slice(0, nl + 1) : cut;
  };
  /**
   * Texts of about `bytes` each: one built text when the corpus is smaller, else the whole corpus
   * cut into pieces of that size at line ends. A size smaller than the corpus thus reads all of it
   * too: every size reads the same mixture of texts (the first 10 KB alone, one report's opening,
   * holds twice the figures per byte of the whole and would measure density, not size).
   */
  const textsOf = (bytes: number): string[] => {
    if (bytes >= corpusBytes) return [build(bytes)];
    const pieces: string[] = [];
    let piece = "";
    for (const line of corpus.split("\n")) {
      piece += `${line}\n`;
      if (Buffer.byteLength(piece, "utf8") >= bytes) {
        pieces.push(piece);
        piece = "";
      }
    }
    if (piece.trim()) pieces.push(piece);
    return pieces;
  };
  const NUMBER = /\d+(?:\.\d+)?/g;
  const scan = (t: string) => {
    let n = 0;
    NUMBER.lastIndex = 0;
    while (NUMBER.exec(t)) n++;
    return n;
  };
  const mbs = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
  /** Runs `f` enough times to take about 1 s (at least once), and gives the median wall and CPU ms of one run. */
  const time = (f: () => void): { ms: number; cpu: number } => {
    const walls: number[] = [];
    const cpus: number[] = [];
    let spent = 0;
    while (walls.length === 0 || (spent < 1000 && walls.length < 25)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      f();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      walls.push(ms);
      cpus.push((c.user + c.system) / 1000);
      spent += ms;
    }
    return { ms: median(walls), cpu: median(cpus) };
  };
  process.stdout.write(
    `\nextractReport over size (texts built from ${texts.length} real texts, ${(corpusBytes / 1e6).toFixed(2)} MB: cut into pieces below that size, repeated above it), after the same warm-up for every size (the corpus extracted whole twice and in 10 KB pieces once)\n`,
  );
  process.stdout.write(
    `  ${"size".padStart(10)} ${"texts".padStart(5)} ${"extract ms".padStart(11)} ${"MB/s".padStart(7)} ${"CPU MB/s".padStart(9)} ${"regex ms".padStart(9)} ${"regex MB/s".padStart(11)} ${"ratio".padStart(7)}  figures\n`,
  );
  const sha256 = "0".repeat(64);
  // The same warm-up for every size, before any: the corpus whole, twice, and in 10 KB pieces once.
  for (let i = 0; i < 2; i++) extractReport(corpus, { sha256 });
  for (const t of textsOf(10 * KB)) extractReport(t, { sha256 });
  const rows: number[] = [];
  const cpuRows: number[] = [];
  for (const size of sizes) {
    const ts = textsOf(size);
    const bytes = ts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
    let figures = 0;
    const x = time(() => {
      figures = 0;
      for (const t of ts) figures += extractReport(t, { sha256 }).quantities.length;
    });
    const r = time(() => {
      for (const t of ts) scan(t);
    });
    rows.push(mbs(bytes, x.ms));
    cpuRows.push(mbs(bytes, x.cpu));
    process.stdout.write(
      `  ${`${(bytes / ts.length / 1e6).toFixed(3)} MB`.padStart(10)} ${String(ts.length).padStart(5)} ${x.ms.toFixed(0).padStart(11)} ${mbs(bytes, x.ms).toFixed(2).padStart(7)} ${mbs(bytes, x.cpu).toFixed(2).padStart(9)} ${r.ms.toFixed(1).padStart(9)} ${mbs(bytes, r.ms).toFixed(0).padStart(11)} ${(x.ms / r.ms).toFixed(0).padStart(6)}×  ${figures}\n`,
    );
  }
  const spread = (xs: number[]) => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return `slowest ${lo.toFixed(2)} MB/s, fastest ${hi.toFixed(2)} MB/s, spread ${(hi / lo).toFixed(2)}×`;
  };
  process.stdout.write(
    `  curve, wall clock: ${spread(rows)}; CPU time: ${spread(cpuRows)} (target: at least 2 MB/s, spread at most 1.5×)\n`,
  );
}
