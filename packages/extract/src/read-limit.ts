import { findQuantities, type ParsedQuantity } from "@govreport/schema";
import { CLAUSE_END, clauseEnd, SENTENCE_END } from "./text.js";

/**
 * The most numbers the extractor reads from one text. A real work report prints fewer than 2,000
 * (the longest shipped or shared text, about 420); a text with more is not one report, or is not
 * prose (a table, a generated or repeated text), and reading all of it would make the draft, its
 * time and its memory grow without bound (issue 10: a 20 MB text can hold over a million numbers).
 */
export const MAX_FIGURES = 5000;

/**
 * The most characters (UTF-16 units of the text) the extractor reads from one text: 25 times the
 * longest report here (about 40,000). Past it a text is not one report; without it a text of dates
 * or period words and no figures (2023年，… over 20 MB: two million period phrases) would still cost
 * time and memory in proportion to its length.
 */
export const MAX_CHARS = 1_000_000;

/** How far after the last number read the reading may run on to end its sentence, or its clause. */
const SENTENCE_RUN_ON = 1000;
const CLAUSE_RUN_ON = 300;

/** Where reading stops in a text with more than the numbers or characters read. */
export interface ReadLimit {
  /** Scan index where reading stops: the text before it is read in full, the text after it not at all. */
  end: number;
  /** Which cap stopped it: the numbers (MAX_FIGURES) or the characters (MAX_CHARS). */
  by: "figures" | "length";
  /** For the numbers' cap, where the last number counted starts. */
  lastStart?: number;
}

/** `cut`, or the start of a number printed across it (a cut at the ASCII comma of 1,212 or inside 5亿|元). */
function beforeAnyNumber(scan: string, cut: number): number {
  const from = Math.max(0, cut - 64);
  for (const q of findQuantities(scan.slice(from, Math.min(scan.length, cut + 64))))
    if (from + q.start < cut && from + q.end > cut) return from + q.start;
  return cut;
}

/**
 * Where the reading of `scan` stops when it prints more than `max` numbers (as findQuantities finds
 * them, facts or not), else undefined. Reading ends with the sentence of the max-th number, so every
 * figure read has the same sentence around it as in a reading of the whole text and is read the
 * same; in a sentence that runs on past SENTENCE_RUN_ON characters, with its clause (CLAUSE_RUN_ON),
 * and in a clause that long, right after the number.
 */
export function readLimit(
  scan: string,
  max: number,
  first = findQuantities(scan, { limit: max + 1 }),
): ReadLimit | undefined {
  const last = first[max - 1];
  if (first.length <= max || !last) return undefined;
  const sentence = clauseEnd(scan, last.end, Math.min(scan.length, last.end + SENTENCE_RUN_ON), SENTENCE_END);
  let end: number;
  // The sentence end itself (。 or a line break) is read with it.
  if (sentence < last.end + SENTENCE_RUN_ON) end = Math.min(scan.length, sentence + 1);
  else {
    const clause = clauseEnd(scan, last.end, Math.min(scan.length, last.end + CLAUSE_RUN_ON), CLAUSE_END);
    end = clause < last.end + CLAUSE_RUN_ON ? beforeAnyNumber(scan, clause) : last.end;
  }
  return end < scan.length ? { end, by: "figures", lastStart: last.start } : undefined;
}

/**
 * Where the reading of a text (the normalised text, before layout repair) longer than `max`
 * characters stops: after the last sentence end before
 * `max` (looked for SENTENCE_RUN_ON characters back), else the last clause end (CLAUSE_RUN_ON), else
 * at `max`; never inside a number.
 */
export function lengthLimit(text: string, max: number): ReadLimit | undefined {
  if (text.length <= max) return undefined;
  // A walk back from the cap, not the text's indexed boundaries: indexing 20 MB to cut at 1 MB would
  // cost what the cap saves.
  const back = (boundary: RegExp, reach: number) => {
    for (let i = max; i > max - reach && i > 0; i--) if (boundary.test(text[i - 1] as string)) return i;
    return undefined;
  };
  const end = back(SENTENCE_END, SENTENCE_RUN_ON) ?? back(CLAUSE_END, CLAUSE_RUN_ON) ?? max;
  return { end: beforeAnyNumber(text, end), by: "length" };
}

/**
 * The printed quantities of `scan` (findQuantities), and where reading stops when it prints more than
 * `maxFigures` numbers: then the quantities are those before the stop. One scan of the text when it
 * prints no more, as every report does.
 */
export function readNumbers(scan: string, maxFigures: number): { numbers: ParsedQuantity[]; limit?: ReadLimit } {
  const first = findQuantities(scan, { limit: maxFigures + 1 });
  if (first.length <= maxFigures) return { numbers: first };
  const limit = readLimit(scan, maxFigures, first);
  return limit ? { numbers: findQuantities(scan.slice(0, limit.end)), limit } : { numbers: findQuantities(scan) };
}
