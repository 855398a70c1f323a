import { parseReport, type Report, type SchemaIssue, TextDecodeError } from "@govreport/schema";
import { type DecodedText, decodeProblem, decodeText } from "./decode.js";
import { beyondLimits, type LimitProblem, tooDeep } from "./limits.js";

export type FileKind = "report" | "text" | "unsupported";

export function fileKind(name: string): FileKind {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? "";
  if (ext === "yaml" || ext === "yml" || ext === "json") return "report";
  if (ext === "txt" || ext === "text") return "text";
  return "unsupported";
}

export type ParsedReportFile =
  | { ok: true; file: string; report: Report }
  | { ok: false; file: string; stage: "syntax"; message: string; line?: number; col?: number }
  | { ok: false; file: string; stage: "schema"; issues: SchemaIssue[] }
  | { ok: false; file: string; stage: "limit"; problem: LimitProblem };

/** Line and column (1-based) of a character index. */
export function lineCol(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, col: index - before.lastIndexOf("\n") };
}

async function parseSyntax(
  file: string,
  text: string,
): Promise<{ ok: true; data: unknown } | { ok: false; message: string; line?: number; col?: number }> {
  if (file.toLowerCase().endsWith(".json")) {
    try {
      return { ok: true, data: JSON.parse(text) };
    } catch (e) {
      const message = (e as Error).message;
      const pos = /position (\d+)/.exec(message);
      const lc = /line (\d+) column (\d+)/.exec(message);
      if (lc) return { ok: false, message, line: Number(lc[1]), col: Number(lc[2]) };
      if (pos) return { ok: false, message, ...lineCol(text, Number(pos[1])) };
      return { ok: false, message };
    }
  }
  // yaml is only needed here, so it loads with the first report file a reader drops.
  const { parseDocument } = await import("yaml");
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const at = err.linePos?.[0];
    return {
      ok: false,
      // The first line says what is wrong; yaml's pretty message ends it with ":" before a code excerpt.
      message: (err.message.split("\n")[0] ?? err.message).replace(/:\s*$/, ""),
      ...(at ? { line: at.line, col: at.col } : {}),
    };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) };
}

/** Parses a YAML or JSON report file and validates it with the schema, as the CLI does. */
export async function parseReportFile(file: string, bytes: Uint8Array): Promise<ParsedReportFile> {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (e) {
    if (e instanceof TextDecodeError) return { ok: false, file, stage: "syntax", ...decodeProblem(e) };
    throw e;
  }
  // Nesting is measured before parsing: a parser recurses, and deep enough input overflows its stack.
  const deep = tooDeep(text);
  if (deep) return { ok: false, file, stage: "limit", problem: { limit: "depth", at: "", line: deep.line } };
  let syntax: Awaited<ReturnType<typeof parseSyntax>>;
  try {
    syntax = await parseSyntax(file, text);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, file, stage: "limit", problem: { limit: "depth", at: "" } };
    throw e;
  }
  if (!syntax.ok) {
    const { ok: _, ...rest } = syntax;
    return { ok: false, file, stage: "syntax", ...rest };
  }
  const beyond = beyondLimits(syntax.data);
  if (beyond) return { ok: false, file, stage: "limit", problem: beyond };
  const r = parseReport(syntax.data);
  if (!r.success) return { ok: false, file, stage: "schema", issues: r.issues };
  return { ok: true, file, report: r.report };
}

export function readText(bytes: Uint8Array): DecodedText {
  return decodeText(bytes);
}
