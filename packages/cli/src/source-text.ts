import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { normalizeSourceText, type Report } from "@govreport/schema";
import type { Context } from "./context.js";
import { CliError, EXIT, type Place } from "./errors.js";
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

/** Whether `path` is `folder` or lies inside it (both absolute and normalised). */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Finds the source text of a report: `--source` (which must be a readable regular file), else the
 * report's `source.file`, resolved relative to the report file (the working directory for stdin).
 *
 * A report must not make the tool read a path it names: `source.file` has to stay inside the
 * report's folder, symbolic links resolved, and be a regular file. Otherwise the run stops with
 * exit 2, naming the report, the field's place (`field`) and the cause; a text elsewhere is
 * given with --source. A source.file that does not exist only means the quotes are not checked.
 */
export async function resolveSource(
  report: Report,
  reportPath: string | undefined,
  explicit: string | undefined,
  ctx: Context,
  field?: Place,
): Promise<ResolvedSource> {
  let input: TextInput;
  if (explicit !== undefined) {
    input = await readTextInput(explicit, { stdin: ctx.stdin, cwd: ctx.cwd });
  } else if (report.source.file !== undefined) {
    const place: Place = field ?? { file: reportPath ?? "<stdin>" };
    const base = reportPath ? dirname(reportPath) : ctx.cwd;
    const abs = resolve(base, report.source.file);
    const shown = relative(ctx.cwd, abs) || abs;
    const refuse = (cause: string) =>
      new CliError(`source.file ${JSON.stringify(report.source.file)} ${cause}`, place, EXIT.usage);
    if (!inside(base, abs))
      throw refuse("is outside the report's folder; a report may only name a text beside it (give it with --source)");
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT")
        return { missing: `source.file ${shown}: no such file; quotes were not checked against it` };
      throw refuse(`cannot be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    let realBase = base;
    try {
      realBase = realpathSync(base);
    } catch {
      // The report's own folder: it was just read from.
    }
    if (!inside(realBase, real))
      throw refuse("leads outside the report's folder through a symbolic link (give the text with --source)");
    try {
      input = await readTextInput(real, { cwd: ctx.cwd, name: shown });
    } catch (e) {
      if (e instanceof CliError) throw refuse(`(${shown}): ${e.message}`);
      throw e;
    }
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
