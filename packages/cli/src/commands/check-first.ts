/**
 * The first `limit` of a stream of items in the order of a numeric key (ties in the order they came),
 * kept in a max-heap of at most `limit` items: n items cost n·log(limit) time and `limit` memory,
 * so a text raising 400,000 findings keeps the 1000 that are listed, not all of them (issue 10).
 * The others are counted.
 */
export class FirstInOrder<T> {
  private readonly heap: { key: number; seq: number; item: T }[] = [];
  private count = 0;

  constructor(private readonly limit: number) {}

  /** Whether a comes after b: by key, then by arrival. */
  private static after(a: { key: number; seq: number }, b: { key: number; seq: number }): boolean {
    return a.key > b.key || (a.key === b.key && a.seq > b.seq);
  }

  add(key: number, item: T): void {
    const e = { key, seq: this.count++, item };
    const h = this.heap;
    if (h.length < this.limit) {
      h.push(e);
      for (let i = h.length - 1; i > 0; ) {
        const up = (i - 1) >> 1;
        const parent = h[up] as (typeof h)[number];
        if (!FirstInOrder.after(e, parent)) break;
        h[i] = parent;
        h[up] = e;
        i = up;
      }
      return;
    }
    const top = h[0];
    if (top === undefined || !FirstInOrder.after(top, e)) return;
    // Replace the last of those kept and sift it down.
    h[0] = e;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let big = i;
      if (l < h.length && FirstInOrder.after(h[l] as typeof e, h[big] as typeof e)) big = l;
      if (r < h.length && FirstInOrder.after(h[r] as typeof e, h[big] as typeof e)) big = r;
      if (big === i) break;
      [h[i], h[big]] = [h[big] as typeof e, h[i] as typeof e];
      i = big;
    }
  }

  /** The items kept, in order. */
  items(): T[] {
    return [...this.heap].sort((a, b) => a.key - b.key || a.seq - b.seq).map((e) => e.item);
  }

  /** How many were added and not kept. */
  get dropped(): number {
    return this.count - this.heap.length;
  }
}
