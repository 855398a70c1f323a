import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };
const dist = fileURLToPath(new URL("./dist/", import.meta.url));

const require = createRequire(import.meta.url);
// yaml's ESM build (its "node" build differs only in how it prints warnings).
const yamlEsm = join(dirname(require.resolve("yaml/package.json")), "browser/index.js");
const data = require.resolve("@govreport/data");
const dataPackage = dirname(require.resolve("@govreport/data/package.json"));
const cachedModules = fileURLToPath(new URL("./src/launch/cached-modules.ts", import.meta.url));
// `govreport schema` prints the shipped JSON Schema's bytes, generated once by the schema package's
// build (turbo builds it first), so the two cannot differ.
const reportSchemaFile = require.resolve("@govreport/schema/report.schema.json");
const reportSchemaJson = readFileSync(reportSchemaFile, "utf8");

/**
 * Two CommonJS files, every dependency bundled (the published package has no runtime dependencies):
 * - `dist/govreport.cjs`, the binary (src/bin.ts): argument parsing, help, --version. Where the
 *   registry imports the command loaders (src/commands/modules.ts) it gets
 *   src/launch/cached-modules.ts instead, which runs the other file through V8's code cache.
 * - `dist/commands.cjs` (src/commands/modules.ts): every command, with zod, schema and extract.
 *   What is reached only through import() (each command's module) is wrapped by esbuild in a lazy
 *   initializer, so it is evaluated only when used.
 * - `dist/data.cjs` (the shipped reports, @govreport/data) and `dist/yaml.cjs` (the yaml package),
 *   which commands.cjs leaves external: loaded, through the code cache too, only by the commands
 *   that use them. data.cjs leaves the schema external in turn and gets commands.cjs's.
 * CommonJS because Node 20 can code-cache only scripts, not ES modules; few files because each ES
 * module costs a resolution and a compilation. After the build, the launcher gets a shebang.
 */
rmSync(dist, { recursive: true, force: true });

export default defineConfig({
  entry: { govreport: "src/bin.ts", commands: "src/commands/modules.ts", data, yaml: yamlEsm },
  format: ["cjs"],
  platform: "node",
  target: "node20",
  splitting: false,
  minify: true,
  sourcemap: false,
  dts: false,
  noExternal: [/^@govreport\//, "yaml", "zod"],
  esbuildOptions(options) {
    // import() becomes a lazy require of the bundled module: a script run through node:vm has no
    // dynamic import.
    options.supported = { ...options.supported, "dynamic-import": false };
  },
  esbuildPlugins: [
    {
      name: "cached-command-modules",
      setup(build) {
        build.onResolve({ filter: /^\.\/modules\.js$/ }, (args) =>
          args.importer.endsWith(join("commands", "registry.ts")) ? { path: cachedModules } : undefined,
        );
        build.onResolve({ filter: /^(yaml|@govreport\/data)$/ }, (args) => ({ path: args.path, external: true }));
        build.onResolve({ filter: /^@govreport\/schema$/ }, (args) =>
          args.importer.startsWith(dataPackage) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
  define: {
    __GOVREPORT_VERSION__: JSON.stringify(pkg.version),
    __GOVREPORT_REPORT_SCHEMA__: JSON.stringify(reportSchemaJson),
  },
  async onSuccess() {
    const bin = join(dist, "govreport.cjs");
    writeFileSync(bin, `#!/usr/bin/env node\n${readFileSync(bin, "utf8")}`);
    chmodSync(bin, 0o755);
  },
});
