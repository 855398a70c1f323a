import type { ParsedQuantity } from "@govreport/schema";
import { type ExtractWarning, warn } from "../codes.js";
import { lengthLimit, readNumbers } from "../read-limit.js";
import { joinedLine } from "../sections.js";
import { countChars, lineEnd, type Prepared, prepare } from "../text.js";

/** What the layout stage hands on: the text to scan and where the report's body starts in it. */
export interface Laid {
  /** The normalised text, its scan text (lines joined, digits ASCII) and the maps back to it. */
  p: Prepared;
  /** `p.scan`: the text every later stage reads (indices are UTF-16 units of it). */
  s: string;
  /** The printed quantities of `s` (the schema's findQuantities), found once with the cap. */
  numbers: readonly ParsedQuantity[];
  /** Where the body starts: after the `# source:` comment line, if the text opens with one. */
  bodyStart: number;
  /** The longest line, when it is long enough that paragraphs look joined (headings are then looked for inside lines). */
  joined?: number;
}

/**
 * Stage `layout`: the normalised text → the text to scan. A hard-wrapped text has its cut lines
 * joined (layout.ts) and full-width digits read as ASCII (text.ts `prepare`); a text whose
 * paragraphs look joined is flagged. Either adds a warning that the layout is doubtful. A text
 * longer than `maxChars` or with more than `maxFigures` numbers, more than any report, is read only
 * up to a sentence end near the cap (read-limit.ts): the scan text stops there, so the time, memory
 * and size of the draft stay bounded, and the warning `text.read-in-part` says where.
 */
export function repairLayout(
  text: string,
  warnings: ExtractWarning[],
  maxFigures = Number.POSITIVE_INFINITY,
  maxChars = Number.POSITIVE_INFINITY,
): Laid {
  // The length cap first, on the normalised text: layout repair and every later stage then work on
  // at most maxChars characters (source.chars still counts the whole text).
  const byLength = lengthLimit(text, maxChars);
  const prepared = byLength ? { ...prepare(text.slice(0, byLength.end)), chars: countChars(text) } : prepare(text);
  const read = readNumbers(prepared.scan, maxFigures);
  const { numbers } = read;
  const limit = read.limit ?? byLength;
  const p = read.limit ? { ...prepared, scan: prepared.scan.slice(0, read.limit.end) } : prepared;
  const s = p.scan;
  if (limit) {
    const why =
      limit.by === "figures"
        ? `prints more than ${maxFigures} numbers, more than any report: it was read up to code point ${p.cp[limit.end] ?? 0} of ${p.chars} (the end of the sentence, or clause, of number ${maxFigures}, printed at code point ${p.cp[limit.lastStart ?? 0] ?? 0})`
        : `is longer than any report (${text.length} characters, over ${maxChars}): it was read up to code point ${p.cp[s.length] ?? 0} of ${p.chars} (a sentence or clause end)`;
    warn(
      warnings,
      "text.read-in-part",
      `the text ${why}; nothing after it is in the draft (pass maxFigures or maxChars to read more)`,
    );
  }
  if (p.wrap)
    warn(
      warnings,
      "layout.hard-wrap",
      `the text looks hard-wrapped at ${p.wrap.width} characters: ${p.wrap.joined} line breaks inside paragraphs were joined before reading (quotes keep them); the layout is doubtful, check figures near line ends`,
    );
  const bodyStart = s.startsWith("#") ? Math.min(s.length, lineEnd(s, 0) + 1) : 0;
  const joined = joinedLine(s);
  if (joined !== undefined)
    warn(
      warnings,
      "layout.joined-lines",
      `the text has a line of ${joined} characters: paragraphs look joined, so headings were also looked for inside lines (after a sentence end); the layout is doubtful, check sections, roles and periods`,
    );
  const laid: Laid = { p, s, bodyStart, numbers };
  if (joined !== undefined) laid.joined = joined;
  return laid;
}
