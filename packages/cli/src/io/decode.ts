import { CliError, type Place } from "../errors.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface Decoded {
  /** The text, BOM removed, line breaks as in the file. */
  text: string;
  encoding: Encoding;
  bom: boolean;
}

/** Line (1-based) and byte column (1-based) of a byte offset, for errors about raw bytes. */
function bytePlace(file: string, bytes: Uint8Array, at: number): Place {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { file, line, column: at - start + 1 };
}

/** Where a strict UTF-8 decoder first fails: the offset of the first byte that starts no valid sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes text as people have it: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, or GBK/GB18030
 * (tried when the bytes are not valid UTF-8). Refuses empty input, binary data (NUL bytes) and bytes
 * that are valid in none of these, naming the place.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new CliError("the file is empty", { file });
  let decoded: Decoded;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict("utf-16le", bytes.subarray(2));
    if (text === undefined)
      throw new CliError("starts with a UTF-16 LE byte-order mark but is not valid UTF-16", { file });
    decoded = { text, encoding: "utf-16le", bom: true };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict("utf-16be", bytes.subarray(2));
    if (text === undefined)
      throw new CliError("starts with a UTF-16 BE byte-order mark but is not valid UTF-16", { file });
    decoded = { text, encoding: "utf-16be", bom: true };
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0)
      throw new CliError(
        "binary data (a NUL byte), not text; UTF-16 text needs a byte-order mark",
        bytePlace(file, bytes, nul),
      );
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bom ? bytes.subarray(3) : bytes;
    const utf8 = strict("utf-8", body);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: "utf-8", bom };
    else {
      const gb = bom ? undefined : strict("gb18030", body);
      if (gb === undefined) {
        const at = firstInvalidUtf8(body) + (bom ? 3 : 0);
        throw new CliError(
          `undecodable bytes (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")}): the file is neither UTF-8, UTF-16 with a byte-order mark, nor GBK/GB18030`,
          bytePlace(file, bytes, at),
        );
      }
      decoded = { text: gb, encoding: "gb18030", bom: false };
    }
  }
  if (decoded.text.includes("\u0000")) throw new CliError("binary data (a NUL character), not text", { file });
  if (decoded.text.trim().length === 0) throw new CliError("the file is empty (only white space)", { file });
  return decoded;
}

/** CRLF and lone CR become LF, so offsets and line numbers do not depend on where the file was saved. */
export function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
