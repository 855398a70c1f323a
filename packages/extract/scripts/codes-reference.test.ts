import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SKIP_CODES, WARNING_CODES } from "../src/codes.js";
import { renderCodesReference } from "./codes-reference.js";

describe("docs/extract-codes.md", () => {
  const committed = readFileSync(new URL("../../../docs/extract-codes.md", import.meta.url), "utf8");
  it("is current (else run `pnpm --filter @govreport/extract docs`)", () => {
    expect(committed).toBe(renderCodesReference());
  });
  it("lists every warning and skip code", () => {
    for (const code of [...Object.keys(WARNING_CODES), ...Object.keys(SKIP_CODES)])
      expect(committed).toContain(`| \`${code}\` |`);
  });
});
