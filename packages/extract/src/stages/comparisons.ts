import { readComparison, readFromTo } from "../comparisons.js";
import { sentenceEndOf } from "../spans.js";
import type { Figure, Reading } from "./figure.js";

/**
 * Stage `comparisons`: which figures qualify another (comparisons.ts). A stated comparison after a
 * figure (比去年同期13.88亿元增长6.39亿元,增幅45.4%) makes its figures the observation's baseline,
 * change, percent or points; 由A增加到B makes A the baseline of B (`fromTo`). Sets `kind`, `owner`,
 * `comparison` and `fromTo`.
 */
export function linkComparisons(figures: Figure[], { laid, periods }: Reading): Figure[] {
  const { s } = laid;
  const { periodAt } = periods;
  const byStart = new Map<number, Figure>();
  for (const f of figures) byStart.set(f.q.start, f);
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i] as Figure;
    if (f.kind !== "observation") continue;
    const sentenceLimit = sentenceEndOf(s, f.q.end);
    // The figures after f in its sentence, looked up by where they start (O(1), not a scan of the rest).
    const after = (at: number) => (at > f.q.start && at < sentenceLimit ? byStart.get(at)?.q : undefined);
    const ft = readFromTo(s, f.q, after);
    if (ft) {
      const to = byStart.get(ft.to.start);
      if (to && to.kind === "observation") {
        f.kind = "baseline";
        f.owner = to;
        const link: NonNullable<Figure["fromTo"]> = { from: f, direction: ft.direction };
        if (ft.fromYear !== undefined) link.fromYear = ft.fromYear;
        if (ft.toYear !== undefined) link.toYear = ft.toYear;
        to.fromTo = link;
        continue;
      }
    }
    const period = periodAt(f.q.start);
    const c = readComparison(s, f.q, after, period, sentenceLimit);
    if (!c) continue;
    f.comparison = c;
    for (const u of c.used) {
      const g = byStart.get(u.start);
      if (!g) continue;
      g.owner = f;
      g.kind =
        c.baseline?.figure === u ? "baseline" : u === c.percent ? "percent" : u === c.points ? "points" : "change";
    }
  }

  return figures;
}
