/**
 * build: validates every reports/<id>/report.yaml and writes what the package ships.
 *
 *   tsx scripts/build.ts [--check] [--reports DIR] [--out DIR] [--generated FILE] [--debug]
 *
 * For each report: YAML syntax, the schema (issues placed at file:line:column), id = folder name,
 * the source file's sha256 and length, then every consistency check. Any schema issue or
 * unacknowledged error exits 1 and writes nothing. Otherwise it writes src/generated/reports.ts
 * and dist/ (reports/<id>.json, sources/<id>.txt, observations.csv, datapackage.json); tsup then
 * adds the JavaScript. --check validates only.
 *
 * Exit codes: 0 ok, 1 invalid report, 2 bad usage, 3 unreadable or unwritable file, 4 internal error.
 */
import { parseArgs } from "node:util";
import { emit, shippedReports, validateAll } from "./lib/build.js";
import { formatReport, place } from "./lib/format.js";
import { InputError } from "./lib/load.js";
import { DIST_DIR, GENERATED_FILE, packageInfo, REPORTS_DIR } from "./lib/paths.js";

export const EXIT = { ok: 0, invalid: 1, usage: 2, io: 3, internal: 4 } as const;

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    console.error(`build: ${(e as Error).message}`);
    console.error("usage: tsx scripts/build.ts [--check] [--reports DIR] [--out DIR] [--generated FILE] [--debug]");
    return EXIT.usage;
  }
  const { values } = args;
  const validation = validateAll(values.reports);
  for (const dir of validation.without) console.warn(`${place(dir)}: no report.yaml, skipped`);
  for (const r of validation.loaded) console.log(formatReport(r));
  for (const p of validation.crossProblems) console.error(`error: ${p}`);
  if (!validation.valid) {
    const bad = validation.loaded.filter((r) => r.problems.length > 0 || !r.checks?.valid).map((r) => r.id);
    console.error(
      `build failed: ${bad.length > 0 ? bad.join(", ") : "the reports"} must be fixed; nothing was written`,
    );
    return EXIT.invalid;
  }
  if (validation.loaded.length === 0) console.warn("warning: no reports found: the package will ship no data");
  if (values.check) return EXIT.ok;
  const written = emit(shippedReports(validation), {
    outDir: values.out,
    generatedFile: values.generated,
    info: packageInfo(),
  });
  console.log(
    `wrote ${written.length} files (${place(values.out)}${written.includes(values.generated) ? `, ${place(values.generated)}` : ""})`,
  );
  return EXIT.ok;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      check: { type: "boolean", default: false },
      reports: { type: "string", default: REPORTS_DIR },
      out: { type: "string", default: DIST_DIR },
      generated: { type: "string", default: GENERATED_FILE },
      debug: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

// `pnpm run build -- --check` passes the "--" through.
const argv = process.argv.slice(2).filter((a) => a !== "--");
const debug = argv.includes("--debug") || !!process.env.DEBUG;
try {
  process.exitCode = main(argv);
} catch (e) {
  if (debug) console.error(e);
  if (e instanceof InputError) {
    console.error(`build: ${e.message}`);
    process.exitCode = EXIT.io;
  } else if (e && typeof e === "object" && "code" in e && typeof (e as NodeJS.ErrnoException).syscall === "string") {
    const err = e as NodeJS.ErrnoException;
    console.error(`build: cannot ${err.syscall} ${err.path ?? ""}: ${err.code}`);
    process.exitCode = EXIT.io;
  } else {
    if (!debug) console.error(`build: internal error: ${(e as Error)?.message ?? e} (run with --debug for details)`);
    process.exitCode = EXIT.internal;
  }
}
