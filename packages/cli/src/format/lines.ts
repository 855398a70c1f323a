import { indexToCodePoint } from "@govreport/schema";

/**
 * Maps code-unit indices in a text to 1-based line and code-point column: a binary search for the
 * line and one for the column (no walk along the line, which made locating every figure of a text
 * printed on one huge line quadratic: issue 10).
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line and column of a UTF-16 index. */
  at(index: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    const column = index > start ? indexToCodePoint(this.text, index) - indexToCodePoint(this.text, start) + 1 : 1;
    return { line: lo + 1, column };
  }

  line(n: number): string {
    const start = this.starts[n - 1];
    if (start === undefined) return "";
    const end = this.starts[n];
    return this.text.slice(start, end === undefined ? undefined : end - 1);
  }
}
