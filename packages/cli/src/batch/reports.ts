import { basename } from "node:path";
import { extractReport } from "@govreport/extract";
import type { Report } from "@govreport/schema";
import type { Context } from "../context.js";
import { CliError, EXIT, formatCliError } from "../errors.js";
import { readTextInput } from "../io/read.js";
import { loadReportFile, readOptions } from "../report-file.js";
import { resolveSource, textSha256 } from "../source-text.js";
import { ANY_INPUT, expandInputs } from "./inputs.js";

export interface LoadedInput {
  file: string;
  report: Report;
  /** The text the report's quotes come from: the raw text, or a report file's source.file. */
  sourceText?: string;
  extracted: boolean;
}

const idOf = (file: string) =>
  basename(file)
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "") || "report";

/**
 * Reads every input of a panel or promises run: raw texts are extracted on the fly, report files
 * parsed and schema-checked (their source.file read when present). A file that cannot be used is
 * reported on stderr as one line and left out; the worst exit code is returned with the rest.
 */
export async function loadInputs(
  args: readonly string[],
  ctx: Context,
): Promise<{ inputs: LoadedInput[]; code: number }> {
  const files = await expandInputs(args, ANY_INPUT, ctx.cwd);
  const inputs: LoadedInput[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    try {
      if (/\.txt$/i.test(file)) {
        const input = await readTextInput(file, readOptions(ctx));
        const { report } = extractReport(input.text, { sha256: textSha256(input.text), id: idOf(file) });
        inputs.push({ file, report, sourceText: input.text, extracted: true });
        continue;
      }
      const { input, parsed } = await loadReportFile(file, ctx);
      if (!parsed.success)
        throw new CliError(
          `not a valid report (${parsed.issues.length} schema issue${parsed.issues.length === 1 ? "" : "s"}; see govreport validate ${file}); left out`,
          { file },
          EXIT.invalid,
        );
      const source = await resolveSource(parsed.report, input.path, undefined, ctx);
      inputs.push({
        file,
        report: parsed.report,
        ...(source.text !== undefined ? { sourceText: source.text } : {}),
        extracted: false,
      });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      ctx.stderr.write(`${ctx.err.red(formatCliError(e))}\n`);
      code = Math.max(code, e.exitCode);
    }
  }
  return { inputs, code };
}
