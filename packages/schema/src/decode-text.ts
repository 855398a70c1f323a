/**
 * Bytes of a report text to a string, with one set of rules for every reader (the CLI and the
 * dashboard): UTF-8 with or without a byte-order mark, UTF-16 LE/BE with one, or GB18030 (a
 * superset of GBK and GB2312, the usual encoding of older Chinese government files) when the
 * bytes are not UTF-8. Every decoder is strict: bytes that are not valid in the chosen encoding
 * are refused, never replaced by U+FFFD.
 *
 * Big5 (traditional Chinese), Shift-JIS and EUC-JP (Japanese) and EUC-KR (Korean) bytes are almost
 * all valid GB18030 too and would decode to plausible-looking nonsense, so GB18030 is accepted only
 * when the text looks like simplified Chinese: nearly all of its two-byte characters in GB2312's
 * punctuation rows and hanzi rows, where every ordinary character of a simplified-Chinese report
 * lies, and its hanzi spread over those rows as Chinese text's are. Anything else is refused,
 * naming the likely encoding, rather than guessed.
 *
 * Decoding only: line breaks and the byte-order mark's meaning for hashes are the business of
 * the source-text normalisation, not of this module. Uses only TextDecoder (browser-safe).
 */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** A text file decoded by {@link decodeText}: the text, the encoding it was read as, and whether it had a BOM. */
