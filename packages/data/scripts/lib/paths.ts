import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageInfo } from "../../src/datapackage.js";

export const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const REPO_DIR = join(PACKAGE_DIR, "..", "..");
export const REPORTS_DIR = join(PACKAGE_DIR, "reports");
export const DIST_DIR = join(PACKAGE_DIR, "dist");
export const GENERATED_FILE = join(PACKAGE_DIR, "src", "generated", "reports.ts");
export const DOCS_DIR = join(REPO_DIR, "docs");

/**
 * The descriptor's facts from package.json. `created` is the build's time, or SOURCE_DATE_EPOCH's
 * (seconds) when set, for a reproducible build.
 */
export function packageInfo(env: NodeJS.ProcessEnv = process.env): PackageInfo {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as PackageInfo;
  const epoch = env.SOURCE_DATE_EPOCH;
  const created = (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString();
  return { name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license, created };
}
