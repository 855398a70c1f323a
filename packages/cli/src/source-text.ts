import { createHash } from "node:crypto";
import { dirname, relative, resolve } from "node:path";
import { normalizeSourceText, type Report } from "@govreport/schema";
import type { Context } from "./context.js";
import { CliError } from "./errors.js";
import { readTextInput, type TextInput } from "./io/read.js";

/**
 * The sha256 a report records: of the normalised text's UTF-8 bytes (the schema's source-text
 * contract, `normalizeSourceText`: no BOM, LF line breaks). The same text saved as GBK, UTF-16 or
 * with CRLF hashes the same, since quotes and offsets refer to the normalised text.
 */
export function textSha256(text: string): string {
  return createHash("sha256").update(normalizeSourceText(text), "utf8").digest("hex");
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Length in Unicode code points, as `[...text].length` counts it, without making an array of them. */
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

export interface SourceCheck {
  /** The path as shown to the user. */
  file: string;
  sha256: string;
  expected: string;
  matches: boolean;
  chars: number;
  expectedChars?: number;
}

export interface ResolvedSource {
  text?: string;
  check?: SourceCheck;
  /** Why there is no source text, when there is none. */
  missing?: string;
}

/**
 * Finds the source text of a report: `--source` (which must be readable), else the report's
 * `source.file` relative to the report file (or the working directory for stdin), which may be missing.
 */
export async function resolveSource(
  report: Report,
  reportPath: string | undefined,
  explicit: string | undefined,
  ctx: Context,
): Promise<ResolvedSource> {
  let input: TextInput;
  if (explicit !== undefined) {
    input = await readTextInput(explicit, { stdin: ctx.stdin, cwd: ctx.cwd });
  } else if (report.source.file !== undefined) {
    const base = reportPath ? dirname(reportPath) : ctx.cwd;
    const abs = resolve(base, report.source.file);
    const shown = relative(ctx.cwd, abs) || abs;
    try {
      input = await readTextInput(abs, { cwd: ctx.cwd });
    } catch (e) {
      if (e instanceof CliError)
        return { missing: `source.file ${shown}: ${e.message}; quotes were not checked against it` };
      throw e;
    }
    input = { ...input, name: shown };
  } else {
    return { missing: "no --source given and the report has no source.file; quotes were not checked" };
  }
  const text = normalizeSourceText(input.text);
  const sha256 = textSha256(text);
  const chars = codePointLength(text);
  const check: SourceCheck = {
    file: input.name,
    sha256,
    expected: report.source.sha256,
    matches: sha256 === report.source.sha256,
    chars,
  };
  if (report.source.chars !== undefined) check.expectedChars = report.source.chars;
  return { text, check };
}
