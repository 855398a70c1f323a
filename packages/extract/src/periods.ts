import { formatPeriod, type Period } from "@govreport/schema";
import type { SectionMode } from "./sections.js";

/** The years a report's relative phrases resolve against. */
export interface YearContext {
  /** The year the report is delivered in: 今年. */
  year: number;
  /** The year the review part covers (the year before, for an annual report delivered in spring). */
  reviewYear: number;
  /** The year the plan part covers. */
  planYear: number;
  /** The period the review part covers (2023-H1): what 今年以来 means there. */
  reviewPeriod: string;
}

/** A phrase in the text that sets the period of the figures after it. */
export interface PeriodMarker {
  index: number;
  end: number;
  /** The period as a string (2023-H1), or undefined when the phrase names no usable period. */
  period: string;
  /** A reference to another period in a comparison (比2015年, 是2010年的): not the figure's own. */
  reference: boolean;
  text: string;
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The n-th five-year plan: 十一五 = 2006-2010, 十四五 = 2021-2025 (the 3rd began in 1966). */
export function fiveYearPlan(n: number): { from: number; to: number } {
  const from = 1966 + 5 * (n - 3);
  return { from, to: from + 4 };
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYear = (y: number) => y >= 1900 && y <= 2100;

function safe(p: Period): string | undefined {
  if ("year" in p && !validYear(p.year)) return undefined;
  if (p.kind === "years" && (!validYear(p.from) || !validYear(p.to) || p.from >= p.to)) return undefined;
  if (p.kind === "months" && (p.from.month < 1 || p.to.month > 12 || p.from.month >= p.to.month)) return undefined;
  if ((p.kind === "month" || p.kind === "date") && (p.month < 1 || p.month > 12)) return undefined;
  if (p.kind === "date" && (p.day < 1 || p.day > lastDay(p.year, p.month))) return undefined;
  return formatPeriod(p);
}

export type Rule = [RegExp, (m: RegExpExecArray, ctx: YearContext, mode: SectionMode) => string | undefined];

const modeYear = (ctx: YearContext, mode: SectionMode) => (mode === "plan" ? ctx.planYear : ctx.reviewYear);
const year = (s: string | undefined, fallback: number) => (s ? Number(s) : fallback);
const YR = "(?:(\\d{4})年)?";

// Longest and most specific phrases first: the first rule to match at an index wins.
export const RULES: Rule[] = [
  [/(\d{4})年?\s*[-—–~～至到]\s*(\d{4})年?/y, (m) => safe({ kind: "years", from: Number(m[1]), to: Number(m[2]) })],
  [
    /“?十([一二三四五六七八九])五”?(末|期末)/y,
    (m) => safe({ kind: "year", year: fiveYearPlan(10 + (CN_NUM[m[1] ?? ""] ?? 0)).to }),
  ],
  // “十四五”规划 names a plan; only “十四五”时期 / 期间 / 以来 / “十二五”, (a time) is a period.
  [
    /“?十([一二三四五六七八九])五(?:”?(?:时期|期间|以来|中期|前期)|”(?=[,，:：]))/y,
    (m) => safe({ kind: "years", ...fiveYearPlan(10 + (CN_NUM[m[1] ?? ""] ?? 0)) }),
  ],
  [/“?十([一二三四五六七八九])五”?/y, () => undefined],
  [
    new RegExp(`截[至止]${YR}(\\d{1,2})月(\\d{1,2})日`, "y"),
    (m, c, mode) => safe({ kind: "date", year: year(m[1], modeYear(c, mode)), month: Number(m[2]), day: Number(m[3]) }),
  ],
  [
    new RegExp(`截[至止]${YR}(\\d{1,2})月(?:底|末)?`, "y"),
    (m, c, mode) => {
      const y = year(m[1], modeYear(c, mode));
      const mo = Number(m[2]);
      return mo >= 1 && mo <= 12 ? safe({ kind: "date", year: y, month: mo, day: lastDay(y, mo) }) : undefined;
    },
  ],
  [/截[至止](\d{4})年(?:底|末)?/y, (m) => safe({ kind: "date", year: Number(m[1]), month: 12, day: 31 })],
  [/截[至止](?:今年|本年)?年底/y, (_m, c, mode) => safe({ kind: "date", year: modeYear(c, mode), month: 12, day: 31 })],
  [
    new RegExp(`${YR}(\\d{1,2})\\s*[-—–~～至到]\\s*(\\d{1,2})月`, "y"),
    (m, c, mode) => {
      const y = year(m[1], modeYear(c, mode));
      return safe({ kind: "months", from: { year: y, month: Number(m[2]) }, to: { year: y, month: Number(m[3]) } });
    },
  ],
  [
    new RegExp(`${YR}([上下])半年`, "y"),
    (m, c, mode) => safe({ kind: "half", year: year(m[1], modeYear(c, mode)), half: m[2] === "上" ? 1 : 2 }),
  ],
  [
    new RegExp(`${YR}前三季度`, "y"),
    (m, c, mode) => {
      const y = year(m[1], modeYear(c, mode));
      return safe({ kind: "months", from: { year: y, month: 1 }, to: { year: y, month: 9 } });
    },
  ],
  [
    new RegExp(`${YR}第?([一二三四])季度`, "y"),
    (m, c, mode) =>
      safe({
        kind: "quarter",
        year: year(m[1], modeYear(c, mode)),
        quarter: (CN_NUM[m[2] ?? ""] ?? 1) as 1 | 2 | 3 | 4,
      }),
  ],
  [
    /(\d{4})年(\d{1,2})月(底|末|份)/y,
    (m) => {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      if (m[3] === "份") return safe({ kind: "month", year: y, month: mo });
      return mo >= 1 && mo <= 12 ? safe({ kind: "date", year: y, month: mo, day: lastDay(y, mo) }) : undefined;
    },
  ],
  // 2023年7月13日 is a date, not the period of the figures after it.
  [/(\d{4})年\d{1,2}月(?:\d{1,2}[日号])?/y, () => undefined],
  [/(\d{4})年(?:底|末|度|全年)?/y, (m) => safe({ kind: "year", year: Number(m[1]) })],
  [
    /(?:过去|近)?([三五十])年(?:来|间|中|以来)/y,
    (m, c) => {
      const n = CN_NUM[m[1] ?? ""] ?? 5;
      return safe({ kind: "years", from: c.reviewYear - n + 1, to: c.reviewYear });
    },
  ],
  [/(?:今年|年初|本年)以来/y, (_m, c, mode) => (mode === "plan" ? String(c.planYear) : c.reviewPeriod)],
  [/今年|本年/y, (_m, c) => safe({ kind: "year", year: c.year })],
  [/去年|上年|上一年/y, (_m, c) => safe({ kind: "year", year: c.year - 1 })],
  [/明年/y, (_m, c) => safe({ kind: "year", year: c.year + 1 })],
  [/全年|年内|年底|年末|当年/y, (_m, c, mode) => safe({ kind: "year", year: modeYear(c, mode) })],
  // 年度 in a review (年度优秀, 年度任务) says "annual", not which year; in a plan it is this year's.
  [/年度/y, (_m, c, mode) => (mode === "plan" ? safe({ kind: "year", year: c.planYear }) : undefined)],
];

/** Words before a period phrase that make it a point of comparison rather than the figure's period. */
const REFERENCE_BEFORE = /(?:比|较|于|是|由|同|相当于|为|占)$/;
/** Words after it that do the same: 去年同期, 2015年的2.6倍. */
const REFERENCE_AFTER = /^(?:同期|的\d|水平|[^,，;；。]{0,16}基础上)/;

/**
 * Every rule in one regex, each a capturing group, in RULES order: the scan tries them all at each
 * index in one native pass, where a loop over the rules at every candidate character cost 1 s a MB
 * on a run of digits (issue 10). At an index the first alternative that matches wins, as the first
 * rule did; every rule starts with a character of the old prefilter ([\d“十过近今本去上明全年截前第一二三四五下当]),
 * so it matches at the same indices.
 */
const ANY_RULE = new RegExp(RULES.map(([re]) => `(${re.source})`).join("|"), "g");
/** How many capturing groups each rule has of its own. */
const GROUPS = RULES.map(([re]) => (new RegExp(`${re.source}|`).exec("") as RegExpExecArray).length - 1);

/**
 * Every period phrase in `scan`, in order. `modeAt` says whether an index is in a review or a
 * plan part (全年 means the reviewed year in one, the planned year in the other).
 */
export function findPeriodMarkers(
  scan: string,
  ctx: YearContext,
  modeAt: (index: number) => SectionMode,
): PeriodMarker[] {
  const out: PeriodMarker[] = [];
  const any = new RegExp(ANY_RULE);
  for (let hit = any.exec(scan); hit; hit = any.exec(scan)) {
    // The rule that matched: the first whose group took part, its own groups right after it.
    let g = 1;
    let k = 0;
    while (k < RULES.length - 1 && hit[g] === undefined) g += 1 + (GROUPS[k++] as number);
    const [, resolve] = RULES[k] as Rule;
    const m = hit.slice(g, g + 1 + (GROUPS[k] as number)) as RegExpExecArray;
    const at = hit.index;
    const end = at + hit[0].length;
    const period = resolve(m, ctx, modeAt(at));
    const before = scan.slice(Math.max(0, at - 4), at);
    const after = scan.slice(end, end + 20);
    const reference = REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(after) || insideTitle(scan, at);
    // A dated phrase resolves to undefined: it still hides the shorter phrases inside it.
    out.push({ index: at, end, period: period ?? "", reference, text: hit[0] });
  }
  return out;
}

/** Whether `at` is inside a 《title》 on its line: 《三年(2023—2025年)行动计划》 names a plan, not a period. */
function insideTitle(scan: string, at: number): boolean {
  // Looks back 60 characters only: lastIndexOf over the whole text would make a text without 《 quadratic.
  const from = Math.max(0, at - 60);
  const near = scan.slice(from, at + 1).lastIndexOf("《");
  if (near < 0) return false;
  const open = from + near;
  const between = scan.slice(open, at);
  return !between.includes("》") && !between.includes("\n");
}

/** The index of the first marker starting at or after `index` (markers are in text order and do not overlap). */
export function firstMarkerFrom(markers: readonly PeriodMarker[], index: number): number {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid] as PeriodMarker).index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The markers lying wholly in [from, to), in text order, found by binary search. */
export function markersIn(markers: readonly PeriodMarker[], from: number, to: number): PeriodMarker[] {
  const out: PeriodMarker[] = [];
  for (let k = firstMarkerFrom(markers, from); k < markers.length; k++) {
    const m = markers[k] as PeriodMarker;
    if (m.end > to) break;
    out.push(m);
  }
  return out;
}
