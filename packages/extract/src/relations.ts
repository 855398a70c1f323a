import { intervals, parsePeriod, periodBounds, type Quantity, type Relation } from "@govreport/schema";
import { proposeAverageGrowth } from "./relations/average-growth.js";
import {
  baseValue,
  commensurable,
  firstFigureFrom,
  inBase,
  inTextOrder,
  type RelationFigure,
  sentenceEnd,
  sentenceStart,
  unitOf,
} from "./relations/common.js";
import { proposeGrowth } from "./relations/growth.js";
import { proposeParts, proposeShares } from "./relations/part.js";
import { proposePerCapita } from "./relations/per-capita.js";
import { proposeProducts } from "./relations/product.js";
import { proposeRemainders } from "./relations/remainder.js";
import { clean } from "./subject.js";

export type { RelationFigure } from "./relations/common.js";

/**
 * How close the parts of a breakdown must come to its total, relative to the total, for a breakdown
 * that does not add up to be proposed (and so flagged) at all. Nearer than this, a
 * mismatch is more likely a slip than a subset; further, the parts are more likely a subset (其中
 * 科技型企业60家、商贸企业20家 of 100家) and proposing a sum would raise a false alarm.
 */
export const SUM_BAND = 0.1;

/** The words of a total that says what follows is its split: 备案公文总数43件, 共有企业12家. */
const TOTAL_WORD = /总数|总量|总计|合计|共计|总共|共有/;
/** Words after a total that introduce its parts. */
const QIZHONG = /^[,，]?\s*其中[,，:：]?/;
const LISTED = /^[,，]?\s*(?:分别(?:为|是)|包括)[:：]?/;
/** 新建学校12所:小学5所、初中4所、高中3所: a colon right after the total opens the list of all its parts. */
const COLON = /^\s*[:：]/;
/** Words before a figure that make it the total of the parts before it: A 2506家、B 2212家,共计4718家. */
const TOTAL_AFTER = /^[,，、]?\s*(?:共计|合计|总计|总共|共)[\u4e00-\u9fff]{0,6}$/;
/** A breakdown left open (…等) is a subset. */
const OPEN = /等/;
const SUBSET = /^(?:其中|含|包括|包含|内含)/;
const GROWTH = /增长|提高|增加|上调|增速|增幅|递增/;
const RATE_OF_CHANGE = /年均|年平均|平均|个百分点/;
const TARGET_LEAD = /^(?:力争|确保|争取|争创|力求|预计|计划|完成|实现|新增|累计|其中)+/;

/** Whether the parts add up to the total within the rounding of the printed figures. */
function addsUp(total: Quantity, parts: readonly Quantity[]): boolean {
  return intervals.overlaps(inBase(total), intervals.sum(parts.map(inBase)));
}
/**
 * Whether the parts come within SUM_BAND of the total; after 其中, which introduces subsets as often
 * as breakdowns, parts that fall short must come within half of it (a subset never exceeds its total).
 */
function near(total: Quantity, parts: readonly Quantity[], subsetWording = false): boolean {
  const t = baseValue(total);
  const p = parts.reduce((a, q) => a + baseValue(q), 0);
  const below = subsetWording ? SUM_BAND / 2 : SUM_BAND;
  return t > 0 && p - t <= SUM_BAND * t && t - p <= below * t;
}

/** Parallel labels (三星项目, 二星项目, 一星项目): distinct, sharing a last character or more. */
function parallel(labels: readonly string[]): boolean {
  if (labels.some((l) => l === "") || new Set(labels).size !== labels.length) return false;
  const first = labels[0] ?? "";
  const last = first.slice(-1);
  return labels.every((l) => l.slice(-1) === last);
}

/**
 * Proposes the relations the text states between its figures: breakdowns of a total (sum), rates
 * printed after their numerator and denominator (ratio), growth targets on a printed base
 * (derived_target), and a year's goal for what a review reports so far (progress). Each rule is
 * written to miss rather than guess: a proposed relation that does not hold is a false alarm in
 * `govreport check`. Ids are the kind and the observation the relation hangs on, so the same text
 * gives the same ids.
 */
