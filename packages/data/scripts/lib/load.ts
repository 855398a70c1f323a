import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import {
  type CheckResult,
  checkReport,
  formatJsonPath,
  parseReport,
  type Report,
  unusedAcknowledgements,
} from "@govreport/schema";
import { type Document, LineCounter, parseDocument } from "yaml";
import { type Located, locate, type PathSegment, parseJsonPath } from "./yaml-locate.js";

/** A file that could not be read at all: the build exits with the I/O code. */
export class InputError extends Error {
  override name = "InputError";
}

/** Something wrong with a report that stops the build, placed in its YAML file. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  /** JSON path inside the report, e.g. $.observations[3].quantity.unit */
  path?: string;
  message: string;
}

export interface LoadedReport {
  id: string;
  /** The report.yaml file. */
  file: string;
  /** Problems that stop the build: YAML syntax, schema issues, a wrong id, a missing or changed source. */
  problems: Problem[];
  /** Present when the YAML is valid against the schema. */
  report?: Report;
  /** Present when the source file could be read. */
  sourceText?: string;
  checks?: CheckResult;
  /** Acknowledgements that match no finding (stale after an edit): `$.acknowledged[i]`. */
  unusedAcknowledgements: number[];
  /** Where a JSON path of this report points in its YAML. */
  locate(path: string | readonly PathSegment[], options?: { key?: boolean }): Located | undefined;
}

export const REPORT_FILE = "report.yaml";

/** Report folders under `reportsDir` that hold a report.yaml, sorted; and those that do not. */
export function discoverReports(reportsDir: string): { files: string[]; without: string[] } {
  let names: string[];
  try {
    names = readdirSync(reportsDir).sort();
  } catch (e) {
    throw new InputError(`cannot read the reports folder ${reportsDir}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const files: string[] = [];
  const without: string[] = [];
  for (const name of names) {
    const dir = join(reportsDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const file = join(dir, REPORT_FILE);
    if (existsSync(file)) files.push(file);
    else without.push(dir);
  }
  return { files, without };
}

function readText(file: string, what: string): { bytes: Buffer; text: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  try {
    return { bytes, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    throw new InputError(`${file} is not valid UTF-8`);
  }
}

/** Quote the value in YAML when a text field got a number (period: 2023 reads as a number). */
function hint(message: string): string {
  return message === "expected text, got a number" ? `${message} (put it in quotes in the YAML)` : message;
}

/** Reads, parses and validates one report.yaml and its source text; never throws for bad data. */
export function loadReport(file: string): LoadedReport {
  const { text } = readText(file, "report");
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const dir = dirname(file);
  const id = basename(dir);
  const problems: Problem[] = [];
  const at = (path: string | readonly PathSegment[], options?: { key?: boolean }) => {
    const segments = typeof path === "string" ? parseJsonPath(path) : path;
    return segments ? locate(doc, lines, segments, options) : undefined;
  };
  const problem = (path: string, message: string, options?: { key?: boolean }) => {
    const pos = at(path, options);
    problems.push({ file, path, message, ...(pos ? { line: pos.line, col: pos.col } : {}) });
  };
  const loaded: LoadedReport = { id, file, problems, unusedAcknowledgements: [], locate: at };

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      const message =
        e.code === "MULTIPLE_DOCS" ? "a report file holds one YAML document: remove the extra ---" : e.message;
      problems.push({ file, line: pos.line, col: pos.col, message: `YAML syntax: ${message}` });
    }
    return loaded;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    problems.push({ file, line: 1, col: 1, message: `YAML: ${(e as Error).message}` });
    return loaded;
  }

  const parsed = parseReport(data);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      if (issue.keys && issue.keys.length > 0) {
        for (const key of issue.keys)
          problem(formatJsonPath([...issue.segments, key]), `unknown field "${key}"`, { key: true });
      } else problem(issue.path, hint(issue.message));
    }
    return loaded;
  }
  const report = parsed.report;
  loaded.report = report;

  if (report.id !== id) problem("$.id", `the report id "${report.id}" must equal its folder name "${id}"`);

  if (report.source.file === undefined) {
    problem("$.source", "source.file is required: the shipped data includes the text its quotes come from");
    return loaded;
  }
  const sourceFile = resolve(dir, report.source.file);
  // A report never makes the build read a path it names (as in the CLI): its text lies beside it.
  const rel = relative(dir, sourceFile);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    problem("$.source.file", `source.file ${report.source.file} is outside the report's folder ${dir}`);
    return loaded;
  }
  if (existsSync(sourceFile) && !statSync(sourceFile).isFile()) {
    problem("$.source.file", `source.file ${report.source.file} is not a regular file`);
    return loaded;
  }
  if (!existsSync(sourceFile)) {
    problem("$.source.file", `the source file ${report.source.file} does not exist (looked for ${sourceFile})`);
    return loaded;
  }
  const source = readText(sourceFile, "source text");
  const sha256 = createHash("sha256").update(source.bytes).digest("hex");
  if (sha256 !== report.source.sha256)
    problem(
      "$.source.sha256",
      `${report.source.file} has sha256 ${sha256}, the report records ${report.source.sha256}: the source changed, or the hash is wrong`,
    );
  const chars = [...source.text].length;
  if (report.source.chars !== undefined && chars !== report.source.chars)
    problem(
      "$.source.chars",
      `${report.source.file} has ${chars} code points, the report records ${report.source.chars}`,
    );
  loaded.sourceText = source.text;

  const checks = checkReport(report, { sourceText: source.text });
  loaded.checks = checks;
  loaded.unusedAcknowledgements = unusedAcknowledgements(report, checks.findings);
  return loaded;
}

/** True when the report may ship: no problems and no unacknowledged error. */
export function isValid(r: LoadedReport): boolean {
  return r.problems.length === 0 && r.report !== undefined && r.checks?.valid === true;
}
