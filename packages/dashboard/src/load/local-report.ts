import { checkReport, type Report } from "@govreport/schema";
import type { LoadedReport, ReportOrigin } from "../model/loaded.js";

/** A report the reader loaded, checked in the browser exactly as the CLI checks it. */
export function localReport(
  report: Report,
  sourceText: string | undefined,
  origin: Exclude<ReportOrigin, "shipped">,
  extra: { fileName?: string; notes?: string[] } = {},
): LoadedReport {
  const checks = checkReport(report, sourceText === undefined ? {} : { sourceText });
  return {
    key: "local",
    report,
    origin,
    checks,
    notes: extra.notes ?? [],
    ...(sourceText === undefined ? {} : { sourceText }),
    ...(extra.fileName === undefined ? {} : { fileName: extra.fileName }),
  };
}
