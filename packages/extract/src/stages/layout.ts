import { type ExtractWarning, warn } from "../codes.js";
import { readLimit } from "../read-limit.js";
import { joinedLine } from "../sections.js";
import { lineEnd, type Prepared, prepare } from "../text.js";

/** What the layout stage hands on: the text to scan and where the report's body starts in it. */
export interface Laid {
  /** The normalised text, its scan text (lines joined, digits ASCII) and the maps back to it. */
  p: Prepared;
  /** `p.scan`: the text every later stage reads (indices are UTF-16 units of it). */
  s: string;
  /** Where the body starts: after the `# source:` comment line, if the text opens with one. */
  bodyStart: number;
  /** The longest line, when it is long enough that paragraphs look joined (headings are then looked for inside lines). */
  joined?: number;
}

/**
 * Stage `layout`: the normalised text → the text to scan. A hard-wrapped text has its cut lines
 * joined (layout.ts) and full-width digits read as ASCII (text.ts `prepare`); a text whose
 * paragraphs look joined is flagged. Either adds a warning that the layout is doubtful. A text with
 * more than `maxFigures` numbers, more than any report, is read only up to a sentence end past the
 * last of them (read-limit.ts): the scan text stops there, so the time, memory and size of the draft
 * stay bounded, and the warning `text.read-in-part` says where.
 */
export function repairLayout(text: string, warnings: ExtractWarning[], maxFigures = Number.POSITIVE_INFINITY): Laid {
  const prepared = prepare(text);
  const limit = Number.isFinite(maxFigures) ? readLimit(prepared.scan, maxFigures) : undefined;
  const p = limit ? { ...prepared, scan: prepared.scan.slice(0, limit.end) } : prepared;
  const s = p.scan;
  if (limit)
    warn(
      warnings,
      "text.read-in-part",
      `the text prints more than ${maxFigures} numbers, more than any report: it was read up to code point ${p.cp[limit.end] ?? 0} of ${p.chars} (the end of the sentence, or clause, of number ${maxFigures}, printed at code point ${p.cp[limit.lastStart] ?? 0}); nothing after it is in the draft (pass maxFigures to read more)`,
    );
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
  const laid: Laid = { p, s, bodyStart };
  if (joined !== undefined) laid.joined = joined;
  return laid;
}
