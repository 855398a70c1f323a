import { defineConfig } from "vitest/config";
import { setupFile, workspaceAlias } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAlias },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: [setupFile],
  },
});
