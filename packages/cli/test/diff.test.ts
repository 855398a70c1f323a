import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../vitest.shared-texts.js";
import { govreport } from "./run.js";

const SERIES = ["hebei_2023_annual.txt", "hebei_2024_annual.txt"];
const dir = mkdtempSync(join(tmpdir(), "govreport-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  indicator: string;
  comparable: boolean;
  a: { role: string; period: string; granularity: string };
  b: { role: string; period: string; granularity: string };
  note?: string;
}

describeShared("govreport diff compares like with like", SERIES, () => {
  it("pairs figures of the same role and period length, and says when nothing is comparable", () => {
    const [a, b] = SERIES.map((f) => join(dir, f.replace(/\.txt$/, ".json")));
    for (const [i, f] of SERIES.entries())
      expect(govreport(["extract", sharedPath(f), "-o", [a, b][i] as string]).status).toBe(0);
    const r = govreport(["diff", a as string, b as string, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { both: Row[] }).both;
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows.filter((x) => x.comparable)) {
      expect(row.a.role).toBe(row.b.role);
      expect(row.a.granularity).toBe(row.b.granularity);
    }
    for (const row of rows.filter((x) => !x.comparable)) expect(row.note).toMatch(/^nothing comparable: a has /);
    // GDP growth: the 2022 actual (2023 report) against the 2023 actual (2024 report), both years.
    const gdp = rows.find((x) => x.indicator === "gdp_growth");
    expect(gdp).toMatchObject({
      comparable: true,
      a: { role: "actual", period: "2022" },
      b: { role: "actual", period: "2023" },
    });
  });
});
