/**
 * A cheap scan for nesting depth before the YAML parser sees the text: the parser recurses per
 * level, and a few thousand levels of `[[[[` exhaust the stack or memory. Counts block indentation
 * levels, `- ` items opened on one line, and flow brackets outside quotes. It over-approximates a
 * little (a bracket inside a plain scalar after `: ` counts), which only matters near the limit.
 *
 * It reads character codes, not one-character strings: it runs once per file before anything is
 * compiled, and a string per CJK character made it cost ~10 ms on a 120 KB report.
 */
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_SQUARE = 0x5b;
const OPEN_CURLY = 0x7b;
const CLOSE_SQUARE = 0x5d;
const CLOSE_CURLY = 0x7d;
/** `prev` at the start of a line: nothing seen yet. */
const NONE = -1;

/** After these (or at the start of a line) a flow collection or a quoted scalar may start. */
function opensAfter(prev: number): boolean {
  return (
    prev === NONE ||
    prev === 0x3a /* : */ ||
    prev === 0x3f /* ? */ ||
    prev === DASH ||
    prev === 0x2c /* , */ ||
    prev === OPEN_SQUARE ||
    prev === OPEN_CURLY
  );
}

export function findExcessiveNesting(text: string, limit: number): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    // Indices below are absolute; columns are relative to `pos`.
    let i = pos;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (flow === 0 && i < end && text.charCodeAt(i) !== HASH) {
      const indent = i - pos;
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
      let items = 0;
      while (i < end && text.charCodeAt(i) === DASH && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) {
        items++;
        i += 2;
        while (i < end && text.charCodeAt(i) === SPACE) i++;
      }
      if (indents.length + items > limit) return { line, column: i - pos + 1 };
    }
    let quote = 0;
    // The last character outside quotes that was not a space: a flow collection or a quoted
    // scalar starts only after one of  : ? - , [ {  or at the start of the line.
    let prev = NONE;
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      if (quote !== 0) {
        if (c === BACKSLASH && quote === DQUOTE) k++;
        else if (c === quote) quote = 0;
        continue;
      }
      if (c === SPACE || c === TAB) continue;
      if (c === HASH && (k === pos || text.charCodeAt(k - 1) === SPACE)) break;
      const opens = flow > 0 || opensAfter(prev);
      if ((c === DQUOTE || c === SQUOTE) && opens) quote = c;
      else if ((c === OPEN_SQUARE || c === OPEN_CURLY) && opens) {
        flow++;
        if (flow + indents.length > limit) return { line, column: k - pos + 1 };
      } else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && flow > 0) flow--;
      prev = c;
    }
    pos = end + 1;
    line++;
  }
  return undefined;
}
