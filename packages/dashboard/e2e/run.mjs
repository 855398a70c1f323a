/**
 * End-to-end test of the built dashboard in a real browser (Debian's Chromium via playwright-core).
 *
 *   node e2e/run.mjs            build, serve with `vite preview` on a free port, run every check
 *   node e2e/run.mjs --no-build use the build already in dist/
 *   node e2e/run.mjs --only=TEXT run only the steps whose name contains TEXT (while working on them)
 *
 * Expected figures are computed from the data package's built JSON, never written here by hand.
 * Screenshots go to artifacts/ (gitignored); a few are copied to docs/images/ with --docs-images.
 * Ends with "e2e: N passed, M failed" and exits 1 on any failure.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { haveShared, sharedPath } from "../../../scripts/shared-texts.mjs";
import {
  CHROMIUM_ARGS,
  chromiumPath,
  encodeGbk,
  ensureBuild,
  freePort,
  mainThreadTasks,
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
const { CATALOGUE, formatQuantity, resolveUnit, convert, UNITS, coverageLine } = await import("@govreport/schema");
const { getChecks } = await import("@govreport/data");
const { extractReportAsync } = await import("@govreport/extract");
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
  // The longest task the page runs, for the responsiveness checks (Chromium reports tasks > 50 ms).
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no longtask support: the check below then fails for want of an observer, not silently
    window.__longTasks = null;
  }
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

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);

async function step(name, fn) {
  if (only !== undefined && !name.includes(only)) return;
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
  if (only === undefined || name.includes(only)) results.push({ name, ok: true, skipped: true });
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
    const change = await page.$eval(
      `.card-value:has([data-obs="${tax.id}"]) [data-testid=headline-change]`,
      (e) => e.textContent,
    );
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
  await page.click(`.card-value:has([data-obs="${obs.id}"]) [data-testid=see-in-text]`);
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

/**
 * The checks view's coverage against what the checker (or the CLI) says: the line word for word,
 * then one item per relation with its kind, verdict, arithmetic, and each figure with its quote,
 * opened by keyboard (Enter on its summary).
 */
async function assertCoverage(p, relations, line, where, { fresh = true } = {}) {
  assert.equal((await p.textContent("[data-testid=coverage-line]")).trim(), line, `${where}: coverage line`);
  const items = p.locator("[data-testid=relation]");
  assert.equal(await items.count(), relations.length, `${where}: one item per relation checked`);
  const unmatched = [...relations];
  for (let i = 0; i < relations.length; i++) {
    const item = items.nth(i);
    const kind = await item.getAttribute("data-kind");
    const verdict = await item.getAttribute("data-verdict");
    const details = item.locator("details");
    // Inconsistencies are open; the others open from the keyboard (items opened before stay open).
    if (fresh) assert.equal(await details.evaluate((d) => d.open), verdict === "inconsistent", `${where}: item ${i}`);
    if (!(await details.evaluate((d) => d.open))) {
      await item.locator("summary").focus();
      await p.keyboard.press("Enter");
      assert.ok(await details.evaluate((d) => d.open), `${where}: Enter opens item ${i}`);
    }
    const arithmetic = (await item.locator("[data-testid=relation-arithmetic]").textContent()).trim();
    const stated = (await item.locator(".stated b").textContent()).trim();
    const figures = await item.locator("[data-testid=relation-figure]").evaluateAll((els) =>
      els.map((e) => ({
        printed: e.querySelector("b")?.textContent,
        quote: e.querySelector("q")?.textContent,
        visible: e.getClientRects().length > 0,
      })),
    );
    assert.ok(figures.length > 0 && figures.every((f) => f.visible), `${where}: item ${i} shows its figures`);
    // The checker's relation with this kind, verdict, arithmetic, stated figure, figures and quotes.
    const k = unmatched.findIndex(
      (r) =>
        r.kind === kind &&
        r.verdict === verdict &&
        r.arithmetic === arithmetic &&
        r.stated === stated &&
        JSON.stringify(r.figures.map((f) => [f.printed, f.quote])) ===
          JSON.stringify(figures.map((f) => [f.printed, f.quote])),
    );
    assert.ok(k >= 0, `${where}: item ${i} (${kind} ${verdict} ${arithmetic}) is a relation the checker checked`);
    unmatched.splice(k, 1);
  }
  assert.deepEqual(unmatched, [], `${where}: every relation checked is listed`);
}

