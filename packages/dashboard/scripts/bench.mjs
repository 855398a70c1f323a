/**
 * Dashboard budgets, measured (figures printed, nothing asserted):
 *
 * 1. Initial JavaScript, gzip: the entry chunk and its static imports, from the Vite manifest
 *    (aim ≤ 250 KB). Lazy chunks are listed for reference.
 * 2. Navigation → the first chart's `finished` event, on `vite preview` in headless Chromium
 *    (aim ≤ 1.5 s), the median of several cold loads; with a baseline measured in the same run:
 *    navigation → load of a trivial file (favicon.svg) from the same server, and the ratio.
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
      samples: { baseline, firstChart, firstPaint },
    },
    null,
    2,
  )}\n`,
);
