import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", panel: "src/panel-entry.ts" },
  format: ["esm"],
  dts: true,
  // scripts/build.ts empties dist/ and writes the data files before tsup runs: keep them.
  clean: false,
  sourcemap: true,
  target: "es2022",
});
