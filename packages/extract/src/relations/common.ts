import { type Interval, intervals, type Quantity, quantityInterval, type Role, resolveUnit } from "@govreport/schema";
import type { SectionMode } from "../sections.js";
import { CLAUSE_END, SENTENCE_END } from "../text.js";

/** What the relation rules need to know of a figure (indices into the scan text). */
export interface RelationFigure {
  /** The observation id; undefined for a figure that is part of another's comparison. */
  id?: string;
  start: number;
  end: number;
  quantity: Quantity;
  subject: string;
  role: Role;
  period: string;
  indicator: string;
  mode: SectionMode;
  /** Printed as the base of a target: 在2022年(30.20亿元)基础上. */
  base: boolean;
}

export const unitOf = (q: Quantity) => resolveUnit(q.unit);
/** Same dimension and base unit, and not a percent (a percent of one thing is not a part of another). */
export const commensurable = (a: Quantity, b: Quantity) => {
  const x = unitOf(a);
  const y = unitOf(b);
  return !!x && !!y && x.dimension === y.dimension && x.base === y.base && x.dimension !== "percent";
};
/** The interval a quantity stands for, in base units. */
export const inBase = (q: Quantity): Interval => intervals.scale(quantityInterval(q), unitOf(q)?.scale ?? 1);
export const baseValue = (q: Quantity) => q.value * (unitOf(q)?.scale ?? 1);
export const isCount = (q: Quantity) => unitOf(q)?.dimension === "count";

/**
 * The sentence boundaries of the last text asked about, in order: the rules ask for the sentence
 * around each figure, and a text without 。 would make a scan per figure quadratic.
 */
let boundaryText: string | undefined;
let boundaryAt: Int32Array = new Int32Array(0);
function boundaries(s: string): Int32Array {
  if (boundaryText !== s) {
    const at: number[] = [];
    const re = new RegExp(SENTENCE_END.source, "g");
    for (let m = re.exec(s); m; m = re.exec(s)) at.push(m.index);
    boundaryAt = Int32Array.from(at);
  }
  // Kept even when equal: `!==` is instant on the same string but compares every character of an
  // equal copy (the same text extracted again), and there is one lookup per figure.
  boundaryText = s;
  return boundaryAt;
}
/** The index of the first boundary at or after `at` (b.length when there is none). */
function firstBoundaryFrom(b: Int32Array, at: number): number {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((b[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** The index of the sentence end (。!？ or a line break) at or after `at`, or the text's length. */
export const sentenceEnd = (s: string, at: number) => {
  if (at >= s.length) return at;
  const b = boundaries(s);
  const k = firstBoundaryFrom(b, at);
  return k < b.length ? (b[k] as number) : s.length;
};
/** The index just after the sentence end before `at`, or 0. */
export const sentenceStart = (s: string, at: number) => {
  if (at <= 0) return at;
  const b = boundaries(s);
  const k = firstBoundaryFrom(b, at) - 1;
  return k >= 0 ? (b[k] as number) + 1 : 0;
};
/** The index of the first figure starting at or after `at`, figures being in text order. */
export const firstFigureFrom = (figures: readonly RelationFigure[], at: number) => {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((figures[mid] as RelationFigure).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
/** Whether the figures are in text order (by start), which the binary searches need. */
export const inTextOrder = (figures: readonly RelationFigure[]) =>
  figures.every((f, i) => i === 0 || (figures[i - 1] as RelationFigure).start <= f.start);
export const clauseStartOf = (s: string, at: number) => {
  let i = at;
  while (i > 0 && !CLAUSE_END.test(s[i - 1] ?? "")) i--;
  return i;
};
/** Whether the text between two indices crosses a clause boundary (, ; 。). */
export const crossesClause = (s: string, a: number, b: number) => /[,，;；。!！?？\n]/.test(s.slice(a, b));
/** The figures with an id printed in the sentence around `at`, before `before`. */
export const inSentence = (s: string, figures: readonly RelationFigure[], at: number) => {
  const a = sentenceStart(s, at);
  const b = sentenceEnd(s, at);
  return figures.filter((f) => f.start >= a && f.end <= b);
};
