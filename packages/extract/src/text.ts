import { normalizeDigits } from "@govreport/schema";

/**
 * The text the extractor scans: CR mapped to LF and full-width digits to ASCII, one UTF-16 unit
 * for one, so that every index into `scan` is the same index into the text the caller gave.
 * Quotes are always sliced from the original text, never from `scan`.
 */
export interface Prepared {
  original: string;
  scan: string;
  /** Code-point offset of each UTF-16 index (length + 1 entries). */
  cp: Uint32Array;
}

export function prepare(text: string): Prepared {
  const scan = normalizeDigits(text.replace(/\r/g, "\n"));
  const cp = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    // As the schema's codePointToIndex counts: a high surrogate and the unit after it are one
    // code point (even when the text holds a lone surrogate), so offsets agree with checkReport.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      cp[i + 1] = n;
      i++;
    }
    n++;
  }
  cp[text.length] = n;
  return { original: text, scan, cp };
}

/** Characters that end a clause. 、 is not one: it separates items of a list inside a clause. */
export const CLAUSE_END = /[,，;；。!！?？\n]/;
export const SENTENCE_END = /[。!！?？\n]/;
export const SPACE = /[\s\u3000]/;

/** The index where the clause around `at` starts (just after the previous clause end). */
export function clauseStart(s: string, at: number, limit = 0, boundary: RegExp = CLAUSE_END): number {
  let i = at;
  while (i > limit && !boundary.test(s[i - 1] ?? "")) i--;
  return i;
}

/** The index where the clause around `at` ends (at the next clause end, exclusive). */
export function clauseEnd(s: string, at: number, limit = s.length, boundary: RegExp = CLAUSE_END): number {
  let i = at;
  while (i < limit && !boundary.test(s[i] ?? "")) i++;
  return i;
}

export const sentenceStart = (s: string, at: number, limit = 0) => clauseStart(s, at, limit, SENTENCE_END);
export const sentenceEnd = (s: string, at: number, limit = s.length) => clauseEnd(s, at, limit, SENTENCE_END);

/** The start of the line holding `at`. */
export function lineStart(s: string, at: number): number {
  const i = s.lastIndexOf("\n", at - 1);
  return i + 1;
}

export function lineEnd(s: string, at: number): number {
  const i = s.indexOf("\n", at);
  return i < 0 ? s.length : i;
}

/** Moves [start, end) inward past spaces (ASCII, full-width and others). */
export function trimSpan(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && SPACE.test(s[a] ?? "")) a++;
  while (b > a && SPACE.test(s[b - 1] ?? "")) b--;
  return [a, b];
}