export function proposeRelations(s: string, figures: readonly RelationFigure[]): Relation[] {
  const out: Relation[] = [];
  const ids = new Set<string>();
  const push = (r: Relation) => {
    if (ids.has(r.id)) return;
    ids.add(r.id);
    out.push(r);
  };
  const sums = proposeSums(s, figures);
  for (const r of sums) push(r);
  for (const r of proposeRatios(s, figures, sums)) push(r);
  for (const r of proposeShares(s, figures)) push(r);
  for (const r of proposeParts(s, figures, new Set(sums.map((x) => x.total)))) push(r);
  for (const r of proposeRemainders(s, figures)) push(r);
  for (const r of proposeProducts(s, figures)) push(r);
  for (const r of proposeAverageGrowth(s, figures)) push(r);
  for (const r of proposeGrowth(s, figures)) push(r);
  for (const r of proposePerCapita(s, figures)) push(r);
  for (const r of proposeDerivedTargets(s, figures)) push(r);
  for (const r of proposeProgress(figures)) push(r);
  return out;
}

/** The words between two figures, when they are a label and a list separator only. */
function label(gap: string, separators: RegExp): string | undefined {
  const m = /^\s*([、,，])?\s*(.*)$/s.exec(gap);
  const sep = m?.[1] ?? "";
  const words = m?.[2] ?? "";
  if (!separators.test(sep) || /[,，、;；:：。()（）\d]/.test(words) || [...words].length > 20) return undefined;
  return clean(words.replace(/^其中[,，:：]?/, ""));
}

type Sum = Extract<Relation, { kind: "sum" }>;

