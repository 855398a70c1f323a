/**
 * The source-text contract: what a report's `source` refers to.
 *
 * A report's quotes, offsets, `source.chars` and `source.sha256` are all taken over the
 * *normalised* source text: the decoded text with the byte-order mark(s) (U+FEFF) at its start removed and
 * every line break written as LF (CRLF and a lone CR each become one LF). Offsets count Unicode
 * code points into that text; the sha256 is of its UTF-8 bytes. Nothing else is changed: full-width
 * digits, indents, spaces and blank lines stay as printed, so that quotes stay verbatim.
 *
 * The same text saved with CRLF, with a BOM, or in another encoding therefore has one hash and one
 * set of offsets. The library (extractReport), the checks' provenance, the CLI and the dashboard
 * all call `normalizeSourceText` before hashing or counting, and it is idempotent, so calling it
 * twice is harmless. Decoding bytes into a string is not part of it (see the CLI's and the
 * dashboard's decoders).
 */

const BOM = "\uFEFF";

/** What normalisation changed in a text: whether it removed a BOM, and how many CRLF and lone CR it rewrote. */
export interface SourceTextChanges {
  bom: boolean;
  crlf: number;
  cr: number;
}

/** The text as the contract defines it: no leading BOM, LF line breaks. Idempotent. */
export function normalizeSourceText(text: string): string {
  // Every leading U+FEFF goes (a file saved twice with a BOM has two): otherwise normalising twice would differ.
  const t = text.startsWith(BOM) ? text.replace(/^\uFEFF+/, "") : text;
  return t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
}

/** What `normalizeSourceText` changes in `text` (all zero/false when the text already follows the contract). */
export function sourceTextChanges(text: string): SourceTextChanges {
  const bom = text.startsWith(BOM);
  if (!text.includes("\r")) return { bom, crlf: 0, cr: 0 };
  let crlf = 0;
  let cr = 0;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  return { bom, crlf, cr };
}

/** Whether a text already follows the contract (normalising it changes nothing). */
export function isNormalizedSourceText(text: string): boolean {
  return !text.startsWith(BOM) && !text.includes("\r");
}
