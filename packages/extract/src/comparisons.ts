import { formatPeriod, type ParsedQuantity, parsePeriod, previousYear, resolveUnit } from "@govreport/schema";
import { fiveYearPlan } from "./periods.js";

/**
 * The figures after the one being read: a list in text order, or a lookup of the figure printed at
 * a UTF-16 index (what the extractor passes, so that reading is O(1) per figure whatever the list).
 */
export type FiguresAfter = readonly ParsedQuantity[] | ((index: number) => ParsedQuantity | undefined);

function figureAt(next: FiguresAfter): (index: number) => ParsedQuantity | undefined {
  return typeof next === "function" ? next : (i) => next.find((q) => q.start === i);
}

/** A comparison read after a figure: the figures it uses and what they are. */
export interface ReadComparison {
  direction: "increase" | "decrease";
  baseline?: { figure: ParsedQuantity; period: string };
  change?: ParsedQuantity;
  percent?: ParsedQuantity;
  points?: ParsedQuantity;
  /** Where the comparison text ends (UTF-16 index into the scanned text). */
  end: number;
  /** The figures the comparison uses, to be taken out of the list of observations. */
  used: ParsedQuantity[];
}

const UP = "增长|增加|提高|上升|提升|增收|多";
const DOWN = "下降|减少|降低|回落|下滑|减收|少";
const VERB = new RegExp(`^(?:${UP}|${DOWN})了?`);
const REF =
  /^[,，]?\s*(?:与|同)?(?:同比|环比|比|较|相比|相较)(去年同期|上年同期|同期|去年|上年|上一年|年初|(?:19|20)\d\d年(?:同期|底|末)?|“?十[一二三四五六七八九]五”?(?:末|期末)?)?/;
const RATE_WORD = /^[,，]?\s*(?:同比)?(?:增幅|降幅|增速|幅度|增长率|下降率|增长|下降|提高|降低)(?:为|达|达到)?/;

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function commensurableUnits(a: string, b: string): boolean {
  const ua = resolveUnit(a);
  const ub = resolveUnit(b);
  return !!ua && !!ub && ua.dimension === ub.dimension && ua.base === ub.base;
}

/** The period a comparison's reference words name, relative to the figure's own period. */
export function baselinePeriod(ref: string | undefined, period: string): string {
  const shiftTo = (y: number) => {
    const p = parsePeriod(period);
    const from = p.kind === "years" ? p.to : p.kind === "months" ? p.to.year : p.year;
    let q = p;
    for (let k = from; k > y && k - y < 200; k--) q = previousYear(q);
    return formatPeriod(q);
  };
  try {
    if (!ref || /^(?:去年|上年|上一年|同期)/.test(ref)) return formatPeriod(previousYear(period));
    const y = /^((?:19|20)\d\d)年(同期)?/.exec(ref);
    if (y) return y[2] ? shiftTo(Number(y[1])) : String(y[1]);
    const plan = /十([一二三四五六七八九])五/.exec(ref);
    if (plan) return String(fiveYearPlan(10 + (CN[plan[1] ?? ""] ?? 0)).to);
    if (ref === "年初") {
      const p = parsePeriod(period);
      const year = p.kind === "years" ? p.to : p.kind === "months" ? p.to.year : p.year;
      return `${year - 1}-12-31`;
    }
  } catch {
    // An unparsable period falls back to the figure's own.
  }
  return period;
}

/**
 * Reads the comparison printed right after figure `f`: 比去年同期13.88亿元增长6.39亿元,增幅45.4%;
 * 同比增长18.5%; 较去年提高3%; 比2015年增加115天; 增长了2个百分点. `next` are the figures
 * after `f` in order; `periodOf` gives f's period. Multiples (增长1.5倍) and figures of another
 * dimension are not taken: they stay observations of their own.
 */
