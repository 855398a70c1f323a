import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseReport, type Report } from "@govreport/schema";
import { parse } from "yaml";
import { reportsDir } from "../../../scripts/shared-texts.mjs";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const ZHANGJIANG = {
  source: here("../../data/reports/zhangjiang-2023-h1/source.txt"),
  report: here("../../data/reports/zhangjiang-2023-h1/report.yaml"),
};

/** Hand-annotated truth for shared reports the rules were not written against (no report text inside). */
export const HELDOUT = here("../test/heldout/");

/** The real reports used as test inputs, outside the repository (scripts/shared-texts.mjs says where), with a trailing slash. */
export const SHARED_REPORTS = `${reportsDir}/`;

export function sharedReportPaths(): string[] {
  try {
    return readdirSync(SHARED_REPORTS)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => `${SHARED_REPORTS}${f}`);
  } catch {
    return [];
  }
}

/** Reads and validates the curated report; throws an Error naming the file and the cause. */
export function loadTruth(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`${file}: cannot read the curated report (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = parseReport(data);
  if (!r.success) throw new Error(`${file}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return r.report;
}
