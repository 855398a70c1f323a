import { defineConfig } from "vitest/config";
import { workspaceAlias } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAlias },
  define: { __GOVREPORT_VERSION__: JSON.stringify("0.0.0-test") },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    // These tests run the built programs as child processes; on a loaded 2-core machine a process
    // start can take seconds, so vitest's 5 s default would fail tests that are not wrong.
    testTimeout: 60_000,
  },
});
