import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportJsonSchema } from "../../schema/scripts/json-schema.js";
import { govreport } from "./run.js";

const SHIPPED = fileURLToPath(new URL("../../schema/dist/report.schema.json", import.meta.url));

describe("govreport schema", () => {
  it("prints the bytes of the shipped @govreport/schema/report.schema.json, which is the schema generated now", () => {
    const r = govreport(["schema"]);
    expect(r.status).toBe(0);
    const shipped = readFileSync(SHIPPED);
    expect(Buffer.from(r.stdout, "utf8").equals(shipped)).toBe(true);
    // The shipped file is not stale: it is what the zod schemas give today.
    expect(shipped.toString("utf8")).toBe(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  });

  it("writes the same bytes with --out", () => {
    const dir = mkdtempSync(join(tmpdir(), "govreport-schema-"));
    try {
      const out = join(dir, "report.schema.json");
      expect(govreport(["schema", "--out", out]).status).toBe(0);
      expect(readFileSync(out).equals(readFileSync(SHIPPED))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
