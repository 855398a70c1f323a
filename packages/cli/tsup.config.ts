import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// yaml's "node" build is CommonJS (require("process")), which an ESM bundle cannot call; its ESM
// build differs only in how it prints warnings.
const yamlEsm = join(dirname(createRequire(import.meta.url).resolve("yaml/package.json")), "browser/index.js");

/**
 * One ESM entry, `dist/govreport.js`, with every dependency bundled (the published package has no
 * runtime dependencies) and split into chunks: each command's module, and zod, yaml, extract and
 * data with it, is loaded by dynamic import() only when that command runs.
 */
export default defineConfig({
  entry: { govreport: "src/bin.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  splitting: true,
  clean: true,
  minify: true,
  sourcemap: false,
  dts: false,
  noExternal: [/^@govreport\//, "yaml", "zod"],
  banner: { js: "#!/usr/bin/env node" },
  esbuildOptions(options) {
    options.alias = { yaml: yamlEsm };
  },
  define: { __GOVREPORT_VERSION__: JSON.stringify(pkg.version) },
});