await step(
  "checks view: the coverage line and every relation checked, with figures, quotes, arithmetic and verdict",
  async () => {
    const { coverage } = getChecks(reportId);
    for (const lang of ["zh", "en"]) {
      await go(`#/checks${lang === "en" ? "?lang=en" : ""}`);
      await page.reload(); // a hash change keeps the items opened in the other language open
      await page.waitForSelector("[data-testid=coverage-line]");
      await assertCoverage(page, coverage.relations, coverageLine(coverage, lang), `shipped ${lang}`);
    }
    assert.ok(coverage.relations.length > 0, "the shipped report has relations checked");
    // A figure's button opens it in the source text.
    const first = coverage.relations.find((r) => r.verdict === "inconsistent") ?? coverage.relations[0];
    await go("#/checks");
    await page
      .locator("[data-testid=relation]")
      .first()
      .locator("[data-testid=relation-figure] button")
      .first()
      .click();
    await page.waitForSelector("main[data-view=source]");
    assert.match(page.url(), new RegExp(`obs=${first.figures[0].observation}`));
    assertClean("checks coverage");
  },
);

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
  "checks view of a shared raw text (Hailaer 2016): the same coverage as `govreport check`",
  ["hailaer_2016_annual.txt"],
  async () => {
    const file = sharedPath("hailaer_2016_annual.txt");
    const cli = join(REPO, "packages", "cli", "dist", "govreport.cjs");
    assert.ok(existsSync(cli), `the CLI is not built (${cli}): pnpm build`);
    const run = (lang) =>
      JSON.parse(execFileSync(process.execPath, [cli, "check", "--json", "--lang", lang, file], { encoding: "utf8" }));
    await go("#/load");
    await page.setInputFiles("[data-testid=file-input]", file);
    await page.waitForSelector("[data-testid=load-ok]", { timeout: 30_000 });
    await page.click("[data-testid=open-local]");
    await page.waitForSelector("#report-title");
    for (const lang of ["zh", "en"]) {
      const cliOut = run(lang);
      assert.ok(cliOut.relations.length > 10, `the CLI checked ${cliOut.relations.length} relations`);
      await go(`#/checks?report=local${lang === "en" ? "&lang=en" : ""}`);
      await page.waitForSelector("[data-testid=coverage-line]");
      await assertCoverage(page, cliOut.relations, cliOut.coverage.line, `Hailaer 2016 ${lang}`, {
        fresh: lang === "zh",
      });
    }
    // A relation read but not checked says why.
    const skipped = page.locator("[data-testid=relation][data-verdict=not_checked]");
    if ((await skipped.count()) > 0) assert.ok((await skipped.first().textContent()).includes("Why not checked"));
    await shot(page, "local-checks-coverage");
    assertClean("checks coverage of a raw text");
  },
);

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
    assert.equal(
      await page.textContent("[data-testid=row-count]"),
      `显示 ${utf8Count} / ${utf8Count} 条`,
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

const checks = getChecks(reportId);
const findingsOf = (id) => checks.findings.filter((f) => f.observations.includes(id));

await step(
  "findings are shown on the figure: cards, explorer rows, chart tables, with their text on focus",
  async () => {
    await go("#/overview");
    const shown = await page.$$eval("[data-testid=headline-figure]", (els) => els.map((e) => e.dataset.obs));
    let flagged = 0;
    for (const id of shown) {
      const badge = page.locator(`.card-value:has([data-obs="${id}"]) [data-testid=finding-badge]`);
      const expected = findingsOf(id).length;
      assert.equal(await badge.count(), expected > 0 ? 1 : 0, `badge on the card of ${id}`);
      if (expected === 0) continue;
      flagged++;
      assert.equal((await badge.locator("button").textContent()).replace(/\D/g, ""), String(expected));
      // Its text appears on keyboard focus, and is the badge's accessible description.
      await badge.locator("button").focus();
      const tip = badge.locator("[role=tooltip]");
      assert.ok(await tip.isVisible(), `the finding's text shows on focus (${id})`);
      assert.ok((await tip.textContent()).includes(findingsOf(id)[0].message.zh));
    }
    assert.ok(flagged > 0, "some headline figure has a finding (the tax card's 6.39亿元)");
    const taxObs = report.observations.find((o) => o.indicator === "tax_revenue" && o.comparison?.change);
    assert.ok(findingsOf(taxObs.id).length > 0, "the data records a finding on the tax figure");
    // Explorer rows: exactly the observations with findings carry a badge.
    await go("#/explorer");
    const rowsWithBadge = await page.$$eval("tr[data-obs]:has([data-testid=finding-badge])", (els) =>
      els.map((e) => e.dataset.obs),
    );
    const expectedRows = report.observations.filter((o) => findingsOf(o.id).length > 0).map((o) => o.id);
    assert.deepEqual(rowsWithBadge, expectedRows);
    // A chart's data table marks its flagged figures.
    let tableBadges = 0;
    await go("#/categories");
    for (const cat of await page.$$eval("[data-category]", (els) => els.map((e) => e.dataset.category))) {
      await go(`#/categories?cat=${cat}`);
      for (const b of await page.locator(".chart-card figcaption button[aria-controls]").all()) await b.click();
      tableBadges += await page.locator(".chart-card table [data-testid=finding-badge]").count();
    }
    assert.ok(tableBadges > 0, "chart tables mark figures with findings");
  },
);

await step("the checks summary counts explained findings, and notes carry no red badge", async () => {
  await go("#/checks");
  for (const sev of ["error", "warning", "info"]) {
    const li = page.locator(`[data-testid=checks-counts] li[data-severity=${sev}]`);
    const all = checks.findings.filter((f) => f.severity === sev);
    assert.equal(Number(await li.getAttribute("data-open")), all.filter((f) => !f.acknowledged).length, sev);
    assert.equal(Number(await li.getAttribute("data-explained")), all.filter((f) => f.acknowledged).length, sev);
    assert.equal(Number(await li.locator("b").textContent()), all.length, `${sev} total`);
  }
  assert.equal(await page.locator("[data-testid=finding].sev-info .badge.unack").count(), 0);
});

await step("a loaded file never passes for a shipped report, even with its id, title and SHA", async () => {
  await go("#/load");
  // The shipped report's own data, id, title and SHA-256 unchanged, loaded as a local file.
  await page.setInputFiles("[data-testid=file-input]", reportJsonPath);
  await page.waitForSelector("[data-testid=load-ok]");
  await page.click("[data-testid=open-local]");
  await page.waitForSelector("[data-testid=local-banner]");
  assert.equal(await page.getAttribute("[data-testid=local-banner]", "data-origin"), "file");
  assert.ok(await page.isVisible("[data-testid=mimic-warning]"));
  assert.ok(!(await page.textContent("[data-testid=checks-verdict]")).includes("✓"), "no green tick");
  for (const view of ["categories", "explorer", "checks"]) {
    await go(`#/${view}?report=local`);
    assert.ok(await page.isVisible("[data-testid=local-banner]"), `banner on ${view}`);
  }
  await go("#/overview");
  assert.equal(await page.locator("[data-testid=local-banner]").count(), 0, "no banner on the shipped report");
});

await step("?report=unknown-id says so instead of showing another report", async () => {
  await go("#/overview?report=no-such-report");
  assert.ok((await page.textContent("[data-testid=unknown-report]")).includes("no-such-report"));
  assert.equal(await page.locator("[data-testid=headline-figure]").count(), 0);
});

await step("sorting by value uses the value in base units", async () => {
  await go("#/explorer?sort=value&dir=desc");
  const ids = await page.$$eval("tbody tr[data-obs]", (els) => els.map((e) => e.dataset.obs));
  const base = (o) => {
    const def = resolveUnit(o.quantity.unit, report.units ?? []);
    return def ? convert(o.quantity.value, o.quantity.unit, def.base, report.units ?? []) : o.quantity.value;
  };
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const values = ids.map((id) => base(byId.get(id)));
  for (let i = 1; i < values.length; i++) assert.ok(values[i - 1] >= values[i], `row ${i}: ${ids[i - 1]} ≥ ${ids[i]}`);
});

await step("English mode gives English units beside the printed Chinese", async () => {
  await go("#/overview?lang=en");
  const tax = report.observations.find((o) => o.indicator === "tax_revenue" && o.role === "actual");
  const en = await page.textContent(`.card-value:has([data-obs="${tax.id}"]) [data-testid=figure-en]`);
  assert.match(en, /100 million yuan/);
  assert.equal(await page.textContent(`[data-obs="${tax.id}"]`), printed(tax.quantity), "the printed figure stays");
  await go("#/explorer?lang=en");
  assert.ok((await page.locator("td.num .figure-en").count()) > 0, "explorer rows carry English units");
});

/**
 * What may stay Chinese on an English chart: the figures as printed (or computed and written like
 * them: 33.22亿元), the subjects the report names (the catalogue has English names for
 * indicators, not for subjects), and the names of a draft's own indicators that have no English
 * ("Draft indicator: 高新技术产业增加值增速": the extractor names a series by its subject's core,
 * which is not always a subject as printed). Nothing else: no catalogue indicator name, period or
 * UI text in Chinese.
 */
function assertEnglishChartTexts(drawn, rep, where) {
  const untranslated = (rep.indicators ?? []).filter((i) => i.name.en.includes(i.name.zh)).map((i) => i.name.zh);
  const asPrinted = [
    ...new Set(
      [...rep.observations.flatMap((o) => [printed(o.quantity), o.subject ?? ""]), ...untranslated].filter(Boolean),
    ),
  ].sort((a, b) => b.length - a.length);
  const units = [...UNITS.keys(), ...(rep.units ?? []).map((u) => u.id)].sort((a, b) => b.length - a.length);
  const figure = new RegExp(`\\d(?:${units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gu");
  for (const [id, text] of drawn) {
    let rest = text;
    for (const p of asPrinted) rest = rest.split(p).join("");
    rest = rest.replace(figure, "");
    // A label wrapped over lines or cut to its bar ("…") is drawn in pieces: each Chinese piece
    // must then be part of a subject or a printed figure.
    for (const piece of rest.match(/[\u3400-\u9fff][^\sA-Za-z()（）.…]*/gu) ?? []) {
      assert.ok(
        asPrinted.some((p) => p.includes(piece)),
        `${where}/${id}: untranslated text on the English chart: ${text} (${piece})`,
      );
    }
  }
}

/** Every text the charts on the page drew, with the chart's id. */
const drawnTexts = (p) =>
  p.evaluate(() =>
    Object.entries(window.__charts ?? {}).flatMap(([id, c]) => (c.textBoxes?.() ?? []).map((b) => [id, b.text])),
  );

await step("English charts: every label drawn is English, except figures and subjects as printed", async () => {
  await go("#/categories?lang=en");
  const cats = await page.$$eval("[data-category]", (els) => els.map((e) => e.dataset.category));
  let texts = 0;
  for (const cat of cats) {
    await go(`#/categories?cat=${cat}&lang=en`);
    if ((await page.locator("[data-chart]").count()) === 0) continue;
    await paintedCharts();
    const drawn = await drawnTexts(page);
    texts += drawn.length;
    assertEnglishChartTexts(drawn, report, cat);
  }
  assert.ok(texts > 0, "charts drew texts");
});

