import type { Relation } from "@govreport/schema";
import { commensurable, firstFigureFrom, inTextOrder, type RelationFigure, sentenceStart } from "./common.js";

type AverageGrowth = Extract<Relation, { kind: "average_growth" }>;

/** The words between the later level (or its change) and a yearly average rate: ,年均增长 / 、年均递增. */
const AVERAGE = /^[,，、]?\s*(?:年均|年平均|平均每年|每年平均)(?:增长|递增|增速|增幅|提高)(?:为|达|达到|了)?$/;
/** Between the two levels of 由A增加到B: 增加到2015年的. */
const FROM_TO = /^的?(?:增加|增长|提高|上升|提升|扩大|下降|减少|降低)?(?:到|至)(?:(?:19|20)\d\d年(?:底|末)?的?)?$/;
/** 比2010年增加: the change since a year named. */
const SINCE = /^[,，]?\s*(?:比|较)((?:19|20)\d\d)年(?:底|末)?(?:增加|增长|提高|多|下降|减少|降低)了?$/;
const year = (p: string) => (/^\d{4}$/.test(p) ? Number(p) : undefined);

/**
 * 地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元,年均增长12.1% / 收入完成30788元,比2010年
 * 增加13480元,年均递增12.2%: an average yearly rate printed right after two levels, or a level and its
 * change since a year named. The number of years comes from the years printed in the sentence, never
 * from a guess: without both years there is no relation.
 */
export function proposeAverageGrowth(s: string, figures: readonly RelationFigure[]): AverageGrowth[] {
  const out: AverageGrowth[] = [];
  figures.forEach((rate, i) => {
    if (!rate.id || rate.quantity.unit !== "%" || i < 2) return;
    const prev = figures[i - 1] as RelationFigure;
    if (!AVERAGE.test(s.slice(prev.end, rate.start))) return;
    const ss = sentenceStart(s, rate.start);
    const printed = (y: number) => s.slice(ss, rate.start).includes(`${y}年`);
    if (prev.id) {
      // 由…A…到…B, 年均…
      const to = prev;
      const b = year(to.period);
      const from = figures[i - 2] as RelationFigure;
      const inSentence =
        !!from.id &&
        from.start >= ss &&
        commensurable(from.quantity, to.quantity) &&
        FROM_TO.test(s.slice(from.end, to.start)) &&
        /[由从]/.test(s.slice(Math.max(ss, from.start - 10), from.start));
      if (!inSentence) {
        // 2010年…收入5.24亿元。…2015年达到15.07亿元,年均增长23.53%: the earlier level in a sentence
        // before, in the same paragraph.
        if (b === undefined || !printed(b)) return;
        const earlier = earlierLevel(s, figures, to, ss, b);
        const a = earlier ? year(earlier.period) : undefined;
        if (!earlier?.id || a === undefined) return;
        out.push({
          kind: "average_growth",
          id: `average-${rate.id}`,
          from: earlier.id,
          to: to.id as string,
          rate: rate.id,
          years: b - a,
        });
        return;
      }
      const a = year(from.period);
      if (a === undefined || b === undefined || b <= a || !printed(a) || !printed(b)) return;
      out.push({
        kind: "average_growth",
        id: `average-${rate.id}`,
        from: from.id as string,
        to: to.id as string,
        rate: rate.id,
        years: b - a,
      });
      return;
    }
    // …B, 比YYYY年增加C, 年均…: prev is the change (part of B's comparison).
    const to = figures[i - 2] as RelationFigure;
    if (!to.id || to.start < ss || !commensurable(prev.quantity, to.quantity)) return;
    const since = SINCE.exec(s.slice(to.end, prev.start));
    if (!since) return;
    const a = Number(since[1]);
    const b = year(to.period);
    if (b === undefined || b <= a || !printed(b)) return;
    out.push({ kind: "average_growth", id: `average-${rate.id}`, to: to.id, rate: rate.id, years: b - a });
  });
  return out;
}

/**
 * The level of the same indicator printed in an earlier sentence of the paragraph, in an earlier year
 * printed in that sentence: only when exactly one figure fits, so that two candidates are never
 * chosen between by guess. Scans the paragraph before the rate's sentence only.
 */
function earlierLevel(
  s: string,
  figures: readonly RelationFigure[],
  to: RelationFigure,
  ss: number,
  toYear: number,
): RelationFigure | undefined {
  const para = s.lastIndexOf("\n", ss - 1) + 1;
  const found: RelationFigure[] = [];
  const ordered = inTextOrder(figures);
  const from = ordered ? firstFigureFrom(figures, para) : 0;
  for (let k = from; k < figures.length; k++) {
    const f = figures[k] as RelationFigure;
    if (f.start >= ss) {
      if (ordered) break;
      continue;
    }
    if (f.start < para || !f.id || f.role === "target" || f.indicator !== to.indicator) continue;
    if (!commensurable(f.quantity, to.quantity)) continue;
    const y = year(f.period);
    if (y === undefined || y >= toYear) continue;
    const fs = sentenceStart(s, f.start);
    if (!s.slice(fs, f.start).includes(`${y}年`)) continue;
    found.push(f);
  }
  return found.length === 1 ? found[0] : undefined;
}
