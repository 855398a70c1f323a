import type { Role } from "@govreport/schema";
import { markersIn } from "../periods.js";
import { isPlanLead, type SectionMode } from "../sections.js";
import { clauseStartOf, halfStartOf, sentenceStartOf } from "../spans.js";
import { type Figure, isBase, type Reading } from "./figure.js";

/** Words right before a figure that make it a level reached, not an amount over the period. */
const LEVEL_REACHED = /(?:达到|突破|超过|增至|增加到|增长到|提高到|上升到|提升到|达)$/;
/** What a rate of growth is called: its figure is a flow over the period, not a level at its end. */
const GROWTH_RATE = /增长|增速|增幅|递增|年均/;
const TARGET_WORDS = /力争|确保|争取|争创|力求|目标|预期|预计|控制在|不低于|不少于|不超过/;
/** A heading that announces goals, and one that announces the work to do as well. */
const GOALS_HEADING = /目标/;
const WORK_HEADING = /主要工作|重点工作|工作安排|工作任务/;
/** A rate of change stated right before a figure: 增长5%, 增速8%, 提高2%, 下降3%. */
const RATE_CHANGE = /(?:增长|增速|增幅|提高|提升|下降|降低|减少|增加)$/;
/** In a plan, a figure named as a task (完成年度光伏建设任务1兆瓦) is a target. */
const TASK_WORDS = /任务$/;
const TARGET_NEAR = /达到$|(?<!总投资|投资)达$|提高到$|提升到$|增长到$|增加到$|突破$|超过$|控制在$/;
/** 实现产值2亿元: in a plan, a result to achieve (实现 + what is measured) is a goal. */
const ACHIEVE = /实现[\u4e00-\u9fff]{0,10}$/;
/**
 * A clause led by a work verb of its own (确保A投入使用,完成B 8所) is work scheduled: the 确保 or
 * 力争 of an earlier clause does not reach it. A clause with no verb of its own (确保新增就业5400人,
 * 再就业2100人) stays under it.
 */
const WORK_VERB = /^(?:完成|推进|实施|启动|开工|新建|建成|开展|加快|加强|做好|抓好|推动|改造|建设)/;

/**
 * Stage `roles`: the role and period of each figure. The period is the one its context gives it
 * (stage `periods`; a glossary figure's is that of its footnote marker, a base's the year its
 * 在…基础上 names), revised for a level reached at the end of a review of several years (stock vs
 * flow), for 由A增加到B (the years it names) and for a yearly average (年均增长 after 由2010年…到2015年:
 * 2011/2015). The role is actual in a review, plan or target in a plan (`roleOf`), baseline for a
 * base or a comparison's baseline; the parts of a comparison take their observation's role, period
 * and subject. Sets `period` and `role` (and a from-to baseline's subject).
 */
