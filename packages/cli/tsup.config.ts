import { createHash } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "tsup";
import { BUNDLE_STAMP } from "./src/launch/code-cache.js";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// yaml's "node" build is CommonJS (require("process")), which an ESM bundle cannot call; its ESM
// build differs only in how it prints warnings.
const yamlEsm = join(dirname(createRequire(import.meta.url).resolve("yaml/package.json")), "browser/index.js");

/**
 * Two CommonJS files, every dependency bundled (the published package has no runtime dependencies):
 * - `dist/cli.cjs`, the whole program (src/bin.ts). Each command's module, and zod, yaml, extract
 *   and data with it, is evaluated only when that command runs (esbuild wraps what is reached only
 *   through import() in lazy initializers), but it is one file: no module resolution or linking.
 * - `dist/govreport.cjs`, the binary: a launcher that runs cli.cjs through V8's code cache
 *   (src/launch/code-cache.ts). CommonJS because Node 20 can code-cache only scripts, not ES modules.
 * After the build, cli.cjs gets its content hash on the first line (which keys the cache) and the
 * launcher a shebang.
 */
export default defineConfig({
  entry: { govreport: "src/launch/govreport.ts", cli: "src/bin.ts" },
  format: ["cjs"],
  platform: "node",
  target: "node20",
  splitting: false,
  clean: true,
  minify: true,
  sourcemap: false,
  dts: false,
  noExternal: [/^@govreport\//, "yaml", "zod"],
  esbuildOptions(options) {
    options.alias = { yaml: yamlEsm };
    // import() becomes a lazy require of the bundled module: a script run through node:vm has no
    // dynamic import.
    options.supported = { ...options.supported, "dynamic-import": false };
  },
  define: { __GOVREPORT_VERSION__: JSON.stringify(pkg.version) },
  async onSuccess() {
    const cli = new URL("./dist/cli.cjs", import.meta.url);
    const code = readFileSync(cli, "utf8");
    const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
    writeFileSync(cli, `${BUNDLE_STAMP}${hash}\n${code}`);
    const bin = new URL("./dist/govreport.cjs", import.meta.url);
    writeFileSync(bin, `#!/usr/bin/env node\n${readFileSync(bin, "utf8")}`);
    chmodSync(bin, 0o755);
  },
});
