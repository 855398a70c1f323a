import type { ExtractWarning } from "@govreport/extract";
import { normalizeSourceText, type SchemaIssue, TextDecodeError } from "@govreport/schema";
import type { LoadedReport } from "../model/loaded.js";
import { type DecodedText, decodeProblem, decodeText } from "./decode.js";
import { LIMITS, type LimitProblem } from "./limits.js";
import { localReport } from "./local-report.js";
import { fileKind, parseReportFile } from "./parse-file.js";

export const MAX_FILE_BYTES = LIMITS.fileBytes;

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** What loading said, for the reader: keys into the messages, with their arguments. */
export type LoadMessage =
  | { kind: "unsupported"; file: string }
  | { kind: "tooLarge"; file: string }
  | { kind: "limit"; file: string; problem: LimitProblem }
  | { kind: "syntax"; file: string; message: string; line?: number; col?: number }
  | { kind: "schema"; file: string; issues: SchemaIssue[] }
  | { kind: "encoding"; file: string; encoding: string; normalizedLineEnds: boolean }
  | { kind: "shaMismatch"; file: string; expected: string; actual: string }
  | { kind: "extracted"; file: string; observations: number; warnings: ExtractWarning[] }
  | { kind: "loaded"; file: string };

export interface LoadOutcome {
  loaded?: LoadedReport;
  messages: LoadMessage[];
}

/**
 * Loads what the reader dropped: a report file (YAML/JSON), optionally with its source text
 * (.txt), or a raw text alone, which is extracted into a draft report. Everything runs here in
 * the browser; extraction code loads only when a text is dropped.
 */
export async function loadFiles(files: readonly InputFile[]): Promise<LoadOutcome> {
  const messages: LoadMessage[] = [];
  const reports: InputFile[] = [];
  const texts: InputFile[] = [];
  for (const f of files) {
    if (f.bytes.byteLength > MAX_FILE_BYTES) messages.push({ kind: "tooLarge", file: f.name });
    else if (fileKind(f.name) === "report") reports.push(f);
    else if (fileKind(f.name) === "text") {
      if (f.bytes.byteLength > LIMITS.textBytes)
        messages.push({ kind: "limit", file: f.name, problem: { limit: "textBytes", bytes: f.bytes.byteLength } });
      else texts.push(f);
    } else messages.push({ kind: "unsupported", file: f.name });
  }
  const textFile = texts[0];
  let raw: DecodedText | undefined;
  try {
    raw = textFile ? decodeText(textFile.bytes) : undefined;
  } catch (e) {
    if (!(e instanceof TextDecodeError) || !textFile) throw e;
    messages.push({ kind: "syntax", file: textFile.name, ...decodeProblem(e) });
    return { messages };
  }
  // Hash, offsets and quotes refer to the normalised text (the schema's source-text contract).
  const decoded = raw ? { ...raw, text: normalizeSourceText(raw.text) } : undefined;
  if (textFile && decoded) {
    messages.push({
      kind: "encoding",
      file: textFile.name,
      encoding: decoded.encoding,
      normalizedLineEnds: decoded.normalizedLineEnds,
    });
  }

  const reportFile = reports[0];
  if (reportFile) {
    const parsed = await parseReportFile(reportFile.name, reportFile.bytes);
    if (!parsed.ok) {
      if (parsed.stage === "syntax") {
        const { ok: _ok, stage: _stage, ...rest } = parsed;
        messages.push({ kind: "syntax", ...rest });
      } else if (parsed.stage === "limit") messages.push({ kind: "limit", file: parsed.file, problem: parsed.problem });
      else messages.push({ kind: "schema", file: parsed.file, issues: parsed.issues });
      return { messages };
    }
    const notes: string[] = [];
    if (decoded && textFile) {
      // Extract's hash works where Web Crypto is absent (pages served over plain http).
      const { sha256Hex } = await import("@govreport/extract");
      const actual = await sha256Hex(decoded.text);
      if (actual !== parsed.report.source.sha256) {
        messages.push({ kind: "shaMismatch", file: textFile.name, expected: parsed.report.source.sha256, actual });
        notes.push(`sha256 ${textFile.name} = ${actual} ≠ ${parsed.report.source.sha256}`);
      }
    }
    const fileName = textFile ? `${reportFile.name} + ${textFile.name}` : reportFile.name;
    messages.push({ kind: "loaded", file: fileName });
    return { loaded: localReport(parsed.report, decoded?.text, "file", { fileName, notes }), messages };
  }

  if (textFile && decoded) {
    const { extractReportAsync } = await import("@govreport/extract");
    const result = await extractReportAsync(decoded.text, { sourceFile: textFile.name });
    messages.push({
      kind: "extracted",
      file: textFile.name,
      observations: result.report.observations.length,
      warnings: result.warnings,
    });
    messages.push({ kind: "loaded", file: textFile.name });
    return { loaded: localReport(result.report, decoded.text, "text", { fileName: textFile.name }), messages };
  }
  return { messages };
}
