/**
 * End-to-end test of the built dashboard in a real browser (Debian's Chromium via playwright-core).
 *
 *   node e2e/run.mjs            build, serve with `vite preview` on a free port, run every check
 *   node e2e/run.mjs --no-build use the build already in dist/
 *
 * Expected figures are computed from the data package's built JSON, never written here by hand.
 * Screenshots go to artifacts/ (gitignored); a few are copied to docs/images/ with --docs-images.
 * Ends with "e2e: N passed, M failed" and exits 1 on any failure.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { haveShared, sharedPath } from "../../../scripts/shared-texts.mjs";
import {
  CHROMIUM_ARGS,
  chromiumPath,
  encodeGbk,
  ensureBuild,
  freePort,
  PKG,
  REPO,
  readCsv,
  startPreview,
} from "./lib.mjs";

const args = new Set(process.argv.slice(2));
const ARTIFACTS = join(PKG, "artifacts");
const DOC_IMAGES = join(REPO, "docs", "images");
mkdirSync(ARTIFACTS, { recursive: true });
for (const f of readdirSync(ARTIFACTS)) if (f.endsWith(".png")) rmSync(join(ARTIFACTS, f));

const require = createRequire(join(PKG, "package.json"));
try {
  require.resolve("@govreport/data/observations.csv");
  require.resolve("@govreport/schema");
} catch {
  console.error(
    "e2e: the workspace packages are not built (no @govreport/data or @govreport/schema dist).\n" +
      "Build them first, from the repository root: npx turbo run build --filter=@govreport/dashboard^...",
  );
  process.exit(2);
}
const { CATALOGUE, formatQuantity } = await import("@govreport/schema");
const dataPkg = JSON.parse(readFileSync(require.resolve("@govreport/data/package.json"), "utf8"));
const dataDir = join(require.resolve("@govreport/data/package.json"), "..");
const reportId = "zhangjiang-2023-h1";
const reportJsonPath = require.resolve(`@govreport/data/reports/${reportId}.json`);
const report = JSON.parse(readFileSync(reportJsonPath, "utf8"));
const packageCsv = readCsv(readFileSync(require.resolve("@govreport/data/observations.csv"), "utf8"));
const sourceTextPath = join(dataDir, "dist", "sources", `${reportId}.txt`);
const printed = (q) => q.printed ?? formatQuantity(q);
const indicatorOf = (id) => report.indicators.find((i) => i.id === id) ?? CATALOGUE.find((i) => i.id === id);

const results = [];
const t0 = Date.now();
const buildState = await ensureBuild({ build: !args.has("--no-build") });
const port = await freePort();
const server = await startPreview(port);
const origin = new URL(server.url).origin;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
// Reduced motion draws charts without animation, so screenshots never catch a chart mid-way.
const context = await browser.newContext({
  viewport: { width: 1280, height: 900 },
  acceptDownloads: true,
  reducedMotion: "reduce",
});

/** Every request any page makes, to prove none leaves the origin. */
const requests = [];
context.on("request", (r) => requests.push(r.url()));
await context.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
});

/** Console errors and uncaught exceptions, per page. */
function watch(page) {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const page = await context.newPage();
const problems = watch(page);

async function step(name, fn) {
  const start = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(
      `  ✗ ${name}\n      ${String(e?.stack ?? e)
        .split("\n")
        .slice(0, 6)
        .join("\n      ")}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, `failed-${name.replace(/\W+/g, "-")}.png`) }).catch(() => {});
  }
}

/** A step over shared report texts: skipped with one line when they are absent (failed under CI's rule). */
async function sharedStep(name, names, fn) {
  let present;
  try {
    present = haveShared(`e2e: ${name}`, names);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  ✗ ${name}\n      ${e.message}`);
    return;
  }
  if (present) return step(name, fn);
  results.push({ name, ok: true, skipped: true });
}

