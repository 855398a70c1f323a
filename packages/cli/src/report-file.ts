import type { ParseReportResult } from "@govreport/schema";
import { parseReport } from "@govreport/schema";
import type { Context } from "./context.js";
import { type ReadOptions, readTextInput, type TextInput } from "./io/read.js";
import { parseJsonPath } from "./parse/json-path.js";
import { type Position, parseStructured, type StructuredDocument } from "./parse/structured.js";
import { mark } from "./timing.js";

export interface LoadedReport {
  input: TextInput;
  doc: StructuredDocument;
  parsed: ParseReportResult;
}

export function readOptions(ctx: Context): ReadOptions {
  return { stdin: ctx.stdin, cwd: ctx.cwd };
}

/** Reads, decodes, parses and schema-checks a report file. Unreadable or malformed input throws a CliError. */
export async function loadReportFile(arg: string, ctx: Context): Promise<LoadedReport> {
  const input = await readTextInput(arg, readOptions(ctx));
  mark("report read and decoded");
  const doc = await parseStructured(input.text, input.name);
  mark("report parsed (YAML/JSON)");
  const parsed = parseReport(doc.data);
  mark("schema checked (zod)");
  return { input, doc, parsed };
}

/**
 * Where a JSON path points in the file. An "unknown field" issue's path is the object holding the
 * field, so the first unknown key (`keys`) is located instead.
 */
export function locatePath(doc: StructuredDocument, path: string, keys?: readonly string[]): Position | undefined {
  const segments = parseJsonPath(path);
  const key = keys?.[0];
  if (key !== undefined) return doc.locate([...segments, key], { key: true });
  return doc.locate(segments);
}