function proposeSums(s: string, figures: readonly RelationFigure[]): Sum[] {
  const out: Sum[] = [];
  const taken = new Set<RelationFigure>();
  const make = (total: RelationFigure, parts: RelationFigure[]): Sum | undefined => {
    if (!total.id || parts.length < 2 || parts.some((p) => !p.id)) return undefined;
    return { kind: "sum", id: `sum-${total.id}`, total: total.id, parts: parts.map((p) => p.id as string) };
  };
  for (let i = 0; i < figures.length; i++) {
    const t = figures[i] as RelationFigure;
    if (!t.id || t.quantity.unit === "%" || !unitOf(t.quantity)) continue;
    const end = sentenceEnd(s, t.end);
    const rest = s.slice(t.end, end);
    const fits = (g: RelationFigure) =>
      commensurable(t.quantity, g.quantity) && baseValue(g.quantity) <= baseValue(t.quantity);
    // 4718家(镇域企业2506家、管镇企业2212家): parentheses right after the total.
    // 19个城市重点基础设施项目(道路项目8个、…): the noun the total counts may stand before them.
    const noun = /^[\u4e00-\u9fff“”]{0,12}(?=[(（])/.exec(rest)?.[0].length ?? -1;
    if (noun >= 0) {
      const open = t.end + noun;
      const close = rest.slice(noun).search(/[)）]/) + noun;
      if (close < noun) continue;
      const inside = rest.slice(noun + 1, close);
      const nextFigure = figures[i + 1];
      // A figure between the total and the parentheses would be what they break down.
      if (nextFigure && nextFigure.start < open) continue;
      const parts = figures.filter((g) => g.start > open && g.end <= t.end + close);
      const gaps = parts.map((g, k) => s.slice(k === 0 ? open + 1 : (parts[k - 1] as RelationFigure).end, g.start));
      const labels = gaps.map((g, k) => label(g, k === 0 ? /^$/ : /^[、,，]$/));
      const tail = s.slice(parts[parts.length - 1]?.end ?? t.end, t.end + close);
      if (parts.length < 2 || !parts.every(fits) || labels.some((l) => l === undefined) || OPEN.test(tail)) continue;
      // Parentheses say the parts are the whole unless they open with 其中 or 含, when the labels
      // must be parallel categories for the list to read as complete.
      // Without those words the list names every part and is checked strictly, however far off it is.
      const subset = SUBSET.test(inside.trim());
      const q = parts.map((p) => p.quantity);
      if (subset && !addsUp(t.quantity, q) && !(parallel(labels as string[]) && near(t.quantity, q, subset))) continue;
      const r = make(t, parts);
      if (r) {
        out.push(r);
        for (const p of parts) taken.add(p);
      }
      continue;
    }
    // 立项39个,其中三星项目9个、二星项目15个、一星项目15个 / 总数43件,主动公开42件,免于公开1件.
    const qizhong = QIZHONG.exec(rest);
    const colon = COLON.exec(rest);
    const listed = LISTED.exec(rest) ?? colon;
    const totalWord = TOTAL_WORD.test(rawBefore(s, t)) && /^[,，]/.test(rest);
    const lead = qizhong?.[0] ?? listed?.[0] ?? (totalWord ? rest.slice(0, 1) : undefined);
    if (lead === undefined) continue;
    const parts: RelationFigure[] = [];
    const labels: string[] = [];
    let separator: RegExp | undefined;
    let at = t.end + lead.length;
    for (let k = i + 1; k < figures.length; k++) {
      const g = figures[k] as RelationFigure;
      if (g.start >= end || !g.id) break;
      const gap = s.slice(at, g.start);
      const l = label(parts.length === 0 ? `,${gap}` : gap, separator ?? /^[、,，]$/);
      if (l === undefined || !fits(g)) break;
      if (parts.length === 1) separator = /^\s*、/.test(gap) ? /^、$/ : /^[,，]$/;
      parts.push(g);
      labels.push(l);
      at = g.end;
    }
    if (parts.length < 2 || parts.some((p) => taken.has(p))) continue;
    const after = s.slice(at, end);
    // 其中A、B等 / 、B等3个: a list left open is a subset.
    if (/^[^,，;；。]*等/.test(after)) continue;
    const q = parts.map((p) => p.quantity);
    const cue = !!listed || totalWord || (!!qizhong && parallel(labels));
    if (!addsUp(t.quantity, q) && !colon && !(cue && near(t.quantity, q, !listed && !totalWord))) continue;
    const r = make(t, parts);
    if (r) {
      out.push(r);
      for (const p of parts) taken.add(p);
    }
  }
  // 镇域企业2506家、管镇企业2212家,共计4718家: the total printed after its parts.
  const totals = new Set(out.map((r) => r.total));
  for (let i = 0; i < figures.length; i++) {
    const t = figures[i] as RelationFigure;
    if (!t.id || totals.has(t.id) || taken.has(t)) continue;
    const prev = figures[i - 1];
    if (!prev || !TOTAL_AFTER.test(s.slice(prev.end, t.start))) continue;
    const ss = sentenceStart(s, t.start);
    const parts: RelationFigure[] = [];
    // One list, one separator: after A 70家、B 300家 a clause before a comma (…80家,) is not a part.
    let separator = /^[、,，]$/;
    for (let k = i - 1; k >= 0; k--) {
      const g = figures[k] as RelationFigure;
      if (g.start < ss || !commensurable(t.quantity, g.quantity)) break;
      const next = parts[0];
      const gap = next ? s.slice(g.end, next.start) : "";
      if (next && label(gap, separator) === undefined) break;
      if (next && parts.length === 1) separator = /^\s*、/.test(gap) ? /^、$/ : /^[,，]$/;
      parts.unshift(g);
    }
    const q = parts.map((p) => p.quantity);
    if (parts.length < 2 || !(addsUp(t.quantity, q) || near(t.quantity, q))) continue;
    const r = make(t, parts);
    if (r) {
      out.push(r);
      totals.add(r.total);
    }
  }
  return out;
}

/** The words printed right before a figure, back to the previous clause boundary. */
function rawBefore(s: string, f: RelationFigure): string {
  let i = f.start;
  while (i > 0 && !/[,，;；:：。!！?？、\n(（)）\d]/.test(s[i - 1] ?? "")) i--;
  return s.slice(i, f.start);
}

type Ratio = Extract<Relation, { kind: "ratio" }>;

/**
 * 备案公文总数43件,主动公开42件,免于公开1件,主动公开率98% / 受理X件,办结Y件,办结率Z%: a rate named
 * for the figure before it (主动公开率 for 主动公开), over the total that figure is part of or,
 * failing a sum, the figure printed just before it.
 */