export function assignRoles(figures: Figure[], { laid, structure, periods }: Reading): Figure[] {
  const { s } = laid;
  const { modeAt } = structure;
  const { markers, periodAt } = periods;
  for (const f of figures) {
    f.period = f.anchor !== undefined ? periodAt(f.anchor) : periodAt(f.q.start);
    if (isBase(s, f.q)) {
      // The base's own year is the one its 在…基础上 names (a reference for the figures after it).
      const hs = halfStartOf(s, f.q.start);
      const m = markersIn(markers, hs, f.q.start)
        .filter((x) => x.period !== "")
        .pop();
      if (m) f.period = m.period;
    }
  }
  let lastFromTo: { sentence: number; fromYear?: number; toYear?: number } | undefined;
  for (const f of figures) {
    if (f.kind !== "observation") continue;
    f.role = isBase(s, f.q) ? "baseline" : roleOf(s, f, modeAt(f.anchor ?? f.q.start));
    // Stock vs flow: in a review of several years (五年来…), a level reached (达到3353亿元, 突破6万人)
    // is the level at the period's end; a flow over the period (新增, 实施…项, 年均增长) keeps the range.
    // A share or rate reached (覆盖率达到99.5%, 提高到25.2%) is a level too; a growth rate is not.
    // A figure set against a year before the period (比2010年下降65.6%, 是2010年的2倍) is the state at
    // its end against the state at its start, unless it is a yearly average.
    const range = /^(\d{4})\/(\d{4})$/.exec(f.period);
    if (range && f.role === "actual" && f.q.unit !== "个百分点") {
      const cs = clauseStartOf(s, f.q.start);
      const near = s.slice(cs, f.q.start).replace(/[\s\u3000]/g, "");
      const growth = GROWTH_RATE.test(f.subject) || GROWTH_RATE.test(near);
      const againstStart = markersIn(markers, cs, f.q.start).some(
        (m) => m.reference && /^\d{4}$/.test(m.period) && Number(m.period) < Number(range[1]),
      );
      if (LEVEL_REACHED.test(near) && !(f.q.unit === "%" && growth)) f.period = range[2] as string;
      else if (againstStart && !/年均|年平均|年递增/.test(`${f.subject}${near}`)) f.period = range[2] as string;
    }
    if (!f.fromTo) continue;
    // 由2010年的A增加到2015年的B；C由X增加到Y: the second pair shares the first one's years.
    const sentence = sentenceStartOf(s, f.q.start);
    const inherited = lastFromTo?.sentence === sentence ? lastFromTo : undefined;
    const fromYear = f.fromTo.fromYear ?? inherited?.fromYear;
    const toYear = f.fromTo.toYear ?? inherited?.toYear;
    if (toYear !== undefined) f.period = String(toYear);
    lastFromTo = { sentence, fromYear, toYear };
    const from = f.fromTo.from;
    from.period = fromYear !== undefined ? String(fromYear) : previousOf(f.period);
    from.subject = f.subject || from.subject;
    from.role = "baseline";
  }
  // 年均增长12.1% after 由2010年…到2015年, or after 比2010年增加…: a yearly average over 2011-2015.
  let sentence = -1;
  let firstFromTo: Figure | undefined;
  for (const f of figures) {
    const ss = sentenceStartOf(s, f.q.start);
    if (ss !== sentence) {
      sentence = ss;
      firstFromTo = undefined;
    }
    const earlierFromTo = firstFromTo;
    if (f.fromTo && !firstFromTo) firstFromTo = f;
    if (f.kind !== "observation" || !/年均|年平均|年递增/.test(f.subject) || !/^\d{4}$/.test(f.period)) continue;
    const y = Number(f.period);
    const refs = markersIn(markers, ss, f.q.start)
      .filter((m) => m.reference && /^\d{4}$/.test(m.period))
      .map((m) => Number(m.period));
    const base = earlierFromTo?.fromTo?.from.period;
    if (base && /^\d{4}$/.test(base)) refs.push(Number(base));
    const r = refs.filter((x) => x < y - 1).pop();
    if (r !== undefined) f.period = `${r + 1}/${y}`;
  }
  for (const f of figures) {
    if (f.kind === "observation") continue;
    const owner = f.owner as Figure;
    if (f.kind === "baseline") {
      f.role = "baseline";
      if (!f.fromTo && owner.comparison?.baseline) f.period = owner.comparison.baseline.period;
      f.subject = owner.subject || f.subject;
    } else {
      f.role = owner.role;
      f.period = owner.period;
      f.subject = owner.subject;
    }
  }
  return figures;
}

function previousOf(period: string): string {
  const y = /^(\d{4})/.exec(period);
  return y ? String(Number(y[1]) - 1) : period;
}

function roleOf(s: string, f: Figure, mode: SectionMode): Role {
  if (mode === "glossary") return "plan";
  if (mode !== "plan") return "actual";
  const hs = halfStartOf(s, f.q.start);
  const before = s.slice(hs, f.q.start);
  const near = s.slice(clauseStartOf(s, f.q.start), f.q.start).replace(/[\s\u3000]/g, "");
  // A bound (以上, 不超过) makes a goal, unless it bounds work scheduled with no goal word before it
  // (改造城镇老旧小区500个以上 is work to do).
  if (
    (f.q.qualifier === "at_least" || f.q.qualifier === "at_most") &&
    (TARGET_WORDS.test(before) || !WORK_VERB.test(near))
  )
    return "target";
  if (TARGET_WORDS.test(before) && (TARGET_WORDS.test(near) || !WORK_VERB.test(near))) return "target";
  // 主要预期目标是:生产总值增长20%…;财政收入增长20%…: a colon-led list of goals.
  if (/目标(?:是|为)?[:：]/.test(s.slice(sentenceStartOf(s, f.q.start), f.q.start))) return "target";
  if (TARGET_NEAR.test(near) || TASK_WORDS.test(near) || ACHIEVE.test(near)) return "target";
  // A rate of change in a plan (收入增长5%左右, 研发经费投入增长8%) is a result to reach, never work to do.
  if (f.q.unit === "%" && RATE_CHANGE.test(near)) return "target";
  // So is a number of enterprises (新增高新技术企业70家, 培育专精特新企业600家): firms are grown, not built.
  if (/企业$/.test(f.subject) && /^(?:家|个|户)$/.test(f.q.unit)) return "target";
  // Under a heading that announces goals (“十四五”时期的主要目标任务) figures are targets.
  // (Not the lead sentence of a plan read as its implicit part: it lists its goals after a colon.)
  // A heading that also announces the work (2025年目标任务和主要工作) does not make its scheduled work a goal.
  if (
    f.sections.some(
      (x) => x.level <= 1 && GOALS_HEADING.test(x.heading) && !WORK_HEADING.test(x.heading) && !isPlanLead(x),
    )
  )
    return "target";
  return "plan";
}
