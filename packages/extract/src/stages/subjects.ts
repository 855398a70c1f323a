import { clauseStartOf, sentenceStartOf } from "../spans.js";
import { subjectAfter, subjectBefore } from "../subject.js";
import { type Figure, isBase, type Reading } from "./figure.js";

/** The longest subject a rate takes from the figure before it (subjects read from the text are at most 40). */
const MAX_JOINED = 60;
/** A subject that only says how a figure changed: 年均增长, 同比增长, 比增加. */
const RATE_ONLY = /^(?:比|较)?(?:年均|同比|平均|年平均)?(?:增长|增速|增幅|递增|提高|下降|减少|增加)(?:率|幅度)?$/;
/** A change against a reference (比法定审批时限压缩了63.2天): a change of what the figure before measures. */
const COMPARED = /^(?:比|较)[\u4e00-\u9fff]{1,12}?(?:压缩|缩短|减少|下降|降低|提高|提升|增加|增长|扩大|节约|节省)了?$/;
/** A share with nothing before it (占比达66.6% after 优良天数243天): a share of what the figure before measures. */
const SHARE_ONLY = /^(?:占比|比重|所占比重|占比重|比例)$/;
/** Verbs after 投资X that say what the money did (投资4.5亿元实施了…): the figure is the investment. */
const INVESTED_IN = /^(?:实施|完成|建设|新建|改造|用于|建成|修建)/;

/**
 * Stage `subjects`: the phrase each figure measures (subject.ts), read before it, or after it when
 * the words before are weak (a list of names, a bare verb); a rate alone (年均增长12.1%) takes the
 * subject of the figure before it, a 从…到 figure its baseline's, a base (在…基础上) the words
 * before 在. Sets `subject`, `rawSubject` (lead-in words kept) and `sibling` (the figure it is
 * part of or listed with).
 */
export function readSubjects(figures: Figure[], { laid, periods }: Reading): Figure[] {
  const { s } = laid;
  const { markers } = periods;
  let lastEnd = 0;
  let prev: Figure | undefined;
  /** The last observation before the figure at hand (kinds are all set by now). */
  let lastObservation: Figure | undefined;
  const forward: (string | undefined)[] = [];
  for (let idx = 0; idx < figures.length; idx++) {
    const f = figures[idx] as Figure;
    const ss = sentenceStartOf(s, f.q.start);
    const prevInSentence = prev && prev.q.end > ss ? prev : undefined;
    const { subject, stop, raw } = subjectBefore(s, f.q, Math.max(lastEnd, ss), markers);
    let subj = subject;
    const listed = !!prevInSentence && s.slice(prevInSentence.q.end, f.q.start).trim() === "、";
    // The words after the figure name it better when those before are a list of names (殷家浜等4条河道,
    // 益丰新村4个老旧小区), a bare verb (形成46个项目清单) or end in a conjunction (居民家庭和1500户…);
    // in a list (2大片区、10个网格) each item names its own unless it has no words after it.
    const weak = !subj || /等$/.test(subj) || subj.length <= 2 || /和$/.test(raw) || (stop === "、" && !listed);
    const after = forwardSubject(s, idx, figures, forward);
    // 投资4.5亿元实施了标准化幼儿园…: what the money did is not what the figure measures.
    const invested = subj === "投资" && INVESTED_IN.test(s.slice(f.q.end, f.q.end + 2));
    // 总投资657.5亿元的229个水利项目: the investment of the projects named after the next figure.
    const next = figures[idx + 1];
    const ofNext =
      /^总?投资$/.test(subj) && !after && next && s.slice(f.q.end, next.q.start) === "的"
        ? subjectAfter(s, next.q, figures[idx + 2]?.q.start ?? s.length)
        : "";
    if (invested) subj = "投资";
    else if (ofNext) subj = ofNext;
    else if (listed && prevInSentence) subj = after || prevInSentence.subject;
    else if (weak && after) subj = after;
    // 申城佳苑一期29万平方米外墙外保温修缮: the phrase runs on after the figure.
    else if (after && !weak && /^[\u4e00-\u9fff“]/.test(s.slice(f.q.end, f.q.end + 1)) && !isBase(s, f.q))
      subj = `${subj}${after}`;
    // Figures do not overlap, so if the last observation ends before the sentence, every earlier one does.
    const prevObservation = lastObservation && lastObservation.q.end > ss ? lastObservation : undefined;
    // 地区生产总值由162.4亿元增加到287.9亿元: the later figure measures what the earlier one does.
    if (f.fromTo && (!subj || weak)) subj = f.fromTo.from.subject;
    if (!subj && prevObservation) subj = prevObservation.subject;
    // 年均增长12.1% after 地区生产总值…287.9亿元: the rate is of the figure before it.
    // (Not when that subject is itself long: a run of rates with nothing else would grow it without end.)
    // 研发经费投入超105亿元、增速超10%: a rate listed right after a level is that level's rate.
    const afterLevel =
      stop === "、" &&
      !!prevObservation &&
      /^[\s\u3000]*、/.test(s.slice(prevObservation.q.end, f.q.start)) &&
      !/^(?:%|‰|个百分点|倍)$/.test(prevObservation.q.unit);
    if (
      prevObservation &&
      RATE_ONLY.test(subj) &&
      (stop !== "、" || afterLevel) &&
      prevObservation.subject.length <= MAX_JOINED
    )
      subj = `${prevObservation.subject}${subj.replace(/^(?:比|较)+/, "")}`;
    else if (prevObservation && COMPARED.test(subj)) subj = prevObservation.subject;
    else if (prevObservation && SHARE_ONLY.test(subj) && prevObservation.subject.length <= MAX_JOINED)
      subj = `${prevObservation.subject}${subj}`;
    // 把税收在2022年(30.20亿元)基础上: the base figure measures what comes before 在.
    if (isBase(s, f.q)) {
      const cs = clauseStartOf(s, f.q.start);
      const at = s.lastIndexOf("在", f.q.start);
      if (at > cs) subj = subjectBefore(s, { ...f.q, start: at }, cs, markers).subject || subj;
    }
    // 在…基础上增长不低于10%: a growth rate of what the base measures.
    if (prevInSentence && isBase(s, prevInSentence.q) && /增长|提高|增加/.test(raw))
      subj = `${prevInSentence.subject}增长`;
    f.subject = subj;
    f.rawSubject = raw;
    f.sibling = siblingOf(s, f, prevInSentence, prevObservation, raw);
    lastEnd = f.q.end;
    prev = f;
    if (f.kind === "observation") lastObservation = f;
  }
  return figures;
}

