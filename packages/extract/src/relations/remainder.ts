import type { Relation } from "@govreport/schema";
import { baseValue, commensurable, type RelationFigure, sentenceStart } from "./common.js";

type Remainder = Extract<Relation, { kind: "remainder" }>;

/** Words right before a figure that make it what is left: 剩余8项, 尚有3个未完工, 还剩. */
const REMAINING = /(?:剩余|尚有|还有|还剩|其余|余下|未完成|待完成)[\u4e00-\u9fff]{0,6}$/;
/** Words right before a figure that make it what is done: 已完成12项, 已建成, 已办结. */
const DONE = /(?:已经?|累计)?(?:完成|建成|办结|竣工|开工|落实|实施|交付)[\u4e00-\u9fff]{0,6}$/;
/** Words before the whole: 共20项, 计划30个, 总数. */
const WHOLE = /(?:共|总共|共计|合计|总计|计划|任务|总数|总量)[\u4e00-\u9fff]{0,8}$/;

/** The words printed right before a figure, back to the previous figure or sentence start. */
function lead(s: string, figures: readonly RelationFigure[], k: number, floor: number): string {
  const prev = figures[k - 1];
  return s.slice(Math.max(floor, prev?.end ?? 0), (figures[k] as RelationFigure).start).replace(/[\s\u3000]/g, "");
}

/**
 * 共20项,已完成12项,剩余8项: a whole, what is done of it and what remains, in one sentence and one
 * unit. The whole must be named as one (共, 计划, 总数) and printed before the part done; the three
 * figures follow each other with no other figure of their unit between them.
 */
export function proposeRemainders(s: string, figures: readonly RelationFigure[]): Remainder[] {
  const out: Remainder[] = [];
  figures.forEach((left, k) => {
    if (!left.id || k < 2) return;
    const ss = sentenceStart(s, left.start);
    if (!REMAINING.test(lead(s, figures, k, ss))) return;
    const done = figures[k - 1] as RelationFigure;
    const whole = figures[k - 2] as RelationFigure;
    if (!done.id || !whole.id || whole.start < ss) return;
    if (!commensurable(done.quantity, left.quantity) || !commensurable(whole.quantity, done.quantity)) return;
    if (!DONE.test(lead(s, figures, k - 1, ss))) return;
    // The whole is the figure right before what is done, named as one (共20项) or not (实施项目32个,
    // 20项民生工程已完成17项).
    if (
      !WHOLE.test(lead(s, figures, k - 2, ss)) &&
      !/^[\u4e00-\u9fff]{0,8}[,，]?\s*(?:其中)?[\u4e00-\u9fff]{0,6}$/.test(s.slice(whole.end, done.start))
    )
      return;
    if (baseValue(whole.quantity) < baseValue(done.quantity)) return;
    out.push({ kind: "remainder", id: `remainder-${left.id}`, total: whole.id, done: done.id, remaining: left.id });
  });
  return out;
}
