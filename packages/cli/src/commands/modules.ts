import type { CommandModule } from "./registry.js";

/** For dist/data.cjs, which leaves the schema to this bundle (see src/launch/cached-modules.ts). */
export * as schema from "@govreport/schema";

/**
 * Each command's module, imported when that command runs. In the built binary this file is the
 * entry of dist/commands.cjs, which the launcher runs through V8's code cache, and the registry
 * gets src/launch/cached-modules.ts in its place (see tsup.config.ts).
 */
export const MODULES = {
  validate: () => import("./validate.js"),
  check: () => import("./check.js"),
  extract: () => import("./extract.js"),
  export: () => import("./export.js"),
  schema: () => import("./schema.js"),
  show: () => import("./show.js"),
  diff: () => import("./diff.js"),
  panel: () => import("./panel.js"),
  promises: () => import("./promises.js"),
} satisfies Record<string, () => Promise<CommandModule>>;