export interface DecodedText {
  /** The text, byte-order mark removed, line breaks as in the bytes. */
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * Why bytes could not be read as a report text: empty, binary, broken UTF-16, undecodable, or in an encoding
 * that is not supported.
 */
export type TextDecodeProblem = "empty" | "binary" | "bad-utf16" | "undecodable" | "other-encoding";

/** Why bytes are not a text we read, and where: a byte offset, and a line and byte column where lines make sense. */
export class TextDecodeError extends Error {
  override name = "TextDecodeError";
  constructor(
    message: string,
    readonly problem: TextDecodeProblem,
    /** 0-based offset of the first offending byte, when there is one. */
    readonly offset?: number,
    /** 1-based line (counting LF bytes) and 1-based byte column of `offset`, for 8-bit texts. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Where a strict UTF-8 decoder first fails: the offset of the first byte that starts no valid sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const second = bytes[i + 1];
    // The second byte's range excludes overlong forms and surrogates (E0 A0–BF, ED 80–9F, F0 90–BF, F4 80–8F).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
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

function bytePlace(bytes: Uint8Array, at: number): [line: number, column: number] {
  let line = 1;
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    start = i + 1;
  }
  return [line, at - start + 1];
}

function refuse(message: string, problem: TextDecodeProblem, bytes: Uint8Array, at: number): never {
  const [line, column] = bytePlace(bytes, at);
  throw new TextDecodeError(message, problem, at, line, column);
}

/** Offset of the first code unit of a UTF-16 body (after its BOM) that is not valid: an unpaired surrogate or an odd last byte. */
function firstInvalidUtf16(body: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) =>
    littleEndian ? (body[i] ?? 0) | ((body[i + 1] ?? 0) << 8) : ((body[i] ?? 0) << 8) | (body[i + 1] ?? 0);
  let i = 0;
  for (; i + 1 < body.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < body.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return i;
}

/**
 * How GB18030 bytes sit in the code space: how many multi-byte characters, and where the first
 * one outside GB2312's punctuation (rows A1–A3) and hanzi (rows B0–F7) lies. Every ordinary
 * character of a simplified-Chinese text is inside; Big5, Shift-JIS and EUC-JP texts, read as
 * GB18030, put a third or more of their characters outside (Big5's trail bytes 40–7E, Shift-JIS's
 * lead bytes 81–9F, EUC-JP's kana in rows A4–A5, with no trail byte below A1 as Big5 has), and so does UTF-8 with a stray byte. EUC-KR's
 * hangul lie inside, in rows B0–C8 only, where GB2312's hanzi run from a to r in pinyin order: two
 * in five hanzi of a Chinese text (at least one in eight of any 50 in the twelve reports we hold)
 * are in the later rows C9–F7, and hardly any character of a Korean text.
 */
function gbProfile(bytes: Uint8Array) {
  let multi = 0;
  let outside = 0;
  let firstOutside = -1;
  let sjisLeads = 0;
  let kana = 0;
  let lowTrails = 0;
  let hanzi = 0;
  let late = 0;
  let firstHanzi = -1;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    multi++;
    if (lead <= 0x9f) sjisLeads++;
    const inRow = trail >= 0xa1 && trail <= 0xfe;
    if (trail < 0xa1) lowTrails++;
    if ((lead === 0xa4 || lead === 0xa5) && inRow) kana++;
    if (lead >= 0xb0 && lead <= 0xf7 && inRow) {
      hanzi++;
      if (lead >= 0xc9) late++;
      if (firstHanzi < 0) firstHanzi = i;
    }
    // 〇 (A9 96), of dates such as 二〇二三年, is GBK's, not GB2312's.
    const common =
      (((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7)) && inRow) ||
      (lead === 0xa9 && trail === 0x96);
    if (!common) {
      outside++;
      if (firstOutside < 0) firstOutside = i;
    }
    i += trail >= 0x30 && trail <= 0x39 ? 4 : 2;
  }
  return { multi, outside, firstOutside, sjisLeads, kana, lowTrails, hanzi, late, firstHanzi };
}

/** GB18030 is accepted when at most this share of its characters (and at least a few) lie outside GB2312's common rows. */
const OUTSIDE_SHARE = 0.1;
const OUTSIDE_ALLOWED = 3;
/** With at least this many characters in the hanzi rows, fewer than this share in the later rows is not Chinese (EUC-KR's hangul). */
const HANZI_SEEN = 40;
const LATE_SHARE = 0.05;

/**
 * Decodes the bytes of a text file; throws a TextDecodeError (with the offending byte's offset,
 * line and column) for empty input, binary data, an invalid UTF-16 body, bytes valid in none of
 * the encodings read, and text that looks like another encoding (Big5, Shift-JIS, …).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new TextDecodeError("the file is empty", "empty");
  let decoded: DecodedText;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = le ? "utf-16le" : "utf-16be";
    const text = strict(encoding, bytes.subarray(2));
    if (text === undefined) {
      const at = 2 + firstInvalidUtf16(bytes.subarray(2), le);
      throw new TextDecodeError(
        `starts with a UTF-16 ${le ? "LE" : "BE"} byte-order mark but is not valid UTF-16 (an unpaired surrogate or an odd byte at byte ${at})`,
        "bad-utf16",
        at,
      );
    }
    decoded = { text, encoding, bom: true };
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0)
      refuse("binary data (a NUL byte), not text; UTF-16 text needs a byte-order mark", "binary", bytes, nul);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bom ? bytes.subarray(3) : bytes;
    const utf8 = strict("utf-8", body);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: "utf-8", bom };
    else {
      const badUtf8 = firstInvalidUtf8(body) + (bom ? 3 : 0);
      const gb = bom ? undefined : strict("gb18030", body);
      if (gb === undefined)
        refuse(
          `undecodable bytes (byte 0x${(bytes[badUtf8] ?? 0).toString(16).padStart(2, "0")}): the file is neither UTF-8, UTF-16 with a byte-order mark, nor GBK/GB18030`,
          "undecodable",
          bytes,
          badUtf8,
        );
      const p = gbProfile(body);
      if (p.outside > Math.max(OUTSIDE_ALLOWED, p.multi * OUTSIDE_SHARE)) {
        const guess =
          p.sjisLeads > p.multi / 4
            ? "Shift-JIS (Japanese) or another non-Chinese encoding"
            : p.kana > p.multi / 10 && p.lowTrails === 0
              ? "EUC-JP (Japanese) or another non-Chinese encoding"
              : strict("big5", body) !== undefined
                ? "Big5 (traditional Chinese) or another encoding"
                : "another encoding";
        refuse(
          `not UTF-8 (invalid at byte ${badUtf8}) and not GBK/GB18030 Chinese text (${p.outside} of its ${p.multi} characters are outside GB2312, the first at this place): it looks like ${guess}; convert it to UTF-8 first`,
          "other-encoding",
          bytes,
          p.firstOutside,
        );
      }
      if (p.hanzi >= HANZI_SEEN && p.late < p.hanzi * LATE_SHARE)
        refuse(
          `not UTF-8 (invalid at byte ${badUtf8}) and not GBK/GB18030 Chinese text (only ${p.late} of its ${p.hanzi} characters in GB2312's hanzi rows are in rows C9–F7, where two in five of a Chinese text's are; the first at this place): it looks like EUC-KR (Korean) or another non-Chinese encoding; convert it to UTF-8 first`,
          "other-encoding",
          bytes,
          p.firstHanzi,
        );
      decoded = { text: gb, encoding: "gb18030", bom: false };
    }
  }
  if (decoded.text.includes("\u0000")) throw new TextDecodeError("binary data (a NUL character), not text", "binary");
  if (decoded.text.trim().length === 0) throw new TextDecodeError("the file is empty (only white space)", "empty");
  return decoded;
}