/**
 * The words after the figure at `idx`, or after the last figure of the bare list it opens.
 * `known` keeps each figure's answer: every figure of a list of n bare figures (1、2、3…) shares
 * the answer of the last, which would otherwise be walked to n times.
 */
function forwardSubject(s: string, idx: number, figures: readonly Figure[], known: (string | undefined)[]): string {
  // 36条、23.88公里生态清洁小流域治理: the list shares the words after its last figure.
  const walked: number[] = [];
  let found = "";
  for (let k = idx; k < figures.length; k++) {
    const seen = known[k];
    if (seen !== undefined) {
      found = seen;
      break;
    }
    walked.push(k);
    const g = figures[k] as Figure;
    const next = figures[k + 1];
    const subj = subjectAfter(s, g.q, next ? next.q.start : s.length);
    if (subj) {
      found = subj;
      break;
    }
    if (!next || !/^、?$/.test(s.slice(g.q.end, next.q.start))) break;
  }
  for (const k of walked) known[k] = found;
  return found;
}

/**
 * The figure this one is part of or listed with: 其中三星项目9个 (after 立项39个), the parts in
 * 户管清单4718家(镇域企业2506家、管镇企业2212家), the second item of 立项6.36公顷、验收4.62公顷.
 */
function siblingOf(
  s: string,
  f: Figure,
  prev: Figure | undefined,
  prevObservation: Figure | undefined,
  raw: string,
): Figure | undefined {
  if (/^其中/.test(raw) && prevObservation) return prevObservation;
  if (!prev) return undefined;
  const between = s.slice(prev.q.end, f.q.start);
  if (/^[(（][^()（）]*$/.test(between)) return prev;
  if (between.trim() === "、" || /^[^,，;；。()（）]{0,12}$/.test(between)) return prev.sibling ?? prev;
  return undefined;
}
