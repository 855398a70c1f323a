import type { Relation } from "@govreport/schema";
import { commensurable, isCount, type RelationFigure, sentenceStart, unitOf } from "./common.js";

type PerCapita = Extract<Relation, { kind: "per_capita" }>;

/** The clause of a per-capita figure opens with the words that make it one: ,人均7667元 / ,户均增收1200元. */
const EACH = /^[,，、]\s*(?:平均)?(人均|每人|户均|每户)[\u4e00-\u9fff]{0,4}?(?:达到|为|达|约)?$/;
/** A short clause between the total and the people: 发放救助金9.2亿元,惠及12万人. */
const CLAUSE = /^[,，、]?[\u4e00-\u9fff“”]{0,10}$/;

/**
 * 发放救助金9.2亿元,惠及12万人,人均7667元 / 12万人获得救助金9.2亿元,人均7667元: a total, the people
 * (or households) it is spread over and the amount per head, printed one after the other in a
 * sentence, the last in a clause that opens with 人均 (户均 for households). A 居民人均可支配收入 or any
 * per-capita figure whose clause names something else first is never taken for one.
 */
export function proposePerCapita(s: string, figures: readonly RelationFigure[]): PerCapita[] {
  const out: PerCapita[] = [];
  figures.forEach((each, k) => {
    if (!each.id || k < 2 || each.quantity.unit === "%") return;
    const m = EACH.exec(s.slice((figures[k - 1] as RelationFigure).end, each.start));
    if (!m) return;
    const head = /户/.test(m[1] as string) ? "户" : "人";
    const a = figures[k - 2] as RelationFigure;
    const b = figures[k - 1] as RelationFigure;
    if (!a.id || !b.id || a.start < sentenceStart(s, each.start)) return;
    if (!CLAUSE.test(s.slice(a.end, b.start))) return;
    const isPeople = (f: RelationFigure) => isCount(f.quantity) && unitOf(f.quantity)?.base === head;
    const [pop, total] = isPeople(a) ? [a, b] : isPeople(b) ? [b, a] : [];
    if (!pop?.id || !total?.id || isPeople(total) || !commensurable(total.quantity, each.quantity)) return;
    out.push({
      kind: "per_capita",
      id: `per-capita-${each.id}`,
      total: total.id,
      population: pop.id,
      perCapita: each.id,
    });
  });
  return out;
}
