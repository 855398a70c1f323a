import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { CLI_DOC, renderCliDoc } from "../scripts/docs.js";
import { requireBuild } from "./run.js";

it("docs/cli.md is generated from the current --help texts (run `pnpm --filter @govreport/cli docs`)", () => {
  requireBuild();
  expect(readFileSync(CLI_DOC, "utf8")).toBe(renderCliDoc());
});
