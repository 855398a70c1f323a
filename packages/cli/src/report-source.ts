import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Report } from "@govreport/schema";
import type { Context } from "./context.js";
import { CliError, EXIT, formatPlace } from "./errors.js";
import { escapeControl } from "./format/escape.js";
import { loadReportFile, locatePath } from "./report-file.js";

export interface ResolvedReport {
  report: Report;
  /** What messages call it: the file as given, or the shipped id. */
  name: string;
  /** Set for shipped reports. */
  sourceText?: string;
  shipped: boolean;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * A report given as a file (YAML or JSON, `-` for stdin) or as the id of a shipped report. The
 * data package is imported only when the argument is not a file. A report with schema problems is
 * refused (exit 1), each problem on stderr with its place.
 */
export async function resolveReport(arg: string, ctx: Context): Promise<ResolvedReport> {
  const looksLikeId = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(arg) && !/\.(ya?ml|json)$/i.test(arg);
  if (arg === "-" || !looksLikeId || (await isFile(resolve(ctx.cwd, arg)))) {
    const { input, doc, parsed } = await loadReportFile(arg, ctx);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const at = locatePath(doc, issue.path, issue.keys);
        ctx.stderr.write(
          `${escapeControl(`govreport: ${formatPlace({ file: input.name, ...at })}${issue.path}: ${issue.message}`)}\n`,
        );
      }
      throw new CliError(
        `not a valid report (${parsed.issues.length} schema issue${parsed.issues.length === 1 ? "" : "s"}); see govreport validate ${arg}`,
        { file: input.name },
        EXIT.invalid,
      );
    }
    return { report: parsed.report, name: input.name, shipped: false };
  }
  const data = await import("@govreport/data");
  const report = data.getReport(arg);
  if (!report)
    throw new CliError(`no such file, and no shipped report has this id (shipped: ${data.reportIds.join(", ")})`, {
      file: arg,
    });
  const sourceText = data.getSourceText(arg);
  return { report, name: arg, shipped: true, ...(sourceText !== undefined ? { sourceText } : {}) };
}