function proposeRatios(s: string, figures: readonly RelationFigure[], sums: readonly Sum[]): Ratio[] {
  const out: Ratio[] = [];
  const byId = new Map(figures.filter((f) => f.id).map((f) => [f.id as string, f]));
  // The first sum each figure is a part of.
  const ownerOf = new Map<string, Sum>();
  for (const x of sums) for (const p of x.parts) if (!ownerOf.has(p)) ownerOf.set(p, x);
  const ordered = inTextOrder(figures);
  figures.forEach((r, i) => {
    if (!r.id || r.quantity.unit !== "%") return;
    const stem = /^(.{2,})率$/.exec(r.subject)?.[1];
    if (!stem) return;
    const ss = sentenceStart(s, r.start);
    // In text order, the figures of the sentence before the rate are one run ending at i.
    const before = ordered
      ? figures.slice(Math.min(firstFigureFrom(figures, ss), i), i)
      : figures.slice(0, i).filter((f) => f.start >= ss);
    const numerators = before.filter((f) => f.id && f.quantity.unit !== "%" && f.subject.endsWith(stem));
    if (numerators.length !== 1) return;
    const num = numerators[0] as RelationFigure;
    const owner = ownerOf.get(num.id as string);
    let den = owner ? byId.get(owner.total) : undefined;
    if (!den) {
      const k = before.indexOf(num);
      const prev = before[k - 1];
      if (
        prev?.id &&
        commensurable(prev.quantity, num.quantity) &&
        baseValue(prev.quantity) >= baseValue(num.quantity) &&
        label(s.slice(prev.end, num.start), /^[、,，]$/) !== undefined
      )
        den = prev;
    }
    if (!den?.id || !commensurable(den.quantity, num.quantity)) return;
    out.push({ kind: "ratio", id: `ratio-${r.id}`, numerator: num.id as string, denominator: den.id, ratio: r.id });
  });
  return out;
}

type DerivedTarget = Extract<Relation, { kind: "derived_target" }>;

/** The subject of a growth rate or a target without the words that make it one: 税收增长 → 税收. */
const stemOf = (subject: string) =>
  subject
    .replace(TARGET_LEAD, "")
    // 社会消费品零售总额(由…)增加到(2015年): the subject of the later figure of a 由…到….
    .replace(/(?:增加|增长|提高|上升|下降|减少)到.*$/, "")
    .replace(/(?:比上年|比去年|同比|较上年)?(?:增长|增速|增幅|提高|增加)(?:率)?$/, "")
    .replace(/^(?:全年|全区|全市|全县|全镇|全旗|全省|地方)/, "");
const isYear = (p: string) => /^\d{4}$/.test(p);

/**
 * Growth targets: a rate printed after a base in the same sentence (把税收在2022年(30.20亿元)基础
 * 上增长不低于10%), or, in a plan, a growth rate of something the review reports for the year
 * before (地区生产总值增长20%,达到282亿元, after 地区生产总值完成235.2亿元). A target amount
 * printed next to the rate is recorded, so the arithmetic is checked.
 */
