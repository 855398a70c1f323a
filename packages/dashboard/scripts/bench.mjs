/**
 * Dashboard budgets, measured (figures printed, nothing asserted):
 *
 * 1. Initial JavaScript, gzip: the entry chunk and its static imports, from the Vite manifest
 *    (aim ≤ 250 KB). Lazy chunks are listed for reference.
 * 2. Navigation → the first chart's `finished` event, on `vite preview` in headless Chromium
 *    (aim ≤ 1.5 s), the median of several cold loads; with a baseline measured in the same run:
 *    navigation → load of a trivial file (favicon.svg) from the same server, and the ratio.
 * 3. The main thread's CPU time from navigation to the first chart (the thread time of its tasks, from
 *    a Chromium trace, in separate traced loads): what the page itself costs, which the machine's load
 *    barely changes, where the wall-clock figures above grow with every other process on the machine.
 *
 *   node scripts/bench.mjs [--build] [--runs 7]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, ensureBuild, freePort, PKG, startPreview } from "../e2e/lib.mjs";

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf("--runs") + 1]) || 7;
const BUDGET_KB = 250;
const BUDGET_MS = 1500;

const built = await ensureBuild({ build: argv.includes("--build") || !existsSync(join(PKG, "dist", "index.html")) });
const dist = join(PKG, "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

/** The entry chunk and everything it imports statically, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(dep, seen);
  return seen;
}
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = [...staticClosure(entryKey)].map((k) => manifest[k].file);
const initialCss = [...staticClosure(entryKey)].flatMap((k) => manifest[k].css ?? []);
const initialGzip = initial.reduce((s, f) => s + gz(f), 0);
const lazy = Object.values(manifest)
  .filter((c) => c.file.endsWith(".js") && !initial.includes(c.file))
  .map((c) => ({ file: c.file, gzip: gz(c.file) }))
  .sort((a, b) => b.gzip - a.gzip);

console.log(`bench: dashboard build (${built})`);
console.log("\ninitial JavaScript (entry + static imports), gzip -9:");
for (const f of initial) console.log(`  ${kb(gz(f)).padStart(7)} KB  ${f}`);
console.log(
  `  ${kb(initialGzip).padStart(7)} KB  total (budget ${BUDGET_KB} KB: ${initialGzip / 1024 <= BUDGET_KB ? "within" : "OVER"})`,
);
console.log(`  ${kb(initialCss.reduce((s, f) => s + gz(f), 0)).padStart(7)} KB  CSS`);
console.log("lazy chunks, gzip -9:");
for (const c of lazy) console.log(`  ${kb(c.gzip).padStart(7)} KB  ${c.file}`);

const port = await freePort();
const server = await startPreview(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One cold load (fresh context, empty cache) of `path`; returns what `measure` reads from the page. */
async function coldLoad(path, ready, measure) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(ready, undefined, { timeout: 30_000 });
  const value = await page.evaluate(measure);
  await context.close();
  return value;
}

// One warm-up of each, so the server's first-request costs do not land on run 1.
await coldLoad(
  "favicon.svg",
  () => document.readyState === "complete",
  () => 0,
);
await coldLoad(
  "",
  () => window.__firstChartFinished !== undefined,
  () => 0,
);

const baseline = [];
const firstChart = [];
const firstPaint = [];
for (let i = 0; i < runs; i++) {
  baseline.push(
    await coldLoad(
      "favicon.svg",
      () => performance.getEntriesByType("navigation")[0]?.loadEventEnd > 0,
      () => performance.getEntriesByType("navigation")[0].loadEventEnd,
    ),
  );
  const r = await coldLoad(
    "",
    () => window.__firstChartFinished !== undefined,
    () => ({
      chart: window.__firstChartFinished,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    }),
  );
  firstChart.push(r.chart);
  firstPaint.push(r.fcp);
}
/** What a traced event's thread time is spent on, by its name (nested events of another kind are subtracted). */
const KIND_OF = new Map([
  ["v8.evaluateModule", "evaluate"],
  ["EvaluateScript", "evaluate"],
  ["UpdateLayoutTree", "layout"],
  ["Layout", "layout"],
  ["PrePaint", "layout"],
  ["Paint", "layout"],
  ["Layerize", "layout"],
  ["FunctionCall", "script"],
  ["TimerFire", "script"],
  ["FireAnimationFrame", "script"],
  ["EventDispatch", "script"],
  ["v8.callFunction", "script"],
  ["MinorGC", "gc"],
  ["MajorGC", "gc"],
  ["V8.GC_SCAVENGER", "gc"],
  ["V8.GC_MARK_COMPACTOR", "gc"],
]);

