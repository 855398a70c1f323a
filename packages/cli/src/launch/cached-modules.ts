import { join } from "node:path";
import type { MODULES as Modules } from "../commands/modules.js";

/**
 * What the registry imports in the built launcher instead of ../commands/modules.ts: the same
 * command loaders, taken from dist/commands.cjs run through V8's code cache. The launcher itself
 * (help, --version, argument parsing) stays small and never loads the bundle for those.
 */
type Name = keyof typeof Modules;

let bundle: { MODULES: typeof Modules } | undefined;

async function load<N extends Name>(name: N): Promise<Awaited<ReturnType<(typeof Modules)[N]>>> {
  // Imported here, not at the top, so that help and --version do not load node:vm and node:v8.
  const { runBundle } = await import("./code-cache.js");
  bundle ??= runBundle(join(__dirname, "commands.cjs"), {
    variant: name,
    onStatus:
      process.env.GOVREPORT_TIMING === "1"
        ? (status, detail) => process.stderr.write(`govreport code cache: ${status}: ${detail}\n`)
        : undefined,
  }) as { MODULES: typeof Modules };
  return (await bundle.MODULES[name]()) as Awaited<ReturnType<(typeof Modules)[N]>>;
}

export const MODULES: typeof Modules = {
  validate: () => load("validate"),
  check: () => load("check"),
  extract: () => load("extract"),
  export: () => load("export"),
  schema: () => load("schema"),
  show: () => load("show"),
  diff: () => load("diff"),
};
