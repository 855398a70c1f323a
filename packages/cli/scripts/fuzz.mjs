#!/usr/bin/env node
// Fuzzes the BUILT binary with seeded mutations of the shipped report (YAML and JSON) and of its
// raw text, a few processes at a time, each run capped in time and JavaScript heap. For every case:
// the exit code is ours (0, 1 or 2); no stack trace or native abort; an input refused is named,
// with a place (line:column, byte offset or JSON path) unless the cause has none; the input is
// unchanged; no temp file is left. Prints the seed and the counts; exits 1 if any case failed,
// keeping the failing inputs (and a note of how each was run) in a folder it names.
//
//   node scripts/fuzz.mjs [--cases 300] [--seed N] [--jobs N]
//   GOVREPORT_FUZZ_SEED=N reruns one seed.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtBin, prng, runBin } from "./run-bin.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bin = builtBin("fuzz");
const shipped = here("../../data/reports/zhangjiang-2023-h1/");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg("cases", 300);
// A local run explores a new seed each time; CI replays one fixed seed (as the property tests do), so
// that whether a submission lands does not depend on luck. A failing seed is printed for a rerun.
const SEED = arg(
  "seed",
  Number(process.env.GOVREPORT_FUZZ_SEED ?? (process.env.CI ? 20261129 : Math.floor(Math.random() * 2 ** 31))),
);
const JOBS = arg("jobs", Math.max(2, Math.min(4, availableParallelism())));
/** Per run: wall time, and the JavaScript heap (an input under the 20 MB limit must fit well inside). */
const TIMEOUT_MS = 30_000;
const HEAP_MB = 512;

const work = mkdtempSync(join(tmpdir(), "govreport-fuzz-"));
const cacheDir = join(work, "cache");
const yaml = readFileSync(join(shipped, "report.yaml"));
const text = readFileSync(join(shipped, "source.txt"));

const runBinHere = (args, cwd, input) =>
  runBin(bin, args, {
    cwd,
    input,
    env: { PATH: process.env.PATH ?? "", LANG: "C", NO_COLOR: "1", GOVREPORT_CACHE_DIR: cacheDir },
    timeoutMs: TIMEOUT_MS,
    nodeArgs: [`--max-old-space-size=${HEAP_MB}`],
  });

const json = Buffer.from((await runBinHere(["export", join(shipped, "report.yaml"), "--format", "json"], work)).stdout);
if (json.length < 1000) throw new Error("fuzz: could not make the JSON form of the shipped report");

// Pieces that reach the parsers' and checks' edges, inserted at random places.
const TOKENS = [
  "\u0000",
  "\u001b]0;PWNED\u0007\u001b[2J",
  "\r",
  "\r\n",
  "\t",
  "\uFEFF",
  "\uD800",
  "&a ",
  "*a",
  "<<: *a\n",
  "!!binary ",
  "!!js/function ",
  "---\n",
  "...\n",
  "[".repeat(200),
  "{".repeat(80),
  "1e999",
  "-0",
  ".nan",
  "0x1F",
  "__proto__: 1\n",
  '"constructor": {}',
  "~",
  "增长1.5%".repeat(50),
  "１２３．４５％",
  "、".repeat(100),
  "（".repeat(100),
  "。",
  "亿元",
  "万",
  "file: /dev/zero",
  "file: ../../../etc/hostname",
  "file: .",
  "quote: ",
  "offset: 99999999",
  "\u202e",
  "a".repeat(5000),
];
const RAW = [0x00, 0xff, 0xfe, 0x80, 0xc0, 0xe4, 0x1b, 0x0a, 0x0d, 0x22, 0x27, 0x3a, 0x2d, 0x20, 0x7b, 0x5b];

function mutate(bytes, rand) {
  let b = Buffer.from(bytes);
  const ops = 1 + Math.floor(rand() * rand() * 4);
  const at = () => Math.floor(rand() * (b.length + 1));
  const done = [];
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(rand() * 11);
    const i = at();
    if (op === 0) {
      const j = Math.min(b.length - 1, i);
      if (j >= 0) b[j] ^= 1 << Math.floor(rand() * 8);
      done.push(`flip@${j}`);
    } else if (op === 1) {
      const n = 1 + Math.floor(rand() * 8);
      const ins = Buffer.from(Array.from({ length: n }, () => RAW[Math.floor(rand() * RAW.length)]));
      b = Buffer.concat([b.subarray(0, i), ins, b.subarray(i)]);
      done.push(`bytes@${i}`);
    } else if (op === 2 || op === 3) {
      const t = TOKENS[Math.floor(rand() * TOKENS.length)];
      b = Buffer.concat([b.subarray(0, i), Buffer.from(t), b.subarray(i)]);
      done.push(`token@${i}`);
    } else if (op === 4) {
      const n = Math.floor(rand() * 2000);
      b = Buffer.concat([b.subarray(0, i), b.subarray(i + n)]);
      done.push(`delete@${i}+${n}`);
    } else if (op === 5) {
      const n = Math.floor(rand() * 3000);
      b = Buffer.concat([b.subarray(0, i), b.subarray(i, i + n), b.subarray(i)]);
      done.push(`repeat@${i}+${n}`);
    } else if (op === 6) {
      b = b.subarray(0, i);
      done.push(`truncate@${i}`);
    } else if (op === 7) {
      // Swap two lines.
      const lines = b.toString("latin1").split("\n");
      const x = Math.floor(rand() * lines.length);
      const y = Math.floor(rand() * lines.length);
      [lines[x], lines[y]] = [lines[y], lines[x]];
      b = Buffer.from(lines.join("\n"), "latin1");
      done.push(`swap ${x} ${y}`);
    } else {
      // (8–10) A value replaced: digits changed, so that the arithmetic checks see other figures.
      const s = b.toString("utf8");
      const m = [...s.matchAll(/\d+(\.\d+)?/g)];
      const pick = m[Math.floor(rand() * m.length)];
      if (pick?.index !== undefined) {
        const v = String(Math.floor(rand() * 1e6) / 10 ** Math.floor(rand() * 4));
        b = Buffer.from(s.slice(0, pick.index) + v + s.slice(pick.index + pick[0].length));
      }
      done.push("number");
    }
  }
  return { bytes: b, ops: done };
}

