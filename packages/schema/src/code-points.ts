/**
 * Conversions between code-point offsets (what the schema's offsets count) and JS string indices.
 * A high surrogate and the unit after it are one code point, even when the text holds a lone
 * surrogate (as the extractor counts, so that offsets agree). Each conversion is a binary search in
 * an index of the text's surrogate pairs, built once for the last text seen: converting every
 * figure's offset of a long text costs n + m·log n, not n·m (issue 10).
 */
let lastText: string | undefined;
/** Where each pair starts, as a string index. */
let pairAt: Int32Array = new Int32Array(0);
/** Where each pair starts, as a code-point offset (`pairAt[j] - j`). */
let pairCp: Int32Array = new Int32Array(0);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

function pairsOf(text: string): void {
  if (text === lastText) {
    // An equal copy compares every character: keep the string asked about, so the next === is by reference.
    lastText = text;
    return;
  }
  lastText = text;
  const at: number[] = [];
  // Most texts have none; a regex finds the first high surrogate without a loop over every unit.
  const first = text.search(/[\uD800-\uDBFF]/);
  if (first >= 0)
    for (let i = first; i < text.length - 1; i++) {
      if (isHigh(text.charCodeAt(i))) {
        at.push(i);
        i++;
      }
    }
  pairAt = Int32Array.from(at);
  pairCp = pairAt.map((p, j) => p - j);
}

/** How many entries of a sorted array are below `x`. */
function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index into a JS string of a code-point offset (the schema counts offsets in code points). */
export function codePointToIndex(text: string, offset: number): number {
  const cp = offset > 0 ? Math.ceil(offset) : 0;
  pairsOf(text);
  if (pairAt.length === 0) return Math.min(cp, text.length);
  return Math.min(cp + countBelow(pairCp, cp), text.length);
}

/** Code-point offset of a JS string index (an index inside a pair counts the pair as begun). */
export function indexToCodePoint(text: string, index: number): number {
  const i = index > 0 ? Math.min(Math.ceil(index), text.length) : 0;
  pairsOf(text);
  if (pairAt.length === 0) return i;
  return i - countBelow(pairAt, i - 1);
}