await step("keyboard: skip link, panel focus and Escape, no hidden file-input stop, export by key", async () => {
  // A fresh document, so that Tab starts from the top (a hash change keeps the old focus).
  await page.goto("about:blank");
  await go("#/overview");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  // Source view: opening a figure moves focus into its panel; Escape closes it and returns focus.
  const obs = report.observations.find((o) => o.indicator === "tax_revenue");
  await go("#/source");
  const mark = page.locator(`mark button[data-main~="${obs.id}"]`);
  await mark.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector(`[data-testid=obs-panel][data-obs="${obs.id}"]`);
  await page.waitForFunction(() => document.activeElement?.closest("[data-testid=obs-panel]"));
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid=obs-panel]", { state: "detached" });
  await page.waitForFunction((id) => document.activeElement?.dataset?.main?.split(" ").includes(id), obs.id);
  // The load view: Tab never lands on the file input; the visible button opens it.
  await go("#/load");
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    const type = await page.evaluate(() => document.activeElement?.getAttribute("type"));
    assert.notEqual(type, "file", `Tab ${i + 1} landed on the hidden file input`);
  }
  // A chart's PNG and CSV by keyboard alone.
  await go("#/categories?cat=governance");
  await paintedCharts();
  const card = page.locator(".chart-card").first();
  const title = await card.locator("h3").textContent();
  await card.locator("[data-action=png]").focus();
  const [png] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const pngFile = join(tmpdir(), `govreport-e2e-${process.pid}.png`);
  await png.saveAs(pngFile);
  const bytes = readFileSync(pngFile);
  assert.equal(bytes.subarray(1, 4).toString(), "PNG");
  const pngWidth = bytes.readUInt32BE(16);
  const pngHeight = bytes.readUInt32BE(20);
  const box = await card.locator("[data-chart]").boundingBox();
  // Title above and source line below: the image is taller than the chart (at 2× pixels).
  assert.ok(pngHeight > box.height * 2 + 40, `PNG ${pngWidth}×${pngHeight} for a chart ${box.width}×${box.height}`);
  await card.locator("[data-action=csv]").focus();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const csvFile = join(tmpdir(), `govreport-e2e-${process.pid}-chart.csv`);
  await csv.saveAs(csvFile);
  const rows = readCsv(readFileSync(csvFile, "utf8"));
  await card.getByRole("button", { name: "数据表" }).click();
  const tableRows = await card.locator("tbody tr").count();
  assert.equal(rows.length - 1, tableRows, "CSV rows = the chart's data table rows");
  assert.ok(rows[0].includes("observation_id"));
  assert.ok(title.length > 0);
});

