#!/usr/bin/env node
// Installs the packed packages into a fresh project with npm, as a user would, and uses them
// there: ESM imports, the JSON Schema file export, a type-check of typed imports with tsc, and
// the `govreport` binary. Catches what workspace links hide: missing `files`, wrong `exports`,
// dependencies left as `workspace:`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const libs = ["schema", "extract", "data", "cli"];
const work = mkdtempSync(join(tmpdir(), "govreport-consumer-"));
const packs = join(work, "packs");
const app = join(work, "app");
mkdirSync(packs);
mkdirSync(app);

let passed = 0;
let failed = 0;
function step(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n${String(e.stdout ?? "")}${String(e.stderr ?? "")}${e.message}`);
  }
}
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

console.log(`consumer project in ${app}`);
step("pnpm pack each library package", () => {
  for (const lib of libs) sh("pnpm", ["pack", "--pack-destination", packs], join(root, "packages", lib));
});
const tarballs = readdirSync(packs)
  .filter((f) => f.endsWith(".tgz"))
  .map((f) => join(packs, f));

writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
step("npm install the tarballs into a fresh project", () => {
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], app);
});

writeFileSync(
  join(app, "use.mjs"),
  `import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseQuantity, checkReport, parseReport } from "@govreport/schema";
import { extractReport } from "@govreport/extract";
import { reports, getReport, getSourceText } from "@govreport/data";
const q = parseQuantity("近1.6万条");
if (q.value !== 1.6 || q.unit !== "万条" || q.qualifier !== "nearly") throw new Error("parseQuantity: " + JSON.stringify(q));
const report = getReport(reports[0].id);
const result = checkReport(report, { sourceText: getSourceText(report.id) });
if (!result.valid) throw new Error("shipped report does not validate");
const draft = await extractReport(getSourceText(report.id));
const parsed = parseReport((draft && draft.report) || draft);
if (!parsed.success) throw new Error("extracted draft does not validate: " + JSON.stringify(parsed.issues.slice(0, 3)));
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@govreport/schema/report.schema.json"), "utf8"));
if (!schema.properties || !schema.properties.observations) throw new Error("JSON Schema lacks observations");
const csv = readFileSync(require.resolve("@govreport/data/observations.csv"), "utf8");
if (csv.split("\\n").length < report.observations.length) throw new Error("CSV is short");
JSON.parse(readFileSync(require.resolve("@govreport/data/datapackage.json"), "utf8"));
console.log("ok", report.id, report.observations.length, "observations");
`,
);
step("import the packages and use them (node, ESM)", () => {
  console.log(`    ${sh("node", ["use.mjs"], app).trim()}`);
});

writeFileSync(
  join(app, "typed.ts"),
  `import { type Report, type Quantity, parseQuantity } from "@govreport/schema";
import { getReport, reportIds, type ReportId } from "@govreport/data";
const id: ReportId = reportIds[0];
const report: Report = getReport(id);
const q: Quantity = parseQuantity("20.17亿元");
const role: "actual" | "target" | "plan" | "baseline" = report.observations[0]!.role;
// @ts-expect-error a report id that is not shipped is a type error
const bad: ReportId = "no-such-report";
// @ts-expect-error a mistyped period (2023-H1) is a type error
const badPeriod: Report["period"] = "2023-h1";
export { q, role, bad, badPeriod };
`,
);
writeFileSync(
  join(app, "tsconfig.json"),
  JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ["typed.ts"],
    },
    null,
    2,
  ),
);
step("type-check typed imports with tsc (NodeNext)", () => {
  sh(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], app);
});

step("run the govreport binary", () => {
  const version = sh(join(app, "node_modules/.bin/govreport"), ["--version"], app).trim();
  if (!/\d+\.\d+\.\d+/.test(version)) throw new Error(`unexpected --version output: ${version}`);
  const show = sh(join(app, "node_modules/.bin/govreport"), ["show"], app);
  if (!show.includes("zhangjiang")) throw new Error(`govreport show lists no shipped report:\n${show}`);
  console.log(`    govreport ${version}`);
});

if (failed === 0 && !process.env.KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
console.log(`consumer: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
