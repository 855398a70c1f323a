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

export function packageInfo(): PackageInfo {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as PackageInfo;
  return { name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license };
}
