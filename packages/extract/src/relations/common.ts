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

export const sentenceEnd = (s: string, at: number) => {
  let i = at;
  while (i < s.length && !SENTENCE_END.test(s[i] ?? "")) i++;
  return i;
};
export const sentenceStart = (s: string, at: number) => {
  let i = at;
  while (i > 0 && !SENTENCE_END.test(s[i - 1] ?? "")) i--;
  return i;
};
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
