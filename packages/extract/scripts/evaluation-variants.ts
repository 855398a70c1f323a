/**
 * Layout variants of a report text, for scoring the extractor on the same figures laid out the way
 * copied texts arrive: hard-wrapped lines (a PDF copy), paragraphs joined into one line, CRLF with
 * full-width digits. Each variant keeps, for every code point, the code point of the original it
 * comes from, so that figures found in the variant are matched to the truth by position.
 */
import type { ExtractedQuantity } from "../src/index.js";

export interface Variant {
  name: string;
  text: string;
  /** For each code point of `text`, the code point of the original it comes from; -1 for one inserted. */
  origin: Int32Array;
}

export const VARIANT_NAMES = ["wrapped", "joined", "crlf-fullwidth"] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

/** Hard-wrap width: a PDF page line of CJK text, as in the issue (breaks fall inside numbers too). */
export const WRAP_WIDTH = 38;

type Emit = (cp: string, from: number) => void;

/**
 * Builds a variant code point by code point. The first line, when it is the shared texts'
 * `# source:` comment, is kept as it is: it is not report text and no layout applies to it.
 */
function build(name: string, text: string, body: (cps: string[], from: number, emit: Emit) => void): Variant {
  const cps = [...text];
  const out: string[] = [];
  const origin: number[] = [];
  const emit: Emit = (cp, from) => {
    out.push(cp);
    origin.push(from);
  };
  let from = 0;
  if (text.startsWith("# source:")) {
    const nl = cps.indexOf("\n");
    from = nl < 0 ? cps.length : nl + 1;
    for (let i = 0; i < from; i++) emit(cps[i] as string, i);
  }
  body(cps, from, emit);
  return { name, text: out.join(""), origin: Int32Array.from(origin) };
}

/** Every line longer than `width` code points broken into lines of `width`, wherever that falls. */
export function hardWrap(text: string, width = WRAP_WIDTH): Variant {
  return build("wrapped", text, (cps, from, emit) => {
    let col = 0;
    for (let i = from; i < cps.length; i++) {
      const c = cps[i] as string;
      if (c === "\n") col = 0;
      else if (col === width) {
        emit("\n", -1);
        col = 0;
      }
      if (c !== "\n") col++;
      emit(c, i);
    }
  });
}

/** The paragraphs run into one line: every line break dropped, as a copy that lost them. */
export function joinParagraphs(text: string): Variant {
  return build("joined", text, (cps, from, emit) => {
    for (let i = from; i < cps.length; i++) if (cps[i] !== "\n") emit(cps[i] as string, i);
  });
}

/** CRLF line breaks and full-width digits (０-９), as a text saved by some Windows editors. */
export function crlfFullWidth(text: string): Variant {
  return build("crlf-fullwidth", text, (cps, from, emit) => {
    for (let i = from; i < cps.length; i++) {
      const c = cps[i] as string;
      if (c === "\n") emit("\r", -1);
      emit(c >= "0" && c <= "9" ? String.fromCodePoint(0xff10 + c.charCodeAt(0) - 48) : c, i);
    }
  });
}

export function makeVariant(name: VariantName, text: string): Variant {
  switch (name) {
    case "wrapped":
      return hardWrap(text);
    case "joined":
      return joinParagraphs(text);
    case "crlf-fullwidth":
      return crlfFullWidth(text);
  }
}

/**
 * The span of the original that variant code points [start, end) come from: from the first
 * original code point in it to just after the last. Undefined when the span holds only inserted ones.
 */
export function toOriginal(v: Variant, start: number, end: number): { start: number; end: number } | undefined {
  let a = Math.max(0, start);
  const b = Math.min(v.origin.length, end);
  while (a < b && (v.origin[a] as number) < 0) a++;
  let z = b - 1;
  while (z >= a && (v.origin[z] as number) < 0) z--;
  if (a > z) return undefined;
  return { start: v.origin[a] as number, end: (v.origin[z] as number) + 1 };
}

/** CRLF and CR to LF and a leading BOM dropped, keeping the origin of each code point kept. */
function normalizeBreaks(v: Variant): Variant {
  const cps = [...v.text];
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string;
    if (i === 0 && c === "\uFEFF") continue;
    if (c === "\r" && cps[i + 1] === "\n") continue;
    out.push(c === "\r" ? "\n" : c);
    origin.push(v.origin[i] as number);
  }
  return { name: v.name, text: out.join(""), origin: Int32Array.from(origin) };
}

const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * The extracted figures of a variant, placed in the original's code points. The extractor may count
 * offsets over the text as given or over it with line breaks normalised (the issue's one source-text
 * contract); whichever reads the figures' printed text at their offsets more often is used. A figure
 * that lands only on inserted characters is kept at -1, where it matches nothing (a false positive).
 */
export function placeInOriginal(v: Variant, quantities: readonly ExtractedQuantity[]): ExtractedQuantity[] {
  const candidates = [v, normalizeBreaks(v)];
  let best = candidates[0] as Variant;
  let bestHits = -1;
  for (const c of candidates) {
    const cps = [...c.text];
    const hits = quantities.filter((q) => fold(cps.slice(q.start, q.end).join("")) === fold(q.printed)).length;
    if (hits > bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  const out: ExtractedQuantity[] = [];
  for (const q of quantities) {
    const span = toOriginal(best, q.start, q.end);
    out.push({ ...q, start: span?.start ?? -1, end: span?.end ?? -1 });
  }
  return out;
}
