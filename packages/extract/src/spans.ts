import { clauseEnd, clauseStart } from "./text.js";

/** Characters that end a sentence, for the work that looks sentence-wide around a figure. */
export const SENTENCE = /[。!！?？\n]/;
/** A run of the sentence between semicolons: the scope of 力争, 确保, 目标. */
export const HALF = /[;；。!！?？\n]/;
export const COLON = /[:：]/;
/**
 * Sentence-wide work looks at most this far from a figure, and a quote at most CLAUSE_WINDOW: a text
 * without 。 or commas (a 200 KB run of 增长1.5%) would otherwise make every figure's work the whole
 * text, and extraction quadratic. Real sentences and clauses are far shorter.
 */
export const WINDOW = 1000;
export const CLAUSE_WINDOW = 300;

export function sentenceStartOf(s: string, at: number): number {
  return clauseStart(s, at, Math.max(0, at - WINDOW), SENTENCE);
}
export function sentenceEndOf(s: string, at: number): number {
  return clauseEnd(s, at, Math.min(s.length, at + WINDOW), SENTENCE);
}
export function halfStartOf(s: string, at: number): number {
  return clauseStart(s, at, Math.max(0, at - WINDOW), HALF);
}
export function clauseStartOf(s: string, at: number): number {
  return clauseStart(s, at, Math.max(0, at - CLAUSE_WINDOW));
}
export function clauseEndOf(s: string, at: number): number {
  return clauseEnd(s, at, Math.min(s.length, at + CLAUSE_WINDOW));
}