async function shot(p, name, fullPage = true) {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Opens a view and waits until its lazily loaded code has rendered it. */
async function go(hash, p = page) {
  await p.goto(`${server.url}${hash}`);
  await p.waitForSelector("main[data-view] > :not(.loading)");
}

/** Waits for every chart on the page to have fired `finished`, then reads its canvas pixels. */
async function paintedCharts(p = page) {
  await p.waitForFunction(() => {
    const els = [...document.querySelectorAll("[data-chart]")];
    return els.length > 0 && els.every((el) => el.dataset.finished === "true");
  });
  return p.evaluate(() =>
    [...document.querySelectorAll("[data-chart]")].map((el) => {
      const canvas = el.querySelector("canvas");
      const ctx = canvas?.getContext("2d");
      if (!canvas || !ctx) return { id: el.dataset.chart, colors: 0, inked: 0 };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const colors = new Set();
      let inked = 0;
      for (let i = 0; i < data.length; i += 16) {
        if (data[i + 3] === 0) continue;
        inked++;
        colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { id: el.dataset.chart, colors: colors.size, inked, width: canvas.width, height: canvas.height };
    }),
  );
}

function assertPainted(charts, where) {
  assert.ok(charts.length > 0, `${where}: no charts`);
  for (const c of charts) {
    assert.ok(
      c.inked > 200 && c.colors >= 3,
      `${where}: chart ${c.id} looks blank (${c.inked} inked samples, ${c.colors} colours)`,
    );
  }
}

function assertClean(where) {
  assert.deepEqual(problems, [], `${where}: console errors`);
}

console.log(`e2e: dashboard at ${server.url} (${buildState}), data ${dataPkg.version}, chromium ${browser.version()}`);

await step("overview loads with no console errors", async () => {
  await go("#/overview");
  await page.waitForSelector("[data-testid=headline-figure]");
  await paintedCharts();
  assertClean("overview");
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /default-src 'self'/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await shot(page, "overview");
});

await step("headline figures equal the data package's", async () => {
  await go("#/overview");
  const shown = await page.$$eval("[data-testid=headline-figure]", (els) =>
    els.map((e) => ({
      obs: e.dataset.obs,
      text: e.textContent,
      indicator: e.closest("[data-indicator]")?.dataset.indicator,
    })),
  );
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  for (const s of shown) {
    const o = byId.get(s.obs);
    assert.ok(o, `headline shows unknown observation ${s.obs}`);
    assert.equal(s.text, printed(o.quantity), `headline figure of ${s.obs}`);
    assert.equal(s.indicator, o.indicator);
  }
  const expected = new Set(
    report.observations.filter((o) => indicatorOf(o.indicator)?.headline).map((o) => o.indicator),
  );
  assert.deepEqual(new Set(shown.map((s) => s.indicator)), expected, "the headline indicators the report has");
  const tax = report.observations.find((o) => o.indicator === "tax_revenue" && o.comparison?.baseline);
  if (tax) {
    const change = await page.$eval(`[data-obs="${tax.id}"] ~ [data-testid=headline-change]`, (e) => e.textContent);
    assert.ok(change.includes(printed(tax.comparison.baseline.quantity)), `tax card shows the baseline: ${change}`);
    // "n more" opens the explorer on exactly that indicator's observations.
    await page.click('[data-indicator="tax_revenue"] a.more');
    await page.waitForSelector("[data-testid=indicator-filter]");
    const rows = await page.$$eval("tbody tr[data-obs]", (els) => els.map((e) => e.dataset.obs));
    assert.deepEqual(
      rows,
      report.observations.filter((o) => o.indicator === "tax_revenue").map((o) => o.id),
    );
  }
});

await step("charts are painted in every category", async () => {
  await go("#/categories");
  const cats = await page.$$eval("[data-category]", (els) => els.map((e) => e.dataset.category));
  assert.ok(cats.length >= 3, `categories: ${cats}`);
  const kinds = new Set();
  for (const cat of cats) {
    await go(`#/categories?cat=${cat}`);
    const charts = await page.$$("[data-chart]");
    if (charts.length === 0) continue;
    const painted = await paintedCharts();
    assertPainted(painted, cat);
    for (const c of painted) kinds.add(c.id.split("-")[1]);
    await shot(page, `categories-${cat}`);
  }
  assert.ok(kinds.size >= 3, `chart kinds used: ${[...kinds]}`);
  assertClean("categories");
});

await step("chart data table lists the charted figures", async () => {
  await go("#/categories?cat=governance");
  await paintedCharts();
  const card = page.locator(".chart-card").first();
  await card.getByRole("button", { name: "数据表" }).click();
  const cells = await card.locator("tbody tr td:first-child").allTextContents();
  assert.ok(cells.length > 0, "table rows");
});

await step("language switch", async () => {
  await go("#/overview");
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(page.url(), /lang=en/);
  assert.equal(await page.textContent('nav.tabs a[data-view="overview"]'), "Overview");
  const tax = indicatorOf("tax_revenue");
  const names = await page.$$eval(".card h3", (els) => els.map((e) => e.textContent));
  assert.ok(names.includes(tax.name.en), `English indicator names: ${names.join(", ")}`);
  await paintedCharts();
  await shot(page, "overview-en");
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.equal(await page.textContent('nav.tabs a[data-view="overview"]'), "概览");
});

await step("explorer filters and downloads the rows shown as CSV", async () => {
  await go("#/explorer");
  const total = await page.locator("tbody tr[data-obs]").count();
  assert.equal(total, report.observations.length);
  await page.selectOption("select[name=role]", "target");
  await page.selectOption("select[name=cat]", "economy");
  const expected = report.observations
    .filter((o) => o.role === "target" && indicatorOf(o.indicator)?.category === "economy")
    .map((o) => o.id);
  const shownIds = await page.$$eval("tbody tr[data-obs]", (els) => els.map((e) => e.dataset.obs));
  assert.deepEqual(shownIds, expected);
  assert.match(page.url(), /role=target/);
  await shot(page, "explorer");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=download-csv]")]);
  const file = join(tmpdir(), `govreport-e2e-${process.pid}.csv`);
  await download.saveAs(file);
  const rows = readCsv(readFileSync(file, "utf8"));
  assert.deepEqual(rows[0], packageCsv[0], "CSV columns are the data package's");
  const idCol = rows[0].indexOf("observation_id");
  assert.deepEqual(
    rows.slice(1).map((r) => r[idCol]),
    shownIds,
  );
  for (const r of rows.slice(1)) {
    const same = packageCsv.find((p) => p[0] === reportId && p[idCol] === r[idCol]);
    assert.deepEqual(r, same, `row ${r[idCol]} equals observations.csv`);
  }
  // Free-text search narrows further and is kept in the link.
  await page.selectOption("select[name=role]", "");
  await page.selectOption("select[name=cat]", "");
  await page.fill("input[name=q]", "满意率");
  const searched = await page.$$eval("tbody tr[data-obs]", (els) => els.map((e) => e.dataset.obs));
  assert.ok(searched.length > 0 && searched.length < total, `search rows: ${searched.length}`);
  assert.match(decodeURIComponent(page.url()), /q=满意率/);
});

await step("number → observation → explorer → back to the text", async () => {
  const obs = report.observations.find((o) => o.indicator === "tax_revenue") ?? report.observations[0];
  await go("#/source");
  const mark = page.locator(`mark button[data-main~="${obs.id}"]`);
  assert.equal(await mark.textContent(), printed(obs.quantity), "the marked figure is the printed figure");
  await mark.click();
  await page.waitForSelector(`[data-testid=obs-panel][data-obs="${obs.id}"]`);
  assert.match(page.url(), new RegExp(`obs=${obs.id}`));
  const markCount = await page.locator("mark button[data-main]").count();
  assert.ok(
    markCount >= report.observations.length * 0.9,
    `${markCount} marks for ${report.observations.length} observations`,
  );
  await shot(page, "source", false);
  await page.click("[data-testid=obs-panel] a");
  await page.waitForSelector(`tr.selected[data-obs="${obs.id}"]`);
  await page.click(`tr[data-obs="${obs.id}"] .quote button`);
  await page.waitForSelector(`mark.current button[data-main~="${obs.id}"]`);
  // From a headline card…
  await go("#/overview");
  await page.click(`.card-value:has([data-obs="${obs.id}"]) button`);
  await page.waitForSelector(`mark.current button[data-main~="${obs.id}"]`);
  // …and from a bar of a chart (a real click on the canvas).
  await go("#/overview");
  await paintedCharts();
  const el = page.locator("[data-chart]").first();
  const id = await el.getAttribute("data-chart");
  const center = await page.evaluate((cid) => window.__charts?.[cid]?.itemCenter?.(1, 0), id);
  assert.ok(center, "chart item position");
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  await page.mouse.click(box.x + center.x, box.y + center.y);
  await page.waitForSelector("[data-testid=obs-panel]");
  const opened = await page.getAttribute("[data-testid=obs-panel]", "data-obs");
  assert.ok(
    report.observations.some((o) => o.id === opened),
    `chart click opened ${opened}`,
  );
  assertClean("source");
});

await step("checks list every finding with its explanation", async () => {
  await go("#/checks");
  const shown = await page.locator("[data-testid=finding]").count();
  assert.ok(shown >= report.acknowledged.length, `${shown} findings, ${report.acknowledged.length} acknowledged`);
  const acknowledged = await page.locator("[data-testid=finding].acknowledged .explanation").count();
  assert.ok(acknowledged >= report.acknowledged.length, "each acknowledged finding shows its explanation");
  await shot(page, "checks");
});

await step("load a valid report file with its source text", async () => {
  await go("#/load");
  await page.setInputFiles("[data-testid=file-input]", [reportJsonPath, sourceTextPath]);
  await page.waitForSelector("[data-testid=load-ok]");
  await page.click("[data-testid=open-local]");
  await page.waitForSelector("[data-testid=headline-figure]");
  assert.match(page.url(), /report=local/);
  assert.equal(await page.textContent("#report-title"), report.title.zh);
  const verdict = await page.textContent("[data-testid=checks-verdict]");
  assert.ok(verdict.includes("无未说明的错误"), verdict);
  await go("#/source?report=local");
  assert.ok((await page.locator("mark button").count()) > 0, "the loaded text is annotated");
  assertClean("load valid");
});

await step("an invalid report file shows its errors with JSON paths", async () => {
  const bad = structuredClone(report);
  delete bad.period;
  bad.observations[0].role = "wish";
  bad.observations[1].quantity.value = "many";
  await go("#/load");
  await page.setInputFiles("[data-testid=file-input]", {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bad, null, 2)),
  });
  await page.waitForSelector("[data-testid=load-error]");
  const paths = await page.$$eval("[data-testid=issue-path]", (els) => els.map((e) => e.textContent));
  for (const p of ["$.period", "$.observations[0].role", "$.observations[1].quantity.value"]) {
    assert.ok(paths.includes(p), `error paths ${paths.join(", ")} include ${p}`);
  }
  await shot(page, "load-invalid");
  await page.setInputFiles("[data-testid=file-input]", {
    name: "broken.yaml",
    mimeType: "text/yaml",
    buffer: Buffer.from("id: x\ntitle: { zh: a, en: b\nperiod: 2023\n"),
  });
  await page.waitForSelector("[data-testid=load-error] code");
  const where = await page.textContent("[data-testid=load-error] code");
  assert.match(where, /^broken\.yaml:\d+:\d+$/);
  await shot(page, "load-invalid-yaml");
});