await step("cite this and copy link give the report, place, date, quote and the chart's URL", async () => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await go("#/categories?cat=economy");
  await paintedCharts();
  const card = page.locator(".chart-card").first();
  const id = await card.getAttribute("id");
  await card.locator("[data-action=cite]").click();
  const cite = await card.locator("[data-testid=cite-text]").textContent();
  assert.ok(cite.includes(report.title.zh), cite);
  assert.ok(cite.includes(report.jurisdiction.name.zh), cite);
  assert.ok(cite.includes(`chart=${id}`), cite);
  assert.ok(
    report.observations.some((o) => cite.includes(o.source.quote)),
    "cites a quote",
  );
  await card.locator("[data-action=copy-link]").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, new RegExp(`chart=${id}`));
  await page.goto(link);
  await page.waitForFunction((cid) => document.activeElement?.id === cid, id);
  // A card too.
  await go("#/overview");
  await page.locator("[data-testid=card-share] [data-action=cite]").first().click();
  const cardCite = await page.locator("[data-testid=card-share] [data-testid=cite-text]").first().textContent();
  assert.ok(cardCite.includes(report.title.zh) && cardCite.includes("#/explorer?"), cardCite);
});

await step("inputs beyond the limits get a clear message, and long tables render only a page of rows", async () => {
  await go("#/load");
  // A deeply nested YAML (it used to overflow the parser's stack after 7 s of freeze).
  await page.setInputFiles("[data-testid=file-input]", {
    name: "deep.yaml",
    mimeType: "text/yaml",
    buffer: Buffer.from(`id: x\nobservations: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`),
  });
  await page.waitForSelector("[data-testid=load-error][data-limit=depth]", { timeout: 10_000 });
  assert.match(await page.textContent("[data-testid=load-error]"), /deep\.yaml:2/);
  // A text over the stated size.
  await page.setInputFiles("[data-testid=file-input]", {
    name: "huge.txt",
    mimeType: "text/plain",
    buffer: Buffer.alloc(5 * 1024 * 1024, "一二三。"),
  });
  await page.waitForSelector("[data-testid=load-error][data-limit=textBytes]", { timeout: 10_000 });
  // A string over the limit.
  const long = structuredClone(report);
  long.observations[0].notes = "x".repeat(100_001);
  await page.setInputFiles("[data-testid=file-input]", {
    name: "long.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(long)),
  });
  await page.waitForSelector("[data-testid=load-error][data-limit=stringChars]", { timeout: 10_000 });
  assert.match(await page.textContent("[data-testid=load-error]"), /\$\.observations\[0\]\.notes/);
  // 5,320 observations: the explorer renders a page of them and says how many there are.
  const many = structuredClone(report);
  many.observations = Array.from({ length: 28 }, (_, k) =>
    report.observations.map((o) => ({ ...o, id: `${o.id}-${k}` })),
  ).flat();
  many.relations = [];
  many.acknowledged = [];
  await page.setInputFiles("[data-testid=file-input]", {
    name: "many.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(many)),
  });
  await page.waitForSelector("[data-testid=load-ok]", { timeout: 60_000 });
  await page.click("[data-testid=open-local]");
  await go("#/explorer?report=local");
  const rendered = await page.locator("tbody tr[data-obs]").count();
  assert.ok(rendered <= 200, `${rendered} rows rendered`);
  assert.match(await page.textContent("[data-testid=row-count]"), new RegExp(`${many.observations.length}`));
  await page.locator("[data-testid=more-rows]").scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelectorAll("tbody tr[data-obs]").length > n, rendered);
});