/**
 * One traced cold load: the thread time (CPU, not wall clock) of the renderer main thread's
 * tasks until the first chart has finished, split by what the time went to. A task's time is
 * given to the innermost classified event it was spent in (a layout forced by a script is
 * layout, a module evaluated inside a task is evaluation), the rest of it to "other" (parsing
 * HTML, loading, IPC).
 */
async function tracedLoad() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "v8.execute"] });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__firstChartFinished !== undefined, undefined, { timeout: 30_000 });
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const main = traceEvents.find(
    (e) =>
      e.name === "thread_name" &&
      e.args?.name === "CrRendererMain" &&
      traceEvents.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "TimerFire"),
  );
  if (!main) return undefined;
  const events = traceEvents
    .filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const split = { evaluate: 0, layout: 0, script: 0, gc: 0, other: 0 };
  let total = 0;
  // Walk the events as a tree (by nesting of their wall-clock spans): each event's own thread
  // time (its tdur less its children's) goes to its kind, or to the nearest classified ancestor's.
  const stack = [];
  const close = (upTo) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= upTo) {
      const n = stack.pop();
      const own = Math.max(0, n.e.tdur - n.children) / 1000;
      split[n.kind] += own;
      if (stack.length === 0) total += n.e.tdur / 1000;
      else stack[stack.length - 1].children += n.e.tdur;
    }
  };
  for (const e of events) {
    close(e.ts);
    const parentKind = stack[stack.length - 1]?.kind ?? "other";
    stack.push({ e, end: e.ts + e.dur, children: 0, kind: KIND_OF.get(e.name) ?? parentKind });
  }
  close(Number.POSITIVE_INFINITY);
  return { total, split };
}
const traced = [];
for (let i = 0; i < Math.min(runs, 3); i++) {
  const t = await tracedLoad();
  if (t) traced.push(t);
}

await browser.close();
await server.stop();

const mChart = median(firstChart);
const mBase = median(baseline);
const mFcp = median(firstPaint);
console.log(`\ntimings on vite preview, headless Chromium, median of ${runs} cold loads:`);
console.log(`  ${mBase.toFixed(0).padStart(6)} ms  baseline: navigation → load of /favicon.svg`);
console.log(`  ${mFcp.toFixed(0).padStart(6)} ms  navigation → first contentful paint (overview)`);
console.log(
  `  ${mChart.toFixed(0).padStart(6)} ms  navigation → first chart finished (budget ${BUDGET_MS} ms: ${mChart <= BUDGET_MS ? "within" : "OVER"})`,
);
console.log(`  ${(mChart / mBase).toFixed(1).padStart(6)} ×   first chart / baseline`);
console.log(
  `  runs: chart ${firstChart.map((x) => x.toFixed(0)).join(", ")} ms; baseline ${baseline.map((x) => x.toFixed(0)).join(", ")} ms`,
);

const cpu = traced.length > 0 ? median(traced.map((t) => t.total)) : Number.NaN;
const cpuSplit = Object.fromEntries(
  Object.keys(traced[0]?.split ?? {}).map((k) => [k, median(traced.map((t) => t.split[k]))]),
);
console.log(
  `  ${cpu.toFixed(0).padStart(6)} ms  main-thread CPU, navigation → first chart (median of ${traced.length} traced loads: ${Object.entries(
    cpuSplit,
  )
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(", ")}); the wall clock above was ${(mChart / cpu).toFixed(1)}× this`,
);

mkdirSync(join(PKG, "artifacts"), { recursive: true });
writeFileSync(
  join(PKG, "artifacts", "bench.json"),
  `${JSON.stringify(
    {
      initialGzipBytes: initialGzip,
      initialFiles: initial,
      lazy,
      runs,
      medianMs: { baseline: mBase, firstContentfulPaint: mFcp, firstChartFinished: mChart },
      ratio: mChart / mBase,
      mainThreadCpuMs: { firstChart: cpu, split: cpuSplit, samples: traced.map((t) => t.total) },
      samples: { baseline, firstChart, firstPaint },
    },
    null,
    2,
  )}\n`,
);