await sharedStep(
  "a raw report text is extracted in the browser (UTF-8 and GBK)",
  ["hailaer_2013_annual.txt"],
  async () => {
    const file = sharedPath("hailaer_2013_annual.txt");
    await go("#/load");
    await page.setInputFiles("[data-testid=file-input]", file);
    await page.waitForSelector("[data-testid=load-ok]", { timeout: 30_000 });
    const text = await page.textContent("[data-testid=load-messages]");
    const utf8Count = Number(/提取了 (\d+)/.exec(text)?.[1]);
    assert.match(text, /UTF-8/);
    assert.ok(utf8Count > 10, `extracted ${utf8Count} observations: ${text}`);
    await shot(page, "load-text");
    await page.click("[data-testid=open-local]");
    await page.waitForSelector("#report-title");
    await go("#/source?report=local");
    assert.ok((await page.locator("mark button").count()) > 10, "the extracted figures are marked in the text");
    // The other views take the extracted draft too.
    await go("#/categories?report=local");
    if ((await page.locator("[data-chart]").count()) > 0) assertPainted(await paintedCharts(), "local categories");
    await shot(page, "local-categories");
    await go("#/checks?report=local");
    await shot(page, "local-checks");
    await go("#/explorer?report=local");
    assert.ok(
      (await page.locator("tbody tr[data-obs]").count()) === utf8Count,
      "explorer lists every extracted observation",
    );
    // The same report in GBK, as it was originally published.
    await go("#/load");
    await page.setInputFiles("[data-testid=file-input]", {
      name: "hailaer_2013_gbk.txt",
      mimeType: "text/plain",
      buffer: encodeGbk(readFileSync(file, "utf8")),
    });
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=load-messages]")?.textContent.includes("GB18030"),
    );
    await page.waitForSelector("[data-testid=load-ok]", { timeout: 30_000 });
    const gbk = await page.textContent("[data-testid=load-messages]");
    assert.equal(
      Number(/提取了 (\d+)/.exec(gbk)?.[1]),
      Number(/提取了 (\d+)/.exec(text)?.[1]),
      "same extraction from GBK",
    );
    assertClean("load text");
  },
);

