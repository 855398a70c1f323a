import { codePointToIndex, formatQuantity, type Observation, type Quantity } from "@govreport/schema";

export type FigurePart = "value" | "baseline" | "change" | "percent" | "points";

/** Where an observation's figure stands in the source text, as UTF-16 indices (for slicing). */
export interface FigureMark {
  obsId: string;
  /** The observation's own value, or a figure of its stated comparison (比去年同期13.88亿元, 增幅45.4%). */
  part: FigurePart;
  start: number;
  end: number;
  /**
   * "figure": the printed figure inside its quote at the recorded offset. "quote": the figure
   * was not found in the quote, so the whole quote is marked. "moved": the quote is not at its
   * offset (a provenance finding) and was found elsewhere in the text.
   */
  precision: "figure" | "quote" | "moved";
}

function figureCandidates(q: Quantity): string[] {
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
 * and printed figure, then the figures of its stated comparison (baseline, change, percent,
 * points) after it in the same quote. When several observations share a quote and print the
 * same figure, they take its occurrences in turn; values are placed before comparison figures,
 * so a comparison never takes an occurrence an observation's own value needs. Observations
 * whose quote is nowhere in the text get no mark.
 */
export function figureMarks(sourceText: string, observations: readonly Observation[]): FigureMark[] {
  const taken = new Set<string>();
  const find = (obs: Observation, at: number, moved: boolean, q: Quantity, part: FigurePart, after: number) => {
    const quote = obs.source.quote;
    for (const figure of figureCandidates(q)) {
      const hits = allIndexes(quote, figure).map((i) => at + i);
      if (hits.length === 0) continue;
      const free =
        hits.find((h) => h >= after && !taken.has(`${h}:${figure.length}`)) ??
        hits.find((h) => !taken.has(`${h}:${figure.length}`)) ??
        (hits[0] as number);
      taken.add(`${free}:${figure.length}`);
      const mark: FigureMark = {
        obsId: obs.id,
        part,
        start: free,
        end: free + figure.length,
        precision: moved ? "moved" : "figure",
      };
      return mark;
    }
    return undefined;
  };

  const values: { obs: Observation; at: number; moved: boolean; mark: FigureMark }[] = [];
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
    const mark = find(obs, at, moved, obs.quantity, "value", at) ?? {
      obsId: obs.id,
      part: "value",
      start: at,
      end: at + quote.length,
      precision: "quote",
    };
    values.push({ obs, at, moved, mark });
  }

  const marks = values.map((v) => v.mark);
  for (const { obs, at, moved, mark } of values) {
    const c = obs.comparison;
    if (!c || mark.precision === "quote") continue;
    const parts: [Quantity | undefined, FigurePart][] = [
      [c.baseline?.quantity, "baseline"],
      [c.change, "change"],
      [c.percent, "percent"],
      [c.points, "points"],
    ];
    for (const [q, part] of parts) {
      const m = q ? find(obs, at, moved, q, part, mark.end) : undefined;
      if (m) marks.push(m);
    }
  }
  return marks;
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Observations whose figure covers this piece of text; empty for plain text. */
  obsIds: string[];
  /** Of those, the observations whose own value this is (not a figure of their comparison). */
  mainIds: string[];
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
    const covering = inside.filter((m) => m.start <= start && m.end >= end);
    const obsIds = [...new Set(covering.map((m) => m.obsId))];
    const mainIds = [...new Set(covering.filter((m) => m.part === "value").map((m) => m.obsId))];
    const prev = out[out.length - 1];
    if (prev && obsIds.length === 0 && prev.obsIds.length === 0) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else out.push({ start, end, text: text.slice(start, end), obsIds, mainIds });
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
