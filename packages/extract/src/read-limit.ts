import { findQuantities } from "@govreport/schema";
import { CLAUSE_END, clauseEnd, SENTENCE_END } from "./text.js";

/**
 * The most numbers the extractor reads from one text. A real work report prints fewer than 2,000
 * (the longest shipped or shared text, about 420); a text with more is not one report, or is not
 * prose (a table, a generated or repeated text), and reading all of it would make the draft, its
 * time and its memory grow without bound (issue 10: a 20 MB text can hold over a million numbers).
 */
export const MAX_FIGURES = 5000;

/** How far after the last number read the reading may run on to end its sentence, or its clause. */
const SENTENCE_RUN_ON = 1000;
const CLAUSE_RUN_ON = 300;

/** Where reading stops in a text with more than `max` numbers. */
export interface ReadLimit {
  /** Scan index where reading stops: the text before it is read in full, the text after it not at all. */
  end: number;
  /** The max-th number (the last one counted), where it starts. */
  lastStart: number;
}

/**
 * Where the reading of `scan` stops when it prints more than `max` numbers (as findQuantities finds
 * them, facts or not), else undefined. Reading ends with the sentence of the max-th number, so every
 * figure read has the same sentence around it as in a reading of the whole text and is read the
 * same; in a sentence that runs on past SENTENCE_RUN_ON characters, with its clause (CLAUSE_RUN_ON),
 * and in a clause that long, right after the number.
 */
export function readLimit(scan: string, max: number): ReadLimit | undefined {
  const first = findQuantities(scan, { limit: max + 1 });
  const last = first[max - 1];
  if (first.length <= max || !last) return undefined;
  const sentence = clauseEnd(scan, last.end, Math.min(scan.length, last.end + SENTENCE_RUN_ON), SENTENCE_END);
  let end: number;
  // The sentence end itself (。 or a line break) is read with it.
  if (sentence < last.end + SENTENCE_RUN_ON) end = Math.min(scan.length, sentence + 1);
  else {
    const clause = clauseEnd(scan, last.end, Math.min(scan.length, last.end + CLAUSE_RUN_ON), CLAUSE_END);
    end = clause < last.end + CLAUSE_RUN_ON ? clause : last.end;
  }
  return end < scan.length ? { end, lastStart: last.start } : undefined;
}
