import { getChecks, getReport, getSourceText, reportIds } from "@govreport/data";
import type { LoadedReport } from "./loaded.js";

export const DEFAULT_REPORT: string = reportIds[0] ?? "";
export const SHIPPED_IDS: readonly string[] = reportIds;

const cache = new Map<string, LoadedReport>();

/** A shipped report with its source text and the checks the data package ran at build time. */
export function shippedReport(id: string): LoadedReport | undefined {
  const cached = cache.get(id);
  if (cached) return cached;
  const report = getReport(id);
  const checks = getChecks(id);
  if (!report || !checks) return undefined;
  const sourceText = getSourceText(id);
  const loaded: LoadedReport = {
    key: id,
    report,
    origin: "shipped",
    checks,
    notes: [],
    ...(sourceText === undefined ? {} : { sourceText }),
  };
  cache.set(id, loaded);
  return loaded;
}
