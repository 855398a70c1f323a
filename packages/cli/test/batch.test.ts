import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../vitest.shared-texts.js";
import { govreport, SHIPPED_YAML, STACK } from "./run.js";

const TEXTS = ["hailaer_2013_annual.txt", "baoding_2023_annual.txt", "hebei_2025_annual.txt"];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "govreport-batch-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of real texts and one undecodable file, sorted after them. */
function folder(): string {
  const d = join(dir, "texts");
  if (existsSync(d)) return d;
  mkdirSync(join(d, "sub"), { recursive: true });
  for (const t of TEXTS) copyFileSync(sharedPath(t), join(d, t === TEXTS[1] ? `sub/${t}` : t));
  writeFileSync(join(d, "zz-broken.txt"), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
  writeFileSync(join(d, "notes.md"), "not a report");
  return d;
}

describeShared("batch: check, extract and validate over many files in one process", TEXTS, () => {
  it("check <folder>: per-file output in order, the bad file reported without stopping the others, exit = worst, a summary line", () => {
    const r = govreport(["check", folder(), "--jobs", "2"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    const summaries = r.stdout.match(/among \d+ figures in texts\/\S+/g) ?? [];
    expect(summaries.map((s) => s.replace(/.* in /, ""))).toEqual([
      "texts/hailaer_2013_annual.txt",
      "texts/hebei_2025_annual.txt",
      "texts/sub/baoding_2023_annual.txt",
    ]);
    expect(r.stderr).toMatch(/^govreport: texts\/zz-broken\.txt: .*UTF-16/m);
    expect(r.stderr).toMatch(
      /govreport check: 4 files: (3 ok|\d ok, \d with problems), 1 unreadable, malformed or refused; [\d.]+ s, [\d.]+ files\/s with 2 worker threads \(CPU [\d.]+ s: [\d.]+ cores busy\); exit 2\n$/,
    );
    expect(r.stderr).not.toContain("\r"); // no progress bar on a pipe
  });

  it("gives the same per-file results with --jobs 1 (this thread) as with worker threads", () => {
    const one = govreport(["check", folder(), "-j", "1"], { cwd: dir });
    const two = govreport(["check", folder(), "-j", "2"], { cwd: dir });
    expect(one.stdout).toBe(two.stdout);
    expect(one.stdout.length).toBeGreaterThan(100);
    expect(one.stderr).toMatch(/with 1 job \(CPU [\d.]+ s: [\d.]+ cores busy\); exit 2/);
  });

  it("--json is NDJSON: one line per file with its exit code and the single-file JSON result", () => {
    const r = govreport(["check", folder(), "--json"], { cwd: dir });
    const lines = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; exit: number; result?: { figures: number }; messages?: string[] });
    expect(lines.map((l) => l.file)).toEqual([
      "texts/hailaer_2013_annual.txt",
      "texts/hebei_2025_annual.txt",
      "texts/sub/baoding_2023_annual.txt",
      "texts/zz-broken.txt",
    ]);
    expect(lines.map((l) => (l.exit === 2 ? "unreadable" : "read"))).toEqual(["read", "read", "read", "unreadable"]);
    expect(lines[0]?.result?.figures).toBeGreaterThan(10);
    expect(lines[3]?.messages?.[0]).toMatch(/zz-broken\.txt: .*UTF-16/);
  });

  it("a quoted glob is expanded, and matching nothing is a one-line error", () => {
    const r = govreport(["check", "texts/*.txt", "--json"], { cwd: dir });
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(3);
    const none = govreport(["check", "texts/*.nothing"], { cwd: dir });
    expect(none).toMatchObject({ status: 2, stdout: "" });
    expect(none.stderr).toBe("govreport: texts/*.nothing: no file matches this pattern\n");
  });

  it("extract over a folder writes <name>.yaml into -o <folder>, and needs -o", () => {
    const r = govreport(["extract", folder(), "-o", "drafts", "--format", "json"], { cwd: dir });
    expect(r.status).toBe(2);
    for (const t of TEXTS) {
      const draft = JSON.parse(readFileSync(join(dir, "drafts", t.replace(/\.txt$/, ".json")), "utf8")) as {
        observations: unknown[];
      };
      expect(draft.observations.length).toBeGreaterThan(5);
    }
    const again = govreport(["extract", folder(), "-o", "drafts", "--format", "json"], { cwd: dir });
    expect(again.stderr).toMatch(/drafts\/hebei_2025_annual\.json: already exists; use --force/);
    const noOut = govreport(["extract", folder()], { cwd: dir });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/^govreport: extract with several inputs needs -o <folder>/);
  });

  it("validate takes several report files; --jobs must be a number", () => {
    const r = govreport(["validate", SHIPPED_YAML, SHIPPED_YAML, "--json"]);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split("\n")
        .map((l) => (JSON.parse(l) as { result: { valid: boolean } }).result.valid),
    ).toEqual([true, true]);
    const bad = govreport(["validate", SHIPPED_YAML, SHIPPED_YAML, "--jobs", "two"]);
    expect(bad).toMatchObject({
      status: 2,
      stderr: 'govreport: --jobs must be a whole number from 1 to 9999, not "two"\n',
    });
  });
});