function proposeDerivedTargets(s: string, figures: readonly RelationFigure[]): DerivedTarget[] {
  const out: DerivedTarget[] = [];
  const used = new Set<RelationFigure>();
  const targetAmount = (rate: RelationFigure, base: RelationFigure, i: number) => {
    const next = figures[i + 1];
    if (
      next?.id &&
      next.role === "target" &&
      commensurable(next.quantity, base.quantity) &&
      /^[,，]?\s*(?:达到|达|为|至|到)?$/.test(s.slice(rate.end, next.start))
    )
      return next;
    return undefined;
  };
  // A base printed in the sentence.
  figures.forEach((b, i) => {
    if (!b.id || !b.base) return;
    const end = sentenceEnd(s, b.end);
    for (let k = i + 1; k < figures.length; k++) {
      const r = figures[k] as RelationFigure;
      if (r.start >= end) break;
      if (!r.id || r.quantity.unit !== "%" || r.role === "actual") continue;
      const between = s.slice(b.end, r.start);
      if (!GROWTH.test(between) || RATE_OF_CHANGE.test(between) || /率$/.test(r.subject)) continue;
      const rel: DerivedTarget = { kind: "derived_target", id: `target-${r.id}`, base: b.id, rate: r.id };
      const t = targetAmount(r, b, k);
      if (t?.id) rel.target = t.id;
      out.push(rel);
      used.add(r);
    }
  });
  // A base reported in the review for the year before the plan's, indexed by year and stem.
  const basesBy = new Map<string, RelationFigure[]>();
  for (const b of figures) {
    if (!b.id || b.role !== "actual" || b.mode !== "review" || b.quantity.unit === "%") continue;
    const k = `${b.period}|${stemOf(b.subject)}`;
    const list = basesBy.get(k);
    if (list) list.push(b);
    else basesBy.set(k, [b]);
  }
  figures.forEach((r, i) => {
    if (!r.id || used.has(r) || r.quantity.unit !== "%" || r.role !== "target" || !isYear(r.period)) return;
    if (!/(?:增长|增速|增幅)$/.test(r.subject) || RATE_OF_CHANGE.test(r.subject)) return;
    const stem = stemOf(r.subject);
    if ([...stem].length < 2) return;
    const year = String(Number(r.period) - 1);
    const bases = basesBy.get(`${year}|${stem}`) ?? [];
    const values = new Set(bases.map((b) => `${b.quantity.value}${b.quantity.unit}`));
    const base = bases[0];
    if (!base?.id || values.size !== 1) return;
    const rel: DerivedTarget = { kind: "derived_target", id: `target-${r.id}`, base: base.id, rate: r.id };
    const t = targetAmount(r, base, i);
    if (t?.id) rel.target = t.id;
    out.push(rel);
  });
  return out;
}

type Progress = Extract<Relation, { kind: "progress" }>;

const contains = (outer: string, inner: string) => {
  try {
    const a = periodBounds(parsePeriod(outer));
    const b = periodBounds(parsePeriod(inner));
    return a.start <= b.start && b.end <= a.end && (a.start < b.start || b.end < a.end);
  } catch {
    return false;
  }
};

/**
 * 竣工10台 in the review of the first half, 力争年底竣工20台 in the plan: the same indicator and
 * subject, the target's period containing the actual's. Only when each side is the one figure of
 * its kind, so an indicator reported twice is never paired by guess.
 */
function proposeProgress(figures: readonly RelationFigure[]): Progress[] {
  const out: Progress[] = [];
  // A local indicator's id hashes the subject as printed (力争竣工 ≠ 竣工), so it says nothing more than the stem.
  const key = (f: RelationFigure) =>
    `${f.indicator.startsWith("local.") ? "local" : f.indicator}|${stemOf(f.subject)}|${unitOf(f.quantity)?.base}`;
  const targets = figures.filter((f) => f.id && f.mode === "plan" && f.role === "target" && f.quantity.unit !== "%");
  const actuals = figures.filter((f) => f.id && f.mode === "review" && f.role === "actual" && f.quantity.unit !== "%");
  // Each figure's key once: comparing every target with every other and every actual is quadratic.
  const targetCount = new Map<string, number>();
  for (const t of targets) targetCount.set(key(t), (targetCount.get(key(t)) ?? 0) + 1);
  const actualsBy = new Map<string, RelationFigure[]>();
  for (const a of actuals) {
    const list = actualsBy.get(key(a));
    if (list) list.push(a);
    else actualsBy.set(key(a), [a]);
  }
  for (const t of targets) {
    const k = key(t);
    if ([...stemOf(t.subject)].length < 2 || targetCount.get(k) !== 1) continue;
    const matches = (actualsBy.get(k) ?? []).filter((a) => contains(t.period, a.period));
    const a = matches[0];
    if (matches.length !== 1 || !a?.id || !t.id || !commensurable(a.quantity, t.quantity)) continue;
    out.push({ kind: "progress", id: `progress-${a.id}`, actual: a.id, target: t.id });
  }
  return out;
}
