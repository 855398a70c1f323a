import { decodeText as decodeBytes, normalizeSourceText, type TextDecodeError } from "@govreport/schema";

export type TextEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Windows line ends (CRLF, or a lone CR) were turned into LF, the form the shipped source texts use. */
  normalizedLineEnds: boolean;
}

const LABEL = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", gb18030: "GB18030" } as const;

/**
 * Decodes a report text file with the CLI's rules (@govreport/schema's decodeText: UTF-8, UTF-16
 * with a byte-order mark, or GB18030; strict; Big5, Shift-JIS and other encodings refused), then
 * normalises it by the schema's source-text contract (normalizeSourceText), as the CLI does.
 * Throws a TextDecodeError for what it refuses.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeBytes(bytes);
  const normalizedLineEnds = decoded.text.includes("\r");
  return { text: normalizeSourceText(decoded.text), encoding: LABEL[decoded.encoding], normalizedLineEnds };
}

/** A decoding refusal as a load message's fields: the cause, and the line and column where there is one. */
export function decodeProblem(e: TextDecodeError): { message: string; line?: number; col?: number } {
  return {
    message: e.message,
    ...(e.line !== undefined ? { line: e.line, col: e.column ?? 1 } : {}),
  };
}
