#!/usr/bin/env node
/**
 * Start-up and throughput benchmark of the built binary. Runs each command N times, interleaved so
 * that machine load affects all alike, and prints medians and ratios to `node -e 0` measured in the
 * same run. Prints figures only: nothing here passes or fails on time.
 *
 * The binary keeps V8's code cache per command (src/launch/code-cache.ts). The cached rows are what
 * a user sees from the second run of a command on; the "first run" rows, with the cache turned off,
 * what the first run after installing or upgrading costs. The cache lives in a temp folder here,
 * written by one warm-up run of each command.
 *
 * With --floor it also measures what no change to the CLI can go below: probes bundled and run
 * through the code cache exactly as the binary runs its commands, that only import zod, then the
 * schema, then parse and check the shipped report from JSON (no YAML, no output).
 *
 *   pnpm --filter @govreport/cli bench [-- --runs 15] [--floor]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bin = here("../dist/govreport.cjs");
const reportYaml = here("../../data/reports/zhangjiang-2023-h1/report.yaml");
const sourceTxt = here("../../data/reports/zhangjiang-2023-h1/source.txt");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

if (!existsSync(bin)) {
  console.error("bench: dist/govreport.cjs is missing; run `pnpm --filter @govreport/cli build` first");
  process.exit(2);
}

const cacheDir = mkdtempSync(join(tmpdir(), "govreport-bench-cache-"));
let probeDir;
const noCache = { GOVREPORT_CODE_CACHE: "0" };
const cases = [
  ["node -e 0", ["-e", "0"]],
  ["govreport --version", [bin, "--version"]],
  ["govreport validate <report.yaml>", [bin, "validate", reportYaml]],
  ["govreport check <source.txt>", [bin, "check", sourceTxt]],
  ["  first run: validate (no code cache)", [bin, "validate", reportYaml], noCache],
  ["  first run: check (no code cache)", [bin, "check", sourceTxt], noCache],
];
if (process.argv.includes("--floor")) cases.push(...(await floorProbes()));

const run = (args, env = {}) =>
  spawnSync(process.execPath, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1", GOVREPORT_CACHE_DIR: cacheDir, ...env },
  });

for (const [, args, env] of cases) if (!env) run(args);
const times = new Map(cases.map(([name]) => [name, []]));
const codes = new Map();
for (let i = 0; i < RUNS; i++) {
  for (const [name, args, env] of cases) {
    const t0 = process.hrtime.bigint();
    const r = run(args, env);
    times.get(name).push(Number(process.hrtime.bigint() - t0) / 1e6);
    codes.set(name, r.status);
  }
}
rmSync(cacheDir, { recursive: true, force: true });
if (probeDir && !process.env.KEEP_PROBES) rmSync(probeDir, { recursive: true, force: true });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const base = median(times.get("node -e 0"));
const width = Math.max(...cases.map(([name]) => name.length));
console.log(`${RUNS} runs each, interleaved; medians (exit code of the last run)`);
for (const [name] of cases) {
  const m = median(times.get(name));
  console.log(
    `  ${name.padEnd(width)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}× node -e 0  (exit ${codes.get(name)})`,
  );
}

/**
 * Probes for the floor: small CommonJS bundles built here with the esbuild that tsup uses, run by
 * a loader that compiles them through V8's code cache as src/launch/code-cache.ts does (cache
 * written by a warm-up run). zod is jitless, as the CLI sets it.
 */
async function floorProbes() {
  const esbuild = createRequire(createRequire(import.meta.url).resolve("tsup"))("esbuild");
  probeDir = mkdtempSync(join(tmpdir(), "govreport-bench-floor-"));
  const reportJson = createRequire(import.meta.url).resolve("@govreport/data/reports/zhangjiang-2023-h1.json");
  const loader = join(probeDir, "load.cjs");
  writeFileSync(
    loader,
    `const fs = require("node:fs"), vm = require("node:vm"), { createRequire } = require("node:module");
const file = process.argv[2], cache = file + ".v8";
let data; try { data = fs.readFileSync(cache); } catch {}
const s = new vm.Script("(function (require) {" + fs.readFileSync(file, "utf8") + "\\n})", { filename: file, cachedData: data });
if (!data || s.cachedDataRejected) process.once("exit", () => fs.writeFileSync(cache, s.createCachedData()));
s.runInThisContext()(createRequire(file));
`,
  );
  const jitless = join(probeDir, "jitless.js");
  writeFileSync(jitless, "globalThis.__zod_globalConfig = { jitless: true };\n");
  const probes = [
    ["zod", `import "${jitless}"; import { z } from "zod"; globalThis.keep = z;`],
    ["zod + schema", `import "${jitless}"; import * as s from "@govreport/schema"; globalThis.keep = s;`],
    [
      "zod + schema + parseReport",
      `import "${jitless}"; import { readFileSync } from "node:fs"; import { parseReport } from "@govreport/schema";
if (!parseReport(JSON.parse(readFileSync(${JSON.stringify(reportJson)}, "utf8"))).success) process.exit(3);`,
    ],
    [
      "zod + schema + parseReport + checkReport (validate's floor)",
      `import "${jitless}"; import { readFileSync } from "node:fs"; import { checkReport, parseReport } from "@govreport/schema";
const r = parseReport(JSON.parse(readFileSync(${JSON.stringify(reportJson)}, "utf8")));
if (!r.success) process.exit(3);
checkReport(r.report, { sourceText: readFileSync(${JSON.stringify(sourceTxt)}, "utf8") });`,
    ],
    [
      "zod + schema + extractReport + checkReport (check's floor)",
      `import "${jitless}"; import { readFileSync } from "node:fs"; import { extractReport } from "@govreport/extract";
import { checkReport } from "@govreport/schema";
const text = readFileSync(${JSON.stringify(sourceTxt)}, "utf8");
const { report } = extractReport(text, { sha256: "0".repeat(64) });
checkReport(report, { sourceText: text });`,
    ],
  ];
  const out = [["  floor: the same loader, an empty bundle", [loader, join(probeDir, "empty.cjs")]]];
  writeFileSync(join(probeDir, "empty.cjs"), "");
  for (const [name, code] of probes) {
    const file = join(probeDir, `${name.replace(/\W+/g, "-")}.cjs`);
    esbuild.buildSync({
      stdin: { contents: code, resolveDir: here("..") },
      // zod is the schema package's dependency, not the CLI's.
      nodePaths: [here("../../schema/node_modules")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      minify: true,
      outfile: file,
      logLevel: "error",
    });
    out.push([`  floor: ${name}`, [loader, file]]);
  }
  for (const [, args] of out) spawnSync(process.execPath, args);
  return out;
}

// Extraction throughput, in process: what the check command spends beyond start-up.
try {
  const { extractReport } = await import("@govreport/extract");
  const text = readFileSync(sourceTxt, "utf8");
  const chars = [...text].length;
  extractReport(text, { id: "bench" });
  const n = 5;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) extractReport(text, { id: "bench" });
  const s = Number(process.hrtime.bigint() - t0) / 1e9 / n;
  console.log(
    `extraction: ${chars} characters in ${(s * 1000).toFixed(1)} ms = ${Math.round(chars / s).toLocaleString("en")} characters/s`,
  );
} catch (e) {
  console.log(`extraction throughput: not measured (${e.message.split("\n")[0]})`);
}