await sharedStep(
  "a shared raw text (Hebei 2024): draft banner, no unlike pairs, English chart labels, longest task under 200 ms",
  ["hebei_2024_annual.txt"],
  async () => {
    const p = await context.newPage();
    const pProblems = watch(p);
    await go("#/load", p);
    // From the moment the text is chosen (the page's own start-up is the first-chart budget's business).
    const since = await p.evaluate(() => performance.now());
    // The page's own main-thread time per task, from a trace: the Long Tasks API's durations are
    // wall clock, which on this shared 2-core machine is 3–6× the page's CPU time (other
    // processes hold the cores), so the budget is checked on the thread time and the wall
    // clock is printed beside it.
    await browser.startTracing(p, { categories: ["toplevel", "devtools.timeline"] });
    // When each phase began, to say in which one the longest task ran.
    const phases = [];
    const phase = async (name) => phases.push([name, await p.evaluate(() => performance.now())]);
    await phase("loading the text");
    await p.setInputFiles("[data-testid=file-input]", sharedPath("hebei_2024_annual.txt"));
    await p.waitForSelector("[data-testid=load-ok]", { timeout: 60_000 });
    await phase("opening the draft");
    await p.click("[data-testid=open-local]");
    await p.waitForSelector("[data-testid=local-banner][data-origin=text]");
    assert.ok((await p.textContent("[data-testid=local-banner]")).includes("草稿"));
    assert.ok(!(await p.textContent("[data-testid=checks-verdict]")).includes("✓"));
    // Every category's charts: each pair is one indicator, and one subject where both state one.
    const noise =
      /^(?:共计|累计|全年|年内|上半年|下半年|今年|去年|力争|确保|预计|计划|完成|实现|达到|推进|加快|启动)+/u;
    const core = (s) => s.replace(noise, "");
    const added = /新增|新建|新开工|新引进|新培育|新认定|新注册|新登记|新设立|新签约|新开/u;
    // Tasks while charts are drawn count too: navigate in-page (hash changes), never reload.
    await phase("opening the categories view");
    await p.click("nav.tabs a[data-view=categories]");
    await p.waitForSelector("main[data-view=categories] .categories");
    const catLinks = await p.$$eval("[data-category]", (els) => els.map((e) => e.dataset.category));
    let pairsChecked = 0;
    for (const cat of catLinks) {
      await phase(`charts of ${cat}`);
      await p.click(`[data-category="${cat}"]`);
      await p.waitForSelector(`[data-category="${cat}"][aria-current=true]`);
      if ((await p.locator("[data-chart]").count()) === 0) continue;
      await paintedCharts(p);
      const pairs = await p.evaluate(() => Object.values(window.__charts ?? {}).flatMap((c) => c.pairs ?? []));
      for (const [a, b] of pairs) {
        if (a.indicator.endsWith("_count") && b.indicator.endsWith("_area")) continue; // count and area of one thing
        assert.equal(a.indicator, b.indicator, `${a.printed} / ${b.printed}`);
        if (a.subject && b.subject) {
          const x = core(a.subject);
          const y = core(b.subject);
          assert.ok(x.includes(y) || y.includes(x), `paired subjects differ: ${a.subject} / ${b.subject}`);
          assert.equal(added.test(a.subject), added.test(b.subject), `${a.subject} / ${b.subject}`);
        }
        pairsChecked++;
      }
    }
    await phase("the explorer");
    await p.click("nav.tabs a[data-view=explorer]");
    await p.waitForSelector("tbody tr[data-obs]");
    await p.waitForTimeout(200); // let the observer deliver the last entries
    const tasks = await p.evaluate(
      (t0) => (window.__longTasks ? window.__longTasks.filter((e) => e.start >= t0) : null),
      since,
    );
    const traced = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const longestWall = tasks ? Math.max(0, ...tasks.map((e) => e.duration)) : null;
    const during = (t) => phases.filter(([, at]) => at <= t.start).at(-1)?.[0] ?? "?";
    const top = (tasks ?? [])
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((t) => `${t.duration.toFixed(0)} ms (${during(t)})`);
    const longest = traced[0]?.cpu ?? null;
    // The same charts in English: labels English wherever the catalogue names the indicator.
    const { report: draft } = await extractReportAsync(readFileSync(sharedPath("hebei_2024_annual.txt"), "utf8"), {
      sourceFile: "hebei_2024_annual.txt",
    });
    // (after the long tasks are read: switching language redraws every chart at once)
    await p.click("nav.tabs a[data-view=categories]");
    await p.waitForSelector("main[data-view=categories] .categories");
    await p.click("[data-testid=lang-switch]");
    await p.waitForFunction(() => document.documentElement.lang === "en");
    let englishTexts = 0;
    for (const cat of catLinks) {
      await p.click(`[data-category="${cat}"]`);
      await p.waitForSelector(`[data-category="${cat}"][aria-current=true]`);
      if ((await p.locator("[data-chart]").count()) === 0) continue;
      await paintedCharts(p);
      const drawn = await drawnTexts(p);
      englishTexts += drawn.length;
      assertEnglishChartTexts(drawn, draft, `Hebei 2024 ${cat}`);
    }
    assert.ok(englishTexts > 0, "the English charts drew texts");
    assert.notEqual(longestWall, null, "the browser reports long tasks");
    assert.notEqual(longest, null, "the trace has the page's main thread");
    console.log(
      `      Hebei 2024: ${pairsChecked} chart pairs checked; longest task ${longest.toFixed(0)} ms of main-thread time (traced); on the clock (Long Tasks API) ${top.join(", ")}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    );
    assert.ok(longest < 200, `longest task ${longest.toFixed(0)} ms of main-thread time`);
    assert.deepEqual(pProblems, []);
    await p.close();
  },
);

await sharedStep(
  "shared raw texts (Baoding 2021, 2025): draft banner, headline cards show a goal as a goal and no average",
  ["baoding_2021_annual.txt", "baoding_2025_annual.txt"],
  async () => {
    const ROLE_NAMES = { target: "目标", plan: "计划", baseline: "基数" };
    for (const name of ["baoding_2021_annual.txt", "baoding_2025_annual.txt"]) {
      const p = await context.newPage();
      const pProblems = watch(p);
      await go("#/load", p);
      await p.setInputFiles("[data-testid=file-input]", sharedPath(name));
      await p.waitForSelector("[data-testid=load-ok]", { timeout: 60_000 });
      await p.click("[data-testid=open-local]");
      await p.waitForSelector("[data-testid=local-banner][data-origin=text]");
      assert.ok(await p.isVisible("[data-testid=local-banner]"), `${name}: the draft banner is visible`);
      assert.ok((await p.textContent("[data-testid=local-banner]")).includes("草稿"));
      assert.ok((await p.textContent("#headline-title")).includes("未经核对"), "the cards are said to be unreviewed");
      // The same extractor in Node gives each figure's role and subject (ids come from content).
      const { report: draft } = await extractReportAsync(readFileSync(sharedPath(name), "utf8"), { sourceFile: name });
      const byId = new Map(draft.observations.map((o) => [o.id, o]));
      const values = await p.$$eval(".card-value", (els) =>
        els.map((el) => ({
          obs: el.querySelector("[data-testid=headline-figure]")?.dataset.obs,
          printed: el.querySelector("[data-testid=headline-figure]")?.textContent,
          role: el.querySelector(".badge.role")?.textContent ?? null,
        })),
      );
      assert.ok(values.length > 0, `${name}: headline cards`);
      for (const v of values) {
        const o = byId.get(v.obs);
        assert.ok(o, `${name}: the card shows ${v.printed} (${v.obs}), which the draft does not have`);
        // A goal, a plan or a baseline says so on the card; only a result goes unmarked.
        assert.equal(v.role, o.role === "actual" ? null : ROLE_NAMES[o.role], `${name}: ${v.printed} is a ${o.role}`);
        // 确保亩均税收达到15万元以上 (2021) is a tax per mu of land, not the city's tax revenue.
        assert.ok(
          !/日均|月均|平均|每天|每日|亩均|户均/.test(o.subject ?? ""),
          `${v.printed} is an average: ${o.subject}`,
        );
      }
      if (name === "baoding_2025_annual.txt") {
        // 引进资金1000亿元以上 is this year's goal (确保…以上), and its card says so.
        const investment = values.find((v) => v.printed?.startsWith("1000亿元"));
        assert.ok(investment, "the 1000亿元 card is shown");
        assert.equal(investment.role, "目标");
      }
      assert.deepEqual(pProblems, []);
      await p.close();
    }
  },
);

const HEBEI_SERIES = ["hebei_2023_annual.txt", "hebei_2024_annual.txt", "hebei_2025_annual.txt"];
await sharedStep(
  "a series of shared texts (Hebei 2023–2025): time series, targets against results as the CLI pairs them, quotes",
  HEBEI_SERIES,
  async () => {
    // What the page must show, computed here with the same packages the CLI uses.
    const { extractReport } = await import("@govreport/extract");
    const { pairPromises } = await import("@govreport/data/panel");
    const { normalizeSourceText } = await import("@govreport/schema");
    const texts = HEBEI_SERIES.map((n) => normalizeSourceText(readFileSync(sharedPath(n), "utf8")));
    const expected = pairPromises(
      texts.map((t, i) => ({ report: extractReport(t, { sourceFile: HEBEI_SERIES[i] }).report, sourceText: t })),
    );
    const p = await context.newPage();
    const pProblems = watch(p);
    await go("#/load", p);
    const since = await p.evaluate(() => performance.now());
    await p.setInputFiles("[data-testid=file-input]", HEBEI_SERIES.map(sharedPath));
    await p.waitForSelector("[data-testid=open-series]", { timeout: 90_000 });
    // The budget covers loading: reading, extraction and pairing happen in the worker, so the page
    // stays responsive. Drawing the charts afterwards is every view's (measured, printed).
    const loadedAt = await p.evaluate(() => performance.now());
    assert.equal(await p.locator("[data-testid=load-ok]").count(), 3, "each text of the series loaded");
    await p.click("[data-testid=open-series]");
    await p.waitForSelector("[data-testid=series-view]");
    assert.equal(await p.locator("[data-testid=series-reports] tbody tr").count(), 3);

    // The time series: GDP growth, an indicator every report states, drawn across the years.
    const gdp = await p.$eval('[data-testid=series-indicator] option[data-indicator="gdp_growth"]', (o) => o.value);
    await p.selectOption("[data-testid=series-indicator]", gdp);
    await p.waitForFunction(() => document.querySelector("[data-chart=series-line]")?.dataset.finished === "true");
    assertPainted(
      (await paintedCharts(p)).filter((c) => c.id === "series-line"),
      "series line",
    );
    const title = await p.textContent("#series-line-title");
    assert.match(title, /河北省.*地区生产总值/);
    // Its data table: at least three years of actual GDP growth, from more than one report.
    await p.click("figure#series-line figcaption button");
    const rows = await p.$$eval("#series-line-table tbody tr", (rs) =>
      rs.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)),
    );
    const actualYears = new Set(rows.filter((r) => r[1] === "实际").map((r) => r[0]));
    assert.ok(actualYears.size >= 3, `actual GDP growth for ${[...actualYears].join(", ")}`);
    assert.ok(new Set(rows.map((r) => r[3])).size >= 2, "points come from several reports");

    // A point links to its quote: click the first actual point on the canvas.
    const at = await p.evaluate(() => window.__charts?.["series-line"]?.itemCenter?.(0, 0));
    assert.ok(at, "the first point has a position");
    const box = await p.locator("[data-chart=series-line] canvas").first().boundingBox();
    await p.mouse.click(box.x + at.x, box.y + at.y);
    await p.waitForSelector("[data-testid=series-quote]");
    const quote = await p.textContent("[data-testid=series-quote-text]");
    const figure = await p.textContent("[data-testid=series-quote-text] mark");
    assert.ok(quote.length > 10 && quote.includes(figure), `quote ${quote} marks ${figure}`);
    assert.ok(
      texts.some((t) => t.includes(quote)),
      "the quote is verbatim from one of the texts",
    );
    // …and from the quote to its place in the report's text.
    await p.click("[data-testid=series-quote] [data-testid=open-in-source]");
    await p.waitForSelector("main[data-view=source] mark.current");
    assert.match(p.url(), /#\/source\?report=local&obs=/);
    const marked = await p.textContent("mark.current");
    assert.ok(quote.includes(marked), `the source view marks ${marked}, in the quote`);
    await p.goBack();
    await p.waitForSelector("[data-testid=series-view]");

    // Targets against results: the same pairs and verdicts as govreport promises.
    const verdicts = await p.$$eval("[data-testid=promises-table] tbody tr", (rs) => rs.map((r) => r.dataset.verdict));
    assert.deepEqual(
      verdicts,
      expected.pairs.map((x) => x.verdict),
    );
    const judged = verdicts.filter((v) => v === "met" || v === "met_within_rounding" || v === "missed");
    assert.ok(judged.length >= 5, `${judged.length} verdicts met/missed`);
    assert.match(await p.textContent("[data-testid=promises-summary]"), new RegExp(`^${expected.summary.pairs} `));
    assertPainted(
      (await paintedCharts(p)).filter((c) => c.id === "series-promises"),
      "promises chart",
    );
    // A row's quotes, by keyboard: Enter opens them (focus moves in), Escape closes them.
    const k = expected.pairs.findIndex((x) => x.verdict === "met" && x.result);
    const button = p.locator("[data-testid=promises-table] tbody tr").nth(k).locator("[data-testid=pair-quotes]");
    await button.focus();
    await p.keyboard.press("Enter");
    await p.waitForSelector("[data-testid=series-quote]");
    assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), "series-quote");
    const shown = await p.$$eval("[data-testid=series-quote-text]", (qs) => qs.map((q) => q.textContent));
    assert.deepEqual(shown, [expected.pairs[k].target.quote, expected.pairs[k].result.quote]);
    await p.keyboard.press("Escape");
    await p.waitForSelector("[data-testid=series-quote]", { state: "detached" });
    await shot(p, "series");
    // English, the same series (it lives in the page, the hash changes only).
    await p.click("[data-testid=lang-switch]");
    await p.waitForFunction(() => document.querySelector(".series-view h2")?.textContent.startsWith("Several reports"));

    await p.waitForTimeout(200); // let the observer deliver the last entries
    const [longest, longestAfter] = await p.evaluate(
      ([t0, t1]) =>
        window.__longTasks
          ? [
              Math.max(0, ...window.__longTasks.filter((e) => e.start >= t0 && e.start < t1).map((e) => e.duration)),
              Math.max(0, ...window.__longTasks.filter((e) => e.start >= t1).map((e) => e.duration)),
            ]
          : [null, null],
      [since, loadedAt],
    );
    assert.notEqual(longest, null, "the browser reports long tasks");
    console.log(
      `      Hebei series: ${verdicts.length} pairs (${judged.length} met/missed); longest task while loading ${longest.toFixed(0)} ms; afterwards (drawing the charts, the source view of a whole report, the language switch) ${longestAfter.toFixed(0)} ms`,
    );
    assert.ok(longest < 200, `longest task ${longest} ms`);
    assert.deepEqual(pProblems, []);
    await p.close();

    // Accessibility of the loaded series view, both languages (axe needs a context without CSP).
    const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    const axeContext = await browser.newContext({ bypassCSP: true, reducedMotion: "reduce" });
    const a = await axeContext.newPage();
    const found = [];
    await go("#/load", a);
    await a.setInputFiles("[data-testid=file-input]", HEBEI_SERIES.map(sharedPath));
    await a.click("[data-testid=open-series]", { timeout: 90_000 });
    for (const lang of ["zh", "en"]) {
      if (lang === "en") await a.click("[data-testid=lang-switch]");
      await a.waitForSelector("[data-testid=series-view]");
      await a.click("[data-testid=pair-quotes] >> nth=0");
      await paintedCharts(a);
      await a.evaluate(axeSource);
      const violations = await a.evaluate(() =>
        window.axe
          .run(document, { resultTypes: ["violations"] })
          .then((r) =>
            r.violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}`),
          ),
      );
      found.push(...violations.filter((v) => /\((critical|serious)\)/.test(v)).map((v) => `${lang}: ${v}`));
    }
    await axeContext.close();
    assert.deepEqual(found, []);
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

