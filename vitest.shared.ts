import { fileURLToPath } from "node:url";

/**
 * Tests import sibling packages from their source, not their dist: a test run never waits for
 * (or races with) another package's build, and a change in schema is seen by data's tests at once.
 */
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export const workspaceAlias = {
  "@govreport/schema": src("schema"),
  "@govreport/extract": src("extract"),
  "@govreport/data": src("data"),
};

/** Where the three real reports used as test inputs live (never copied into the repo). */
export const sharedReports = fileURLToPath(new URL("../shared/reports/", import.meta.url));
