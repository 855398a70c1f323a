/**
 * SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. `sha256HexSync` uses
 * `@noble/hashes` (audited, synchronous, browser-safe) so that `extractReport` can stay synchronous
 * in every runtime; `sha256Hex` uses Web Crypto when it is there and falls back to the same code when
 * it is not (a browser page served over plain http has no `crypto.subtle`).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 of the UTF-8 encoding of `text`, synchronously, as 64 lower-case hex digits. */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of the UTF-8 encoding of `text`, with Web Crypto when available, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const bytes = utf8ToBytes(text);
  if (!subtle) return bytesToHex(sha256(bytes));
  return bytesToHex(new Uint8Array(await subtle.digest("SHA-256", bytes)));
}