/** Boxes of the page's tap targets smaller than 24 × 24 CSS px (WCAG 2.5.8), links inside running text excepted. */
function smallTargets(p) {
  return p.evaluate(() =>
    [...document.querySelectorAll("a[href], button, select, input:not([type=hidden]), summary")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") return false;
        if (el.closest("p.source-stats, .source-text, .quote, .finding-quotes, .hint")) return false;
        return r.height < 24 || r.width < 24;
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`,
      ),
  );
}

/** Texts drawn by the page's charts that overlap each other or leave the chart. */
function chartTextProblems(p) {
  return p.evaluate(() => {
    const problems = [];
    for (const [id, c] of Object.entries(window.__charts ?? {})) {
      const boxes = c.textBoxes?.() ?? [];
      for (const b of boxes) {
        if (b.x < -1 || b.y < -1 || b.x + b.width > c.width + 1 || b.y + b.height > c.height + 1)
          problems.push(
            `${id}: "${b.text}" clipped (${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)} in ${c.width}×${c.height})`,
          );
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
          const oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
          if (ox > 1 && oy > 1) problems.push(`${id}: "${a.text}" collides with "${b.text}"`);
        }
    }
    return problems;
  });
}

await step(
  "phone (375 px): figures first, row cards, 24 px targets, labels neither collide nor are clipped",
  async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 812 });
    await go("#/overview", phone);
    const first = await phone.locator("[data-testid=headline-figure]").first().boundingBox();
    const identity = await phone.locator(".identity").boundingBox();
    assert.ok(first.y < identity.y, "headline figures come before the report's identity");
    assert.ok(first.y + first.height < 812, `the first figure is on the first screen (y=${first.y})`);
    const problems = [];
    for (const hash of ["#/overview", "#/overview?lang=en", "#/explorer", "#/checks"]) {
      await go(hash, phone);
      problems.push(...(await smallTargets(phone)).map((t) => `${hash}: ${t}`));
    }
    await go("#/categories", phone);
    const cats = await phone.$$eval("[data-category]", (els) => els.map((e) => e.dataset.category));
    for (const lang of ["zh", "en"]) {
      for (const cat of cats) {
        await go(`#/categories?cat=${cat}${lang === "en" ? "&lang=en" : ""}`, phone);
        if ((await phone.locator("[data-chart]").count()) > 0) await paintedCharts(phone);
        problems.push(...(await smallTargets(phone)).map((t) => `${cat}/${lang}: ${t}`));
        problems.push(...(await chartTextProblems(phone)).map((t) => `${cat}/${lang}: ${t}`));
      }
    }
    await go("#/overview", phone);
    await paintedCharts(phone);
    problems.push(...(await chartTextProblems(phone)).map((t) => `overview: ${t}`));
    for (const x of problems) console.log(`      ${x}`);
    assert.deepEqual(problems, []);
    // Explorer rows are cards: the value is on screen, not in a column scrolled out of view.
    await go("#/explorer", phone);
    const value = await phone.locator("tbody tr[data-obs] td.num").first().boundingBox();
    assert.ok(value.x >= 0 && value.x + value.width <= 375, `value cell at x=${value.x}`);
    // The active tab is on screen, even the last one.
    for (const view of ["checks", "load"]) {
      await go(`#/${view}`, phone);
      await phone.waitForTimeout(100);
      const tab = await phone.locator("nav.tabs a[aria-current=page]").boundingBox();
      assert.ok(tab.x >= 0 && tab.x + tab.width <= 375 + 1, `${view} tab at x=${tab.x}`);
    }
    await phone.close();
  },
);

