/**
 * docs: writes docs/data-dictionary.md and docs/indicator-catalogue.md at the repository root from
 * the column definitions, the schema's catalogue and the shipped reports.
 *
 *   tsx scripts/docs.ts [--check]
 *
 * --check writes nothing and exits 1 when a committed file differs from what would be written.
 * Exit codes: 0 ok, 1 invalid reports or (with --check) stale docs, 2 bad usage, 3 I/O error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { OBSERVATION_COLUMNS } from "../src/columns.js";
import { shippedReports, validateAll, writeIfChanged } from "./lib/build.js";
import { dataDictionary, indicatorCatalogue } from "./lib/docs.js";
import { place } from "./lib/format.js";
import { DOCS_DIR, REPORTS_DIR } from "./lib/paths.js";

/** The generated docs, by path. */
export function renderDocs(reportsDir = REPORTS_DIR): Map<string, string> | undefined {
  const validation = validateAll(reportsDir);
  if (!validation.valid) return undefined;
  const reports = shippedReports(validation).map((s) => s.report);
  return new Map([
    [join(DOCS_DIR, "data-dictionary.md"), dataDictionary(OBSERVATION_COLUMNS, reports)],
    [join(DOCS_DIR, "indicator-catalogue.md"), indicatorCatalogue(reports)],
  ]);
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function main(argv: string[]): number {
  let check: boolean;
  try {
    check = parseArgs({ args: argv, options: { check: { type: "boolean", default: false } } }).values.check;
  } catch (e) {
    console.error(`docs: ${(e as Error).message}\nusage: tsx scripts/docs.ts [--check]`);
    return 2;
  }
  const docs = renderDocs();
  if (!docs) {
    console.error("docs: the reports are not valid; run `pnpm --filter @govreport/data validate` to see why");
    return 1;
  }
  let stale = 0;
  for (const [file, content] of docs) {
    if (check) {
      if (read(file) !== content) {
        console.error(`${place(file)}: out of date; run \`pnpm --filter @govreport/data docs\``);
        stale++;
      }
    } else if (writeIfChanged(file, content)) console.log(`wrote ${place(file)}`);
    else console.log(`${place(file)} is up to date`);
  }
  return stale > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    // `pnpm run docs -- --check` passes the "--" through.
    process.exitCode = main(process.argv.slice(2).filter((a) => a !== "--"));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    console.error(`docs: ${err.syscall ? `cannot ${err.syscall} ${err.path ?? ""}: ${err.code}` : err.message}`);
    process.exitCode = err.syscall ? 3 : 4;
  }
}
