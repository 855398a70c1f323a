/**
 * A cheap scan for nesting depth before the YAML parser sees the text: the parser recurses per
 * level, and a few thousand levels of `[[[[` exhaust the stack or memory. Counts block indentation
 * levels, `- ` items opened on one line, and flow brackets outside quotes. It over-approximates a
 * little (a bracket inside a plain scalar after `: ` counts), which only matters near the limit.
 */
const STARTERS = new Set(["", ":", "?", "-", ",", "[", "{"]);

export function findExcessiveNesting(text: string, limit: number): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const s = text.slice(pos, end);
    let i = 0;
    while (s[i] === " ") i++;
    if (flow === 0 && i < s.length && s[i] !== "#") {
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= i) indents.pop();
      indents.push(i);
      let items = 0;
      while (s[i] === "-" && (s[i + 1] === " " || i + 1 === s.length)) {
        items++;
        i += 2;
        while (s[i] === " ") i++;
      }
      if (indents.length + items > limit) return { line, column: i + 1 };
    }
    let quote = "";
    // The last character outside quotes that was not a space: a flow collection or a quoted
    // scalar starts only after one of  : ? - , [ {  or at the start of the line.
    let prev = "";
    for (let k = i; k < s.length; k++) {
      const c = s[k] ?? "";
      if (quote) {
        if (c === "\\" && quote === '"') k++;
        else if (c === quote) quote = "";
        continue;
      }
      if (c === " " || c === "\t") continue;
      if (c === "#" && (k === 0 || s[k - 1] === " ")) break;
      const opens = flow > 0 || STARTERS.has(prev);
      if ((c === '"' || c === "'") && opens) quote = c;
      else if ((c === "[" || c === "{") && opens) {
        flow++;
        if (flow + indents.length > limit) return { line, column: k + 1 };
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
      prev = c;
    }
    pos = end + 1;
    line++;
  }
  return undefined;
}
