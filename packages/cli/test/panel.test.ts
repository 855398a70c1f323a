import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PANEL_COLUMNS } from "@govreport/data/panel";
import { afterAll, expect, it } from "vitest";
import { describeShared, readShared, sharedPath } from "../../../vitest.shared-texts.js";
import { govreport, SHIPPED_YAML } from "./run.js";

const SERIES = ["hebei_2023_annual.txt", "hebei_2024_annual.txt", "hebei_2025_annual.txt"];
const dir = mkdtempSync(join(tmpdir(), "govreport-panel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeShared("govreport panel over a series of raw texts", SERIES, () => {
  it("writes one JSON record per jurisdiction × indicator × period × role, each quote at its offset", () => {
    const r = govreport(["panel", ...SERIES.map(sharedPath), "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string | number>[];
    const keys = rows.map((x) => [x.jurisdiction, x.indicator_key, x.period, x.role].join("|"));
    expect(new Set(keys).size).toBe(rows.length);
    const texts = new Map(SERIES.map((f) => [f.replace(/\.txt$/, ""), [...readShared(f)]]));
    for (const x of rows) {
      const text = texts.get(String(x.report_id)) as string[];
      const quote = String(x.quote);
      expect(text.slice(Number(x.quote_offset), Number(x.quote_offset) + [...quote].length).join("")).toBe(quote);
    }
    // GDP growth across the three reports: matched through the catalogue.
    const gdp = rows.filter((x) => x.indicator_key === "gdp_growth").map((x) => `${x.period} ${x.role} ${x.printed}`);
    expect(gdp).toEqual(
      expect.arrayContaining(["2023 target 6%左右", "2023 actual 5.5%", "2024 target 5.5%左右", "2024 actual 5.4%"]),
    );
    // A report-local indicator keeps its report's prefix.
    for (const x of rows.filter((x) => x.indicator_match === "report_local"))
      expect(String(x.indicator_key).startsWith(`${x.report_id}/`)).toBe(true);
    expect(r.stderr).toMatch(/^govreport panel: \d+ rows from 3 reports \(3 contributing\), 1 jurisdiction\n$/);
  });

  it("writes CSV with the panel's columns, and a data package folder that refuses to overwrite", () => {
    const csv = govreport(["panel", ...SERIES.map(sharedPath)]);
    expect(csv.stdout.split("\r\n")[0]).toBe(PANEL_COLUMNS.map((c) => c.name).join(","));
    const out = join(dir, "pkg");
    expect(govreport(["panel", ...SERIES.map(sharedPath), "-f", "datapackage", "-o", out]).status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8")) as {
      resources: { path: string; bytes: number; schema: { fields: { name: string }[] } }[];
    };
    expect(pkg.resources[0]?.schema.fields.map((f) => f.name)).toEqual(PANEL_COLUMNS.map((c) => c.name));
    expect(pkg.resources[0]?.bytes).toBe(readFileSync(join(out, "panel.csv")).length);
    const again = govreport(["panel", sharedPath(SERIES[0] as string), "-f", "datapackage", "-o", out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
  });

  it("takes report files and texts together, and reports an unusable file without stopping", () => {
    const r = govreport(["panel", SHIPPED_YAML, sharedPath(SERIES[0] as string), join(dir, "missing.txt")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
    expect(r.stdout).toMatch(/zhangjiang-2023-h1/);
    expect(r.stdout).toMatch(/hebei_2023_annual/);
  });
});
