// Where the real report texts used as test inputs live, and what a test does when they are absent.
// They sit beside the repository (../shared/reports), never inside it: a plain clone has none, so
// tests that need them are skipped with one line saying why. CI sets GOVREPORT_REQUIRE_SHARED=1,
// which turns a missing text into a failure, so that CI never skips them silently.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The folder of texts: GOVREPORT_REPORTS_DIR, or ../shared/reports beside the repository. */
export const reportsDir = resolve(process.env.GOVREPORT_REPORTS_DIR || join(repo, "../shared/reports"));

/** True when a missing text must fail the run (CI) instead of skipping what needs it. */
export const requireShared = process.env.GOVREPORT_REQUIRE_SHARED === "1";

/** Absolute path of a shared text. */
export function sharedPath(name) {
  return join(reportsDir, name);
}

/** The names among `names` that are not in the folder. */
export function missingShared(names) {
  return names.filter((n) => !existsSync(join(reportsDir, n)));
}

/** Every `.txt` in the folder, sorted (none when the folder is absent). */
export function sharedTextNames() {
  try {
    return readdirSync(reportsDir)
      .filter((f) => f.endsWith(".txt"))
      .sort();
  } catch {
    return [];
  }
}

/** The error a required-but-missing text raises. */
export function missingError(what, missing) {
  return new Error(
    `${what}: missing shared text(s) ${missing.join(", ")} in ${reportsDir} (GOVREPORT_REQUIRE_SHARED=1 makes this a failure)`,
  );
}

/** The one line printed when something is skipped for want of the texts. */
export function skipLine(what, missing) {
  const list =
    missing.length > 3 ? `${missing.slice(0, 3).join(", ")} and ${missing.length - 3} more` : missing.join(", ");
  return `skipped: ${what}: needs ${list} in ${reportsDir} (absent; set GOVREPORT_REPORTS_DIR to another folder of texts)`;
}

/**
 * For scripts (evaluation, benchmarks, e2e): returns true when every text is present. When one is
 * missing it prints the skip line and returns false, or throws when the texts are required.
 */
export function haveShared(what, names) {
  const missing = missingShared(names);
  if (missing.length === 0) return true;
  if (requireShared) throw missingError(what, missing);
  console.log(skipLine(what, missing));
  return false;
}

/** Reads a shared text as UTF-8. */
export function readShared(name) {
  return readFileSync(join(reportsDir, name), "utf8");
}

/** The eleven texts the shared folder is documented to hold (../shared/reports/README.md). */
export const SHARED_TEXTS = [
  "baoding_2021_annual.txt",
  "baoding_2023_annual.txt",
  "baoding_2024_annual.txt",
  "baoding_2025_annual.txt",
  "baoding_2026_annual.txt",
  "hailaer_2013_annual.txt",
  "hailaer_2016_annual.txt",
  "hebei_2021_annual.txt",
  "hebei_2023_annual.txt",
  "hebei_2024_annual.txt",
  "hebei_2025_annual.txt",
];
