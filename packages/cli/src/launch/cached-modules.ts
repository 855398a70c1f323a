import { join } from "node:path";
import type * as Commands from "../commands/modules.js";

/**
 * What the registry imports in the built launcher instead of ../commands/modules.ts: the same
 * command loaders, taken from dist/commands.cjs run through V8's code cache. The launcher itself
 * (help, --version, argument parsing) stays small and never loads the bundles for those.
 *
 * The shipped reports (dist/data.cjs) and the `yaml` package (dist/yaml.cjs) are bundles of their
 * own, loaded the same way when a command first needs them: validate and check need neither, and
 * a first run (before there is a cache) compiles only what it loads. data.cjs gets the schema
 * from commands.cjs, so that there is one zod and one schema.
 */
type Modules = typeof Commands.MODULES;
type Name = keyof Modules;

const status =
  process.env.GOVREPORT_TIMING === "1"
    ? (state: string, detail: string) => process.stderr.write(`govreport code cache: ${state}: ${detail}\n`)
    : undefined;

let commands: typeof Commands | undefined;
const loaded = new Map<string, unknown>();

async function load<N extends Name>(name: N): Promise<Awaited<ReturnType<Modules[N]>>> {
  // Imported here, not at the top, so that help and --version do not load node:vm and node:crypto.
  const { runBundle } = await import("./code-cache.js");
  const run = (file: string) => {
    let exports = loaded.get(file);
    if (exports === undefined) {
      exports = runBundle(join(__dirname, file), { variant: name, provide, onStatus: status });
      loaded.set(file, exports);
    }
    return exports;
  };
  const provide = (id: string): unknown => {
    if (id === "@govreport/data") return run("data.cjs");
    if (id === "yaml") return run("yaml.cjs");
    if (id === "@govreport/schema") return commands?.schema;
    return undefined;
  };
  commands ??= run("commands.cjs") as typeof Commands;
  return (await commands.MODULES[name]()) as Awaited<ReturnType<Modules[N]>>;
}

export const MODULES: Modules = {
  validate: () => load("validate"),
  check: () => load("check"),
  extract: () => load("extract"),
  export: () => load("export"),
  schema: () => load("schema"),
  show: () => load("show"),
  diff: () => load("diff"),
  panel: () => load("panel"),
  promises: () => load("promises"),
};
