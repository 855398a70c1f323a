import { describe, expect, it } from "vitest";
import { FIXTURE_INPUT } from "../model/fixture.js";
import { fileKind, parseReportFile } from "./parse-file.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parseReportFile", () => {
  it("accepts a valid report in JSON", async () => {
    const r = await parseReportFile("r.json", enc(JSON.stringify(FIXTURE_INPUT)));
    expect(r.ok && r.report.observations.length).toBe(FIXTURE_INPUT.observations.length);
  });

  it("reports schema problems with their JSON paths", async () => {
    const bad = structuredClone(FIXTURE_INPUT) as Record<string, unknown> & { observations: { role: string }[] };
    (bad.observations[2] as { role: string }).role = "wish";
    delete bad.period;
    const r = await parseReportFile("bad.json", enc(JSON.stringify(bad)));
    if (r.ok || r.stage !== "schema") throw new Error("expected schema issues");
    const paths = r.issues.map((i) => i.path);
    expect(paths).toContain("$.period");
    expect(paths).toContain("$.observations[2].role");
  });

  it("reports YAML syntax errors with line and column", async () => {
    const r = await parseReportFile("bad.yaml", enc("id: x\ntitle: { zh: a, en: b\nperiod: 2023\n"));
    if (r.ok || r.stage !== "syntax") throw new Error("expected a syntax error");
    expect(r.line).toBeGreaterThanOrEqual(2);
    expect(r.col).toBeGreaterThanOrEqual(1);
  });

  it("reports JSON syntax errors with a line", async () => {
    const r = await parseReportFile("bad.json", enc('{\n  "id": "x",\n  oops\n}'));
    if (r.ok || r.stage !== "syntax") throw new Error("expected a syntax error");
    expect(r.line).toBe(3);
  });

  it("knows report files from texts by extension", () => {
    expect(["a.yaml", "a.YML", "a.json", "a.txt", "a.pdf"].map(fileKind)).toEqual([
      "report",
      "report",
      "report",
      "text",
      "unsupported",
    ]);
  });
});
