import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../data/test/csv-parse.js";
import { govreport, SHIPPED_YAML } from "./run.js";

const tmp = mkdtempSync(join(tmpdir(), "govreport-export-dp-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("export --format datapackage", () => {
  it("writes the three tables the descriptor lists, with their sizes, hashes and resolving foreign keys", () => {
    const dir = join(tmp, "pkg");
    const r = govreport(["export", SHIPPED_YAML, "--format", "datapackage", "-o", dir]);
    expect(r.status, r.stderr).toBe(0);
    const dp = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
    expect(dp.resources.map((x: { path: string }) => x.path)).toEqual([
      "observations.csv",
      "indicators.csv",
      "units.csv",
    ]);
    expect(dp.licenses[0].name).toBe("CC-BY-4.0");
    const cells = (path: string) => parseCsv(readFileSync(join(dir, path), "utf8"), "\r\n");
    for (const res of dp.resources) {
      const bytes = readFileSync(join(dir, res.path));
      expect(res.bytes).toBe(bytes.length);
      expect(res.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
    // Every indicator_id and unit of observations.csv is a row of its table.
    const [head, ...rows] = cells("observations.csv");
    const col = (name: string) => head?.indexOf(name) ?? -1;
    const indicators = new Set(cells("indicators.csv").map((r) => r[0]));
    const units = new Set(cells("units.csv").map((r) => r[0]));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(indicators.has(row[col("indicator_id")])).toBe(true);
      const unit = row[col("unit")] ?? "";
      if (unit !== "") expect(units.has(unit), unit).toBe(true);
    }
  });
});