await step("usable at phone width (375 px)", async () => {
  const phone = await context.newPage();
  const phoneProblems = watch(phone);
  await phone.setViewportSize({ width: 375, height: 812 });
  for (const [hash, name] of [
    ["#/overview", "phone-overview"],
    ["#/categories?cat=governance", "phone-categories"],
    ["#/explorer", "phone-explorer"],
    [`#/source?obs=${report.observations[0].id}`, "phone-source"],
  ]) {
    await go(hash, phone);
    if (await phone.locator("[data-chart]").count()) assertPainted(await paintedCharts(phone), name);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${name}: page is ${overflow}px wider than the screen`);
    await shot(phone, name, !name.includes("source"));
  }
  assert.deepEqual(phoneProblems, []);
  await phone.close();
});

await step("no request leaves the origin", async () => {
  const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
  assert.deepEqual(outside, []);
  assert.ok(requests.length > 5, `recorded ${requests.length} requests`);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});

await browser.close();
await server.stop();

if (args.has("--docs-images")) {
  mkdirSync(DOC_IMAGES, { recursive: true });
  for (const n of [
    "overview",
    "overview-en",
    "categories-urban_development",
    "categories-governance",
    "explorer",
    "source",
    "checks",
    "load-invalid",
    "load-text",
    "phone-overview",
    "phone-source",
  ]) {
    try {
      copyFileSync(join(ARTIFACTS, `${n}.png`), join(DOC_IMAGES, `dashboard-${n}.png`));
    } catch {
      // a failed step left no screenshot; the summary already says so
    }
  }
}

const skipped = results.filter((r) => r.skipped).length;
const passed = results.filter((r) => r.ok && !r.skipped).length;
const failed = results.filter((r) => !r.ok).length;
writeFileSync(
  join(ARTIFACTS, "e2e-summary.json"),
  JSON.stringify(
    {
      passed,
      failed,
      seconds: (Date.now() - t0) / 1000,
      results: results.map((r) => ({ name: r.name, ok: r.ok, error: r.ok ? undefined : String(r.error) })),
    },
    null,
    2,
  ),
);
console.log(
  `\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
);
process.exit(failed === 0 ? 0 : 1);
