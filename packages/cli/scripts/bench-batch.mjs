#!/usr/bin/env node
/**
 * Batch throughput of the built binary, all in one run so that machine load hits every case alike:
 *
 * 1. `govreport check <folder>` over N report texts (copies of the shared texts, in a temp dir)
 *    with --jobs 1 and --jobs 2, against one process per file. One process per file is timed on a
 *    sample of S files, run one after another, and extrapolated to N (said so in the output).
 * 2. What the YAML fast path and the V8 code cache are worth, per process and in a batch:
 *    `validate` of the shipped report (121 KB YAML) as one process, and over K copies in one batch,
 *    each with the fast reader on and off (GOVREPORT_FAST_YAML=0) and the code cache on and off
 *    (GOVREPORT_CODE_CACHE=0).
 *
 * Prints figures only: nothing here passes or fails on time.
 *
 *   pnpm --filter @govreport/cli bench:batch [-- --files 1000 --sample 30 --copies 100]
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { haveShared, reportsDir } from "../../../scripts/shared-texts.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bin = here("../dist/govreport.cjs");
const shipped = here("../../data/reports/zhangjiang-2023-h1/");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const FILES = arg("files", 1000);
const SAMPLE = arg("sample", 30);
const COPIES = arg("copies", 100);
const RUNS = arg("runs", 7);

if (!existsSync(bin)) {
  console.error("bench:batch: dist/govreport.cjs is missing; run `pnpm --filter @govreport/cli build` first");
  process.exit(2);
}
const texts = existsSync(reportsDir)
  ? readdirSync(reportsDir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
  : [];
if (!haveShared("bench:batch", texts.length > 0 ? texts : ["hebei_2023_annual.txt"])) process.exit(0);

const tmp = mkdtempSync(join(tmpdir(), "govreport-bench-batch-"));
const cacheDir = join(tmp, "cache");
/** The batch's own summary: its CPU time (every thread) and how many cores were busy on average. */
let lastCpu;
const run = (args, env = {}) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1", GOVREPORT_CACHE_DIR: cacheDir, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`govreport ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  const m = /\(CPU ([\d.]+) s: ([\d.]+) cores busy\)/.exec(String(r.stderr));
  lastCpu = m ? { cpu: Number(m[1]), cores: Number(m[2]) } : undefined;
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
const cpuNote = () => (lastCpu ? `  CPU ${lastCpu.cpu.toFixed(1)} s, ${lastCpu.cores.toFixed(2)} cores busy` : "");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

try {
  // 1. check over N copies of the shared texts.
  const folder = join(tmp, "texts");
  mkdirSync(folder);
  const files = [];
  for (let i = 0; i < FILES; i++) {
    const name = texts[i % texts.length];
    const copy = join(folder, `${String(i).padStart(5, "0")}-${name}`);
    cpSync(join(reportsDir, name), copy);
    files.push(copy);
  }
  run(["check", files[0]]); // writes the code cache, as a user's earlier runs would have
  const load = loadavg()[0];
  const one = run(["check", folder, "--jobs", "1"]);
  const oneCpu = cpuNote();
  const two = run(["check", folder, "--jobs", "2"]);
  const twoCpu = cpuNote();
  // What a worker thread costs to start (each loads the whole launcher: Node's module loading,
  // zod, schema, extractor): two files, in this thread or in two workers.
  const pair = join(tmp, "pair");
  mkdirSync(pair);
  for (const f of files.slice(0, 2)) cpSync(f, join(pair, f.split(/[\\/]/).pop()));
  const pairOne = run(["check", pair, "--jobs", "1"]);
  const pairOneCpu = cpuNote();
  const pairTwo = run(["check", pair, "--jobs", "2"]);
  const pairTwoCpu = cpuNote();
  let sampled = 0;
  for (let i = 0; i < SAMPLE; i++) sampled += run(["check", files[Math.floor((i * FILES) / SAMPLE)]]);
  const perProcess = sampled / SAMPLE;
  const rate = (n, s) => `${(n / s).toFixed(1).padStart(6)} reports/s`;
  console.log(
    `check over ${FILES} report texts (copies of the ${texts.length} shared texts), one run each; ${availableParallelism()} cores, load average ${load.toFixed(1)} when it started:`,
  );
  console.log(`  one process, --jobs 1        ${one.toFixed(1).padStart(7)} s  ${rate(FILES, one)}${oneCpu}`);
  console.log(
    `  one process, --jobs 2        ${two.toFixed(1).padStart(7)} s  ${rate(FILES, two)}  (${(one / two).toFixed(2)}× --jobs 1)${twoCpu}`,
  );
  console.log(
    `  2 files, --jobs 1 / --jobs 2 ${pairOne.toFixed(2).padStart(7)} s / ${pairTwo.toFixed(2)} s (the difference is about one worker's start-up, less what the second core saves)${pairOneCpu} /${pairTwoCpu}`,
  );
  console.log(
    `  one process per file         ${(perProcess * FILES).toFixed(1).padStart(7)} s  ${rate(1, perProcess)}  (extrapolated from ${SAMPLE} processes, ${(perProcess * 1000).toFixed(0)} ms each; --jobs 1 is ${((perProcess * FILES) / one).toFixed(1)}× faster)`,
  );

  // 2. The YAML fast path and the code cache, per process and in a batch of validate.
  const reports = join(tmp, "reports");
  for (let i = 0; i < COPIES; i++) cpSync(shipped, join(reports, String(i).padStart(4, "0")), { recursive: true });
  const report = join(reports, "0000", "report.yaml");
  const variants = [
    ["fast reader, code cache", {}],
    ["yaml package, code cache", { GOVREPORT_FAST_YAML: "0" }],
    ["fast reader, no code cache", { GOVREPORT_CODE_CACHE: "0" }],
    ["yaml package, no code cache", { GOVREPORT_FAST_YAML: "0", GOVREPORT_CODE_CACHE: "0" }],
  ];
  run(["validate", report]);
  const single = new Map(variants.map(([name]) => [name, []]));
  const batch = new Map(variants.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i++)
    for (const [name, env] of variants) {
      single.get(name).push(run(["validate", report], env));
      if (i < 3) batch.get(name).push(run(["validate", reports, "--jobs", "1"], env));
    }
  const base1 = median(single.get(variants[0][0]));
  const baseB = median(batch.get(variants[0][0]));
  console.log(
    `validate of the shipped report (121 KB YAML): one process (median of ${RUNS}), and ${COPIES} copies in one --jobs 1 batch (median of 3):`,
  );
  for (const [name] of variants) {
    const s = median(single.get(name));
    const b = median(batch.get(name));
    console.log(
      `  ${name.padEnd(28)} ${(s * 1000).toFixed(0).padStart(5)} ms (${(s / base1).toFixed(2)}×)   batch ${b.toFixed(2).padStart(6)} s, ${((b / COPIES) * 1000).toFixed(1).padStart(6)} ms a report (${(b / baseB).toFixed(2)}×)`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
