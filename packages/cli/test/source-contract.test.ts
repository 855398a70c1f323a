import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractReport } from "@govreport/extract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeUtf16 } from "./encode.js";
import { govreport, requireBuild, SHIPPED_SOURCE } from "./run.js";

/**
 * One source-text contract (schema source-text.ts): a draft the library makes from a text with
 * CRLF, a lone CR or a BOM refers to the normalised text, as the CLI reads it, so the built
 * `govreport validate` finds every quote at its offset and the same sha256.
 */
let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-contract-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const clean = readFileSync(SHIPPED_SOURCE, "utf8");
const variants: [string, string, (t: string) => Buffer][] = [
  ["CRLF with a UTF-8 BOM", `\uFEFF${clean.replace(/\n/g, "\r\n")}`, (t) => Buffer.from(t, "utf8")],
  ["lone CR", clean.replace(/\n/g, "\r"), (t) => Buffer.from(t, "utf8")],
  ["CRLF in UTF-16 with a BOM", clean.replace(/\n/g, "\r\n"), (t) => encodeUtf16(t, "le")],
];

describe("a library draft of a CRLF/BOM text validates with the built CLI", () => {
  it.each(variants)("%s", (name, text, encode) => {
    expect(text).not.toBe(clean);
    const dir = mkdtempSync(join(tmp, "v-"));
    const r = extractReport(text, { sourceFile: "source.txt" });
    expect(r.report.observations.length).toBeGreaterThan(50);
    writeFileSync(join(dir, "source.txt"), encode(text));
    writeFileSync(join(dir, "draft.json"), JSON.stringify(r.report));
    const out = govreport(["validate", join(dir, "draft.json"), "--json"]);
    const v = JSON.parse(out.stdout);
    expect(v.schemaIssues, name).toEqual([]);
    expect(v.source.matches).toBe(true);
    const provenance = v.findings.filter(
      (f: { code: string; severity: string }) => f.code.startsWith("provenance.") && f.severity === "error",
    );
    expect(provenance).toEqual([]);
  });
});
