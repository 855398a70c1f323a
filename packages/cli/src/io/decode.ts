import { decodeText, TextDecodeError, type TextEncoding } from "@govreport/schema";
import { CliError } from "../errors.js";

export type Encoding = TextEncoding;

/**
 * The shared decoder (@govreport/schema's decodeText, also the dashboard's), its refusals as
 * CliErrors naming the file and the place: line and column where the bytes have lines, else the
 * byte offset.
 */
export function decodeInput(bytes: Uint8Array, file: string): { text: string; encoding: Encoding; bom: boolean } {
  try {
    return decodeText(bytes);
  } catch (e) {
    if (e instanceof TextDecodeError)
      throw new CliError(
        e.message,
        e.line !== undefined
          ? { file, line: e.line, column: e.column }
          : e.offset !== undefined
            ? { file, offset: e.offset }
            : { file },
      );
    throw e;
  }
}
