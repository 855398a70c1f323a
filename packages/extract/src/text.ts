import { normalizeDigits } from "@govreport/schema";
import { unwrap } from "./layout.js";

/**
 * The text the extractor scans: CR mapped to LF and full-width digits to ASCII, one UTF-16 unit
 * for one, so that every index into `scan` is the same index into the text the caller gave.
 * Quotes are always sliced from the original text, never from `scan`.
 */
export interface Prepared {
  original: string;
  scan: string;
  /** Code-point offset in the original of each UTF-16 index of `scan` (length + 1 entries). */
  cp: Uint32Array;
  /** Code points in the original text, as `[...text].length` counts them (a lone surrogate is one): source.chars. */
  chars: number;
  /** UTF-16 index in the original of each index of `scan`, when layout repair joined lines; else identity. */
  origin?: Int32Array;
  /** The hard-wrap width found and the line breaks joined (layout repair), when there were any. */
  wrap?: { width: number; joined: number };
}

/**
 * The original text between two scan indices: verbatim, line breaks joined by layout repair inside
 * it included; one joined right after its last character is not (85 / 00亿元以上 ends at 上).
 */
export function originalSlice(p: Prepared, start: number, end: number): string {
  if (!p.origin) return p.original.slice(start, end);
  const from = p.origin[start] as number;
  return p.original.slice(from, end > start ? (p.origin[end - 1] as number) + 1 : from);
}

/** The code point in the original text where the span of scan indices [start, end) ends, as `originalSlice` cuts it. */
export function originalEnd(p: Prepared, start: number, end: number): number {
  return p.origin && end > start ? (p.cp[end - 1] as number) + 1 : (p.cp[end] ?? 0);
}

/**
 * The text to scan: hard-wrapped lines joined (layout.ts), full-width digits as ASCII (one unit for
 * one). `text` is already normalised (no CR, no BOM).
 */
export function prepare(text: string): Prepared {
  const u = unwrap(text);
  const scan = normalizeDigits(u.text);
  const cpText = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cpText[i] = n;
    const c = text.charCodeAt(i);
    // As the schema's codePointToIndex counts: a high surrogate and the unit after it are one
    // code point (even when the text holds a lone surrogate), so offsets agree with checkReport.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      cpText[i + 1] = n;
      i++;
    }
    n++;
  }
  cpText[text.length] = n;
  const chars = countChars(text);
  if (!u.origin || u.width === undefined) return { original: text, scan, cp: cpText, chars };
  const cp = new Uint32Array(scan.length + 1);
  for (let i = 0; i <= scan.length; i++) cp[i] = cpText[u.origin[i] as number] as number;
  return {
    original: text,
    scan,
    cp,
    chars,
    origin: u.origin,
    wrap: { width: u.width, joined: u.joined },
  };
}

/**
 * Code points in `text` as a spread into code points counts them (only a high surrogate before a low
 * one pairs; a lone surrogate is one): source.chars. This differs from the offsets' count in prepare
 * for lone surrogates.
 */
export function countChars(text: string): number {
  let pairs = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/** Characters that end a clause. 、 is not one: it separates items of a list inside a clause. */
export const CLAUSE_END = /[,，;；。!！?？\n]/;
export const SENTENCE_END = /[。!！?？\n]/;
export const SPACE = /[\s\u3000]/;
const NEWLINE = /\n/;

/**
 * Below this length a text is walked character by character; above it, the positions of each kind
 * of boundary are found once (one regex scan) and every clause, sentence and line lookup is a binary
 * search, so that a text with one huge line or no 。 costs n·log n, not n² (issue 10).
 */
const INDEX_FROM = 2048;
/** The texts indexed last (the extractor works on one scan text at a time) and their boundary positions. */
const indexed: { text: string; byBoundary: Map<RegExp, Int32Array> }[] = [];

function positions(s: string, boundary: RegExp): Int32Array | undefined {
  if (s.length < INDEX_FROM) return undefined;
  let entry = indexed.find((e) => e.text === s);
  // Adopt this very string: `===` is instant on the same string but compares every character of an
  // equal copy (the same text extracted again), and there is one lookup per figure.
  if (entry) entry.text = s;
  else {
    entry = { text: s, byBoundary: new Map() };
    indexed.unshift(entry);
    if (indexed.length > 2) indexed.pop();
  }
  let found = entry.byBoundary.get(boundary);
  if (!found) {
    const re = new RegExp(boundary.source, "g");
    const out: number[] = [];
    for (let m = re.exec(s); m; m = re.exec(s)) out.push(m.index);
    found = Int32Array.from(out);
    entry.byBoundary.set(boundary, found);
  }
  return found;
}

/** The number of positions below `at` in the sorted `xs`. */
function countBelow(xs: Int32Array, at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index where the clause around `at` starts (just after the previous clause end). */
export function clauseStart(s: string, at: number, limit = 0, boundary: RegExp = CLAUSE_END): number {
  if (at <= limit) return at;
  const xs = positions(s, boundary);
  if (xs) {
    const k = countBelow(xs, at) - 1;
    return k >= 0 ? Math.max(limit, (xs[k] as number) + 1) : limit;
  }
  let i = at;
  while (i > limit && !boundary.test(s[i - 1] ?? "")) i--;
  return i;
}

/** The index where the clause around `at` ends (at the next clause end, exclusive). */
export function clauseEnd(s: string, at: number, limit = s.length, boundary: RegExp = CLAUSE_END): number {
  if (at >= limit) return at;
  const xs = positions(s, boundary);
  if (xs) {
    const k = countBelow(xs, at);
    return k < xs.length ? Math.min(limit, xs[k] as number) : limit;
  }
  let i = at;
  while (i < limit && !boundary.test(s[i] ?? "")) i++;
  return i;
}

export const sentenceStart = (s: string, at: number, limit = 0) => clauseStart(s, at, limit, SENTENCE_END);
export const sentenceEnd = (s: string, at: number, limit = s.length) => clauseEnd(s, at, limit, SENTENCE_END);

/** The start of the line holding `at`. */
export function lineStart(s: string, at: number): number {
  return at <= 0 ? 0 : clauseStart(s, at, 0, NEWLINE);
}

export function lineEnd(s: string, at: number): number {
  return clauseEnd(s, Math.max(0, at), s.length, NEWLINE);
}

/** Moves [start, end) inward past spaces (ASCII, full-width and others). */
export function trimSpan(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && SPACE.test(s[a] ?? "")) a++;
  while (b > a && SPACE.test(s[b - 1] ?? "")) b--;
  return [a, b];
}
