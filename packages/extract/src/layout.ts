/**
 * Layout repair: a text copied from a PDF arrives hard-wrapped, every line cut at the same width
 * wherever that falls, inside a word or a number (8500亿元 split as 85 / 00亿元). Read line by line,
 * such a text loses digits without any sign. This stage finds the wrap width and joins the lines it
 * cut, keeping for every index of the joined text the index of the original it comes from, so that
 * quotes and offsets still point into the text as given.
 */

export interface Unwrapped {
  /** The text with the wrap line breaks removed (the text itself when nothing was joined). */
  text: string;
  /** For each UTF-16 index of `text` (and its end), the index in the original; undefined when nothing was joined. */
  origin?: Int32Array;
  /** The wrap width found, in UTF-16 units, and how many line breaks were joined. */
  width?: number;
  joined: number;
}

/** Lines this long or longer vote for the wrap width. */
const MIN_VOTE = 20;
/** A paragraph ends here, not at a wrap: after these, a line break is kept. */
const PARAGRAPH_END = /[。！？!?：:；;]$/;
/** A line that starts a heading or a list entry is never a continuation. */
const HEADING_START =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|名词解释)/;

/** The wrap width when most long lines have one length (a hard-wrapped text), else undefined. */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of lines) {
    if (l.length < MIN_VOTE) continue;
    long++;
    counts.set(l.length, (counts.get(l.length) ?? 0) + 1);
  }
  let width: number | undefined;
  let best = 0;
  for (const [len, n] of counts)
    if (n > best || (n === best && width !== undefined && len > width)) {
      width = len;
      best = n;
    }
  // Paragraphs of prose have all sorts of lengths; a wrapped text has most of its long lines at one.
  return width !== undefined && best >= 5 && best >= 0.3 * long && width <= 200 ? width : undefined;
}

export function unwrap(text: string): Unwrapped {
  const lines = text.split("\n");
  const width = wrapWidth(lines);
  if (width === undefined) return { text, joined: 0 };
  const parts: string[] = [];
  const origin = new Int32Array(text.length + 1);
  let out = 0;
  let at = 0;
  let joined = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    for (let i = 0; i < line.length; i++) origin[out + i] = at + i;
    parts.push(line);
    out += line.length;
    at += line.length;
    if (k === lines.length - 1) break;
    const next = lines[k + 1] as string;
    const cut =
      line.length === width &&
      !PARAGRAPH_END.test(line) &&
      next.length > 0 &&
      !/^[\s\u3000]/.test(next) &&
      !HEADING_START.test(next);
    if (cut) joined++;
    else {
      origin[out] = at;
      parts.push("\n");
      out++;
    }
    at++;
  }
  origin[out] = at;
  return { text: parts.join(""), origin: origin.subarray(0, out + 1), width, joined };
}
