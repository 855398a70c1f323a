import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = fileURLToPath(new URL("./fixtures/reports/", import.meta.url));
export const TINY = join(FIXTURES, "tiny-2023");
export const TINY_YAML = readFileSync(join(TINY, "report.yaml"), "utf8");

/**
 * A copy of the tiny fixture report in a fresh temporary reports folder, its YAML passed through
 * `edit`; `folder` renames the report folder (the id must match it).
 */
export function brokenFixture(edit: (yaml: string) => string, folder = "tiny-2023") {
  const reportsDir = mkdtempSync(join(tmpdir(), "govreport-data-"));
  cpSync(TINY, join(reportsDir, "tiny-2023"), { recursive: true });
  if (folder !== "tiny-2023") renameSync(join(reportsDir, "tiny-2023"), join(reportsDir, folder));
  const yaml = edit(TINY_YAML);
  if (yaml === TINY_YAML) throw new Error("the edit changed nothing: the fixture no longer has what the test edits");
  const file = join(reportsDir, folder, "report.yaml");
  writeFileSync(file, yaml);
  return { reportsDir, file, yaml };
}

/** 1-based line and column (in UTF-16 units, as the yaml library counts) of the first `needle`. */
export function positionOf(text: string, needle: string, from = 0): { line: number; col: number } {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, col: at - before.lastIndexOf("\n") };
}

/** Replaces exactly one occurrence, so an edit cannot silently hit the wrong place. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}