export function readComparison(
  scan: string,
  f: ParsedQuantity,
  next: FiguresAfter,
  period: string,
  limit: number,
): ReadComparison | undefined {
  let pos = f.end;
  const at = figureAt(next);
  const rest = () => scan.slice(pos, Math.min(limit, pos + 40));
  const used: ParsedQuantity[] = [];
  let ref: string | undefined;
  let baseline: ParsedQuantity | undefined;
  const r = REF.exec(rest());
  if (r) {
    ref = r[1];
    pos += r[0].length;
    const b = at(pos);
    if (b && commensurableUnits(b.unit, f.unit)) {
      baseline = b;
      pos = b.end;
      const tail = /^(?:的水平|水平)?(?:相比|相较)?/.exec(rest());
      pos += tail?.[0].length ?? 0;
    }
  }
  let direction: "increase" | "decrease";
  if (r) {
    const v = VERB.exec(rest());
    if (!v) return undefined;
    direction = new RegExp(`^(?:${UP})`).test(v[0]) ? "increase" : "decrease";
    pos += v[0].length;
  } else {
    // Without 比/较/同比 only a bare 增长 + % right after the figure is a comparison: 完成235.2亿元,增长18.5%.
    const skip = /^[,，]\s*/.exec(rest())?.[0].length ?? 0;
    const verb = VERB.exec(scan.slice(pos + skip, pos + skip + 4));
    const q = verb ? at(pos + skip + verb[0].length) : undefined;
    if (!verb || !q || (q.unit !== "%" && q.unit !== "个百分点")) return undefined;
    direction = new RegExp(`^(?:${UP})`).test(verb[0]) ? "increase" : "decrease";
    pos += skip + verb[0].length;
  }
  const out: ReadComparison = { direction, end: pos, used };
  if (baseline) {
    out.baseline = { figure: baseline, period: baselinePeriod(ref, period) };
    used.push(baseline);
  }
  const take = (q: ParsedQuantity): boolean => {
    if (q.unit === "%" && !out.percent) out.percent = q;
    else if (q.unit === "个百分点" && !out.points) out.points = q;
    else if (q.unit !== "%" && q.unit !== "个百分点" && !out.change && commensurableUnits(q.unit, f.unit))
      out.change = q;
    else return false;
    used.push(q);
    pos = q.end;
    out.end = pos;
    return true;
  };
  const c = at(pos);
  if (c) take(c);
  // A second figure for the same change: 增长6.39亿元,增幅45.4%.
  const w = RATE_WORD.exec(rest());
  if (w && used.length > 0) {
    const q = at(pos + w[0].length);
    if (q && (q.unit === "%" || q.unit === "个百分点")) take(q);
  }
  if (!out.baseline && !out.change && !out.percent && !out.points) return undefined;
  return out;
}

/** 由2010年的162.4亿元增加到2015年的287.9亿元: the later figure, compared with the earlier. */
export interface FromTo {
  to: ParsedQuantity;
  direction: "increase" | "decrease";
  fromYear?: number;
  toYear?: number;
}

const FROM = /[由从](?:((?:19|20)\d\d)年(?:底|末)?的?)?$/;
// 增至 and 降至 as well as 增加到: 书院从41家增至162家.
const TO = new RegExp(`^(?:(${UP}|增)|(${DOWN}|降))(?:到|至)(?:((?:19|20)\\d\\d)年(?:底|末)?的?)?`);

export function readFromTo(scan: string, from: ParsedQuantity, next: FiguresAfter): FromTo | undefined {
  const before = FROM.exec(scan.slice(Math.max(0, from.start - 10), from.start));
  if (!before) return undefined;
  const m = TO.exec(scan.slice(from.end, from.end + 12));
  if (!m) return undefined;
  const to = figureAt(next)(from.end + m[0].length);
  if (!to || !commensurableUnits(to.unit, from.unit)) return undefined;
  const out: FromTo = { to, direction: m[1] ? "increase" : "decrease" };
  if (before[1]) out.fromYear = Number(before[1]);
  if (m[3]) out.toYear = Number(m[3]);
  return out;
}
