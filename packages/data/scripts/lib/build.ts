import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OBSERVATION_COLUMNS } from "../../src/columns.js";
import { observationsCsv } from "../../src/csv.js";
import { dataPackage, type PackageInfo } from "../../src/datapackage.js";
import { indicatorsCsv, unitsCsv } from "../../src/tables.js";
import { generatedModule, reportJson, type ShippedReport } from "./generate.js";
import { discoverReports, isValid, type LoadedReport, loadReport } from "./load.js";

export interface Validation {
  loaded: LoadedReport[];
  /** Report folders without a report.yaml (skipped). */
  without: string[];
  /** Problems across reports, such as two ids that differ only in case. */
  crossProblems: string[];
  valid: boolean;
}

export function validateAll(reportsDir: string): Validation {
  const { files, without } = discoverReports(reportsDir);
  const loaded = files.map(loadReport);
  const crossProblems: string[] = [];
  const seen = new Map<string, string>();
  for (const r of loaded) {
    const key = r.id.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) crossProblems.push(`report ids ${other} and ${r.id} differ only in case`);
    seen.set(key, r.id);
  }
  return { loaded, without, crossProblems, valid: crossProblems.length === 0 && loaded.every(isValid) };
}

export function shippedReports(v: Validation): ShippedReport[] {
  return v.loaded.map((r) => {
    if (!r.report || r.sourceText === undefined || !r.checks) throw new Error(`report ${r.id} is not valid`);
    return { report: r.report, sourceText: r.sourceText, checks: r.checks };
  });
}

/** A file the build writes, by path relative to dist/. */
export interface ShippedFile {
  path: string;
  content: string;
}

/** Size and sha256 of the UTF-8 bytes, as the descriptor states them. */
function facts(file: ShippedFile) {
  const bytes = Buffer.from(file.content, "utf8");
  return { path: file.path, bytes: bytes.length, hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}` };
}

/** Every data file of dist/, by path relative to it. */
export function dataFiles(shipped: readonly ShippedReport[], info: PackageInfo): ShippedFile[] {
  const reports = shipped.map((s) => s.report);
  const observations = { path: "observations.csv", content: observationsCsv(reports) };
  const indicators = { path: "indicators.csv", content: indicatorsCsv(reports) };
  const units = { path: "units.csv", content: unitsCsv(reports) };
  const reportFiles = reports.map((r) => ({ path: `reports/${r.id}.json`, content: reportJson(r) }));
  const sourceFiles = shipped.map((s) => ({ path: `sources/${s.report.id}.txt`, content: s.sourceText }));
  const descriptor = dataPackage(info, OBSERVATION_COLUMNS, reports, {
    observations: facts(observations),
    indicators: facts(indicators),
    units: facts(units),
    reports: reportFiles.map(facts),
    sources: sourceFiles.map(facts),
  });
  return [
    observations,
    indicators,
    units,
    ...reportFiles,
    ...sourceFiles,
    { path: "datapackage.json", content: `${JSON.stringify(descriptor, null, 2)}\n` },
  ];
}

/** Writes through a temporary file in the same folder and a rename, so readers never see half a file. */
export function writeAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Writes the file unless it already holds exactly this content; true when it wrote. */
export function writeIfChanged(file: string, content: string): boolean {
  if (readIfExists(file) === content) return false;
  writeAtomic(file, content);
  return true;
}

export interface EmitOptions {
  outDir: string;
  generatedFile: string;
  info: PackageInfo;
}

/**
 * Writes src/generated/reports.ts (only when it changes) and the data files of dist/, after
 * emptying dist/ so that a removed report leaves nothing behind. tsup runs after this with
 * `clean: false` and adds the JavaScript.
 */
export function emit(shipped: readonly ShippedReport[], options: EmitOptions): string[] {
  const written: string[] = [];
  if (writeIfChanged(options.generatedFile, generatedModule(shipped))) written.push(options.generatedFile);
  rmSync(options.outDir, { recursive: true, force: true });
  for (const f of dataFiles(shipped, options.info)) {
    const file = join(options.outDir, f.path);
    writeAtomic(file, f.content);
    written.push(file);
  }
  return written;
}
