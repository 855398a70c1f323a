import type { Relation } from "@govreport/schema";
import { commensurable, type RelationFigure, sentenceStart } from "./common.js";

type Growth = Extract<Relation, { kind: "growth" }>;

/** Between the two levels: 增加到, 跃升至, 降至, 增长到2020年的. */
const FROM_TO =
  /^的?(?:增加|增长|提高|上升|提升|扩大|跃升|增|下降|减少|降低|减|降)?(?:到|至)(?:(?:19|20)\d\d年(?:底|末)?的?)?$/;
/** Between the later level and the stated growth: 、增长27倍 / 、降幅近40% / ,提高了86%. Never 年均 (an average). */
const RATE = /^[,，、]\s*(?:增长|增加|提高|上升|增幅|降幅|下降|减少|降低)(?:了|为|达|达到)?$/;

/**
 * 技术合同成交额从14.8亿元跃升至422.7亿元、增长27倍 / PM2.5平均浓度从74微克/立方米降至44.8微克/立方米、
 * 降幅近40%: a growth or decline printed right after the two levels it joins, in % or 倍. The start
 * must follow 从 or 由 in the sentence, so that a figure before an unrelated 增加到 is never taken for it.
 */
export function proposeGrowth(s: string, figures: readonly RelationFigure[]): Growth[] {
  const out: Growth[] = [];
  figures.forEach((rate, i) => {
    const u = rate.quantity.unit;
    if (!rate.id || (u !== "%" && u !== "倍") || i < 2) return;
    const to = figures[i - 1] as RelationFigure;
    const from = figures[i - 2] as RelationFigure;
    if (!to.id || !from.id || !commensurable(from.quantity, to.quantity)) return;
    const ss = sentenceStart(s, rate.start);
    if (from.start < ss) return;
    if (!RATE.test(s.slice(to.end, rate.start)) || !FROM_TO.test(s.slice(from.end, to.start))) return;
    const lead = s.slice(Math.max(ss, from.start - 10), from.start);
    if (!/[由从]/.test(lead) || /[,，;；、]/.test(lead.slice(lead.search(/[由从]/)))) return;
    out.push({ kind: "growth", id: `growth-${rate.id}`, from: from.id, to: to.id, rate: rate.id });
  });
  return out;
}