await step("axe-core: no critical or serious violations on any view, both languages, both widths", async () => {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // axe is injected as a script, which the page's CSP (rightly) forbids: this context bypasses it.
  const axeContext = await browser.newContext({ bypassCSP: true, reducedMotion: "reduce" });
  const p = await axeContext.newPage();
  const found = [];
  let runs = 0;
  const views = [
    "overview",
    "categories",
    "explorer",
    `source?obs=${report.observations[0].id}`,
    "checks",
    "load",
    "series",
  ];
  for (const width of [1280, 375]) {
    await p.setViewportSize({ width, height: 900 });
    for (const lang of ["zh", "en"]) {
      for (const v of views) {
        const hash = `#/${v}${lang === "en" ? `${v.includes("?") ? "&" : "?"}lang=en` : ""}`;
        await go(hash, p);
        if ((await p.locator("[data-chart]").count()) > 0) await paintedCharts(p);
        // Closed disclosures (the relations checked) hide their content from axe: open them all.
        await p.$$eval("details", (els) => {
          for (const e of els) e.open = true;
        });
        await p.evaluate(axeSource);
        const result = await p.evaluate(() =>
          window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
            r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
            })),
          ),
        );
        runs++;
        for (const v of result)
          if (v.impact === "critical" || v.impact === "serious")
            found.push(`${width}px ${hash}: ${v.id} (${v.impact}) ${v.nodes.join(", ")}`);
      }
    }
  }
  console.log(`      axe: ${runs} runs, ${found.length} critical/serious violations`);
  for (const x of found) console.log(`      ${x}`);
  await axeContext.close();
  assert.deepEqual(found, []);
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