/** A cause for which no place exists: the whole file, or a summary whose places were printed above it. */
const PLACELESS = [/the file is empty/, /not a valid report \(\d+ schema issue/];
const PLACE = /:\d+:\d+: |: byte \d+: |\$[.[]/;
const STACK = /^\s+at .+(:\d+:\d+|\(.*\))$/m;
const NATIVE = /FATAL ERROR|terminate called|Segmentation fault|Aborted|std::bad_alloc|Native stack|node::/;

const kinds = [
  {
    kind: "yaml",
    name: "report.yaml",
    base: yaml,
    commands: [["validate"], ["export", "--format", "csv", "-o", "out.csv"]],
  },
  { kind: "json", name: "report.json", base: json, commands: [["validate"], ["diff", "@shipped"]] },
  { kind: "text", name: "text.txt", base: text, commands: [["check"], ["extract", "-o", "draft.yaml"]] },
];

function makeCase(n) {
  const rand = prng((SEED ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0);
  const k = kinds[n % kinds.length];
  const { bytes, ops } = mutate(k.base, rand);
  const command = k.commands[Math.floor(rand() * k.commands.length)];
  return { n, ...k, bytes, ops, command };
}

const stats = { cases: 0, failed: 0, exit: { 0: 0, 1: 0, 2: 0 }, slowest: 0 };
const failures = [];
const keep = join(work, "failing");

async function runCase(c) {
  const dir = join(work, `case-${c.n}`);
  mkdirSync(dir);
  const file = join(dir, c.name);
  writeFileSync(file, c.bytes);
  cpSync(join(shipped, "source.txt"), join(dir, "source.txt"));
  const before = createHash("sha256").update(c.bytes).digest("hex");
  const args = [c.command[0], file, ...c.command.slice(1)].map((a) =>
    a === "@shipped" ? join(shipped, "report.yaml") : a,
  );
  const r = await runBinHere(args, dir);
  const problems = [];
  if (r.signal) problems.push(`killed by ${r.signal}${r.killed ? ` (${r.killed})` : ""}`);
  else if (![0, 1, 2].includes(r.status)) problems.push(`exit code ${r.status}`);
  if (STACK.test(r.stderr)) problems.push("stack trace");
  if (NATIVE.test(r.stderr)) problems.push("native abort");
  if (r.status === 2) {
    const line = r.stderr.split("\n").find((l) => l.startsWith("govreport: ")) ?? "";
    if (line.includes(file)) {
      const rest = line.slice(line.indexOf(file) + file.length);
      if (!PLACE.test(rest) && !PLACELESS.some((p) => p.test(line))) problems.push(`no place: ${line.slice(0, 200)}`);
    } else if (!/source\.txt|out\.csv|draft\.yaml/.test(line)) problems.push(`file not named: ${line.slice(0, 200)}`);
  }
  if (createHash("sha256").update(readFileSync(file)).digest("hex") !== before) problems.push("input changed");
  const left = readdirSync(dir).filter((f) => /\.tmp$|\.govreport-/.test(f));
  if (left.length > 0) problems.push(`temp files left: ${left.join(", ")}`);
  stats.cases++;
  stats.slowest = Math.max(stats.slowest, r.ms);
  if (r.status in stats.exit) stats.exit[r.status]++;
  if (problems.length > 0) {
    stats.failed++;
    mkdirSync(keep, { recursive: true });
    const kept = join(keep, `case-${c.n}-${c.name}`);
    writeFileSync(kept, c.bytes);
    failures.push(
      `case ${c.n} (${c.kind}, ${c.ops.join(" ")}): govreport ${c.command[0]} → ${problems.join("; ")} [${kept}]`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

const t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: JOBS }, async () => {
    while (next < CASES) await runCase(makeCase(next++));
  }),
);
const seconds = (performance.now() - t0) / 1000;

console.log(`fuzz: seed ${SEED} (rerun: GOVREPORT_FUZZ_SEED=${SEED}), ${JOBS} processes, ${seconds.toFixed(1)} s`);
console.log(
  `fuzz: exit codes 0: ${stats.exit[0]}, 1: ${stats.exit[1]}, 2: ${stats.exit[2]}; slowest run ${(stats.slowest / 1000).toFixed(1)} s (cap ${TIMEOUT_MS / 1000} s, heap ${HEAP_MB} MB)`,
);
for (const f of failures) console.log(`fuzz: FAILED ${f}`);
console.log(`fuzz: ${stats.cases - stats.failed} passed, ${stats.failed} failed`);
if (stats.failed === 0) rmSync(work, { recursive: true, force: true });
else {
  rmSync(cacheDir, { recursive: true, force: true });
  console.log(`fuzz: failing inputs kept in ${keep}`);
}
process.exit(stats.failed === 0 ? 0 : 1);
