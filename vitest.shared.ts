import { fileURLToPath } from "node:url";
import { reportsDir } from "./scripts/shared-texts.mjs";

// vitest 5 targets Node 22 and its reporter calls Map.groupBy when a test fails; on Node 20 that
// crashes the reporter and hides the failure. Every vitest config imports this module first.
const Builtins = { Map, Object } as unknown as Record<"Map" | "Object", { groupBy?: unknown }>;
if (typeof Builtins.Map.groupBy !== "function") {
  Object.defineProperty(Map, "groupBy", {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}
if (typeof Builtins.Object.groupBy !== "function") {
  Object.defineProperty(Object, "groupBy", {
    configurable: true,
    writable: true,
    value<T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey): Record<PropertyKey, T[]> {
      const groups: Record<PropertyKey, T[]> = Object.create(null);
      let i = 0;
      for (const item of items) (groups[key(item, i++)] ??= []).push(item);
      return groups;
    },
  });
}

/**
 * Tests import sibling packages from their source, not their dist: a test run never waits for
 * (or races with) another package's build, and a change in schema is seen by data's tests at once.
 */
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export const workspaceAlias = {
  // Before "@govreport/data", which would otherwise take "@govreport/data/panel" as a path under it.
  "@govreport/data/panel": fileURLToPath(new URL("./packages/data/src/panel-entry.ts", import.meta.url)),
  "@govreport/schema": src("schema"),
  "@govreport/extract": src("extract"),
  "@govreport/data": src("data"),
};

/** Where the real reports used as test inputs live (never copied into the repo), with a trailing slash. */
export const sharedReports = `${reportsDir}/`;

/** Setup file every package's tests run first (fast-check seeding). */
export const setupFile = fileURLToPath(new URL("./vitest.setup.ts", import.meta.url));
