import { defineConfig } from "vitest/config";
import { workspaceAlias } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAlias },
  define: { __GOVREPORT_VERSION__: JSON.stringify("0.0.0-test") },
  test: { include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"] },
});
