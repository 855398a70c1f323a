import { codePointToIndex, formatQuantity, type Observation } from "@govreport/schema";

/** Where an observation's figure stands in the source text, as UTF-16 indices (for slicing). */
export interface FigureMark {
  obsId: string;
  start: number;
  end: number;
  /**
   * "figure": the printed figure inside its quote at the recorded offset. "quote": the figure
   * was not found in the quote, so the whole quote is marked. "moved": the quote is not at its
   * offset (a provenance finding) and was found elsewhere in the text.
   */
  precision: "figure" | "quote" | "moved";
}

function figureCandidates(obs: Observation): string[] {
  const q = obs.quantity;
  const out = [q.printed, formatQuantity(q), q.value.toFixed(q.decimals)];
  return [...new Set(out.filter((s): s is string => !!s))];
}

/** Index of every occurrence of `needle` in `hay`. */
function allIndexes(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Locates every observation's figure in the source text from its quote offset (code points)
 * and printed figure. When several observations share a quote and print the same figure, they
 * take its occurrences in turn. Observations whose quote is nowhere in the text get no mark.
 */
export function figureMarks(sourceText: string, observations: readonly Observation[]): FigureMark[] {
  const marks: FigureMark[] = [];
  const taken = new Set<string>();
  for (const obs of observations) {
    const { quote, offset } = obs.source;
    let at = codePointToIndex(sourceText, offset);
    let moved = false;
    if (sourceText.slice(at, at + quote.length) !== quote) {
      const found = sourceText.indexOf(quote);
      if (found < 0) continue;
      at = found;
      moved = true;
    }
    let mark: FigureMark | undefined;
    for (const figure of figureCandidates(obs)) {
      const hits = allIndexes(quote, figure).map((i) => at + i);
      if (hits.length === 0) continue;
      const free = hits.find((h) => !taken.has(`${h}:${figure.length}`)) ?? (hits[0] as number);
      taken.add(`${free}:${figure.length}`);
      mark = { obsId: obs.id, start: free, end: free + figure.length, precision: moved ? "moved" : "figure" };
      break;
    }
    marks.push(mark ?? { obsId: obs.id, start: at, end: at + quote.length, precision: "quote" });
  }
  return marks;
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Observations whose figure covers this piece of text; empty for plain text. */
  obsIds: string[];
}

/**
 * Cuts `text[from, to)` into plain and marked pieces. Overlapping marks are split at every
 * boundary, so a piece lists all observations that cover it.
 */
export function segmentText(text: string, marks: readonly FigureMark[], from = 0, to = text.length): TextSegment[] {
  const inside = marks.filter((m) => m.end > from && m.start < to);
  const cuts = new Set([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const obsIds = inside.filter((m) => m.start <= start && m.end >= end).map((m) => m.obsId);
    const prev = out[out.length - 1];
    if (prev && obsIds.length === 0 && prev.obsIds.length === 0) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else out.push({ start, end, text: text.slice(start, end), obsIds });
  }
  return out;
}

/** The text's lines with their start and end indices (line breaks excluded). */
export function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    out.push({ start, end: end > start && text[end - 1] === "\r" ? end - 1 : end });
    if (nl < 0) return out;
    start = nl + 1;
  }
}
