import { z } from "zod";
import { typedString } from "./typed-string.js";

/**
 * A period is written as a short string so that it reads the same in YAML, JSON and CSV:
 *
 * | form            | meaning                     | printed in reports as |
 * |-----------------|-----------------------------|-----------------------|
 * | `2023`          | a calendar year             | 2023年, 全年          |
 * | `2023-H1`       | a half-year                 | 上半年                |
 * | `2023-Q3`       | a quarter                   | 三季度                |
 * | `2023-06`       | a month                     | 6月                   |
 * | `2023-01/2023-05` | a range of months         | 1-5月                 |
 * | `2023-12-31`    | an as-of date               | 截至年底              |
 * | `2021/2023`     | a span of years             | 2021-2023年, 十四五   |
 */
export type Period =
  | { kind: "year"; year: number }
  | { kind: "half"; year: number; half: 1 | 2 }
  | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: "month"; year: number; month: number }
  | { kind: "months"; from: { year: number; month: number }; to: { year: number; month: number } }
  | { kind: "date"; year: number; month: number; day: number }
  | { kind: "years"; from: number; to: number };

/**
 * A period in its string form, as a type: each of the seven forms above as a template literal, so that a
 * mistyped literal (`"2023-h1"`, `"2023H1"`, `"上半年"`) does not compile. Days and months are not checked
 * by the type (`"2023-13"` compiles): {@link parsePeriod} and {@link PeriodSchema} check them.
 */
export type PeriodString =
  | `${number}`
  | `${number}-H${1 | 2}`
  | `${number}-Q${1 | 2 | 3 | 4}`
  | `${number}-${number}`
  | `${number}-${number}/${number}-${number}`
  | `${number}-${number}-${number}`
  | `${number}/${number}`;

/**
 * Checks a string is a period and returns it typed as one; throws {@link PeriodParseError} naming what is
 * wrong. For periods built at run time (from a year, from user input) where a literal cannot be typed.
 *
 * @example
 * const p: PeriodString = periodString(`${year}-H1`);
 */
export function periodString(s: string): PeriodString {
  parsePeriod(s);
  return s as PeriodString;
}

/**
 * Thrown by {@link parsePeriod} for a string that is not a period, with the cause (an impossible date, a
 * backward range).
 */
export class PeriodParseError extends Error {
  override name = "PeriodParseError";
}

const YEAR = /^(\d{4})$/;
const HALF = /^(\d{4})-H([12])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const MONTHS = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEARS = /^(\d{4})\/(\d{4})$/;

/** Days in a month of the proleptic Gregorian calendar (Date.UTC maps years 0-99 to 1900-1999). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function month(m: string, input: string): number {
  const n = Number(m);
  if (n < 1 || n > 12) throw new PeriodParseError(`"${input}": month ${m} is not 01-12`);
  return n;
}

/**
 * Parses the string form of a period; throws PeriodParseError naming what is wrong.
 *
 * @example
 * parsePeriod("2023-01/2023-05") // { kind: "months", from: { year: 2023, month: 1 }, to: { year: 2023, month: 5 } }
 * parsePeriod("2023-02-30") // throws PeriodParseError: day 30 is not in 2023-02
 */
export function parsePeriod(input: string): Period {
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(input))) return { kind: "year", year: Number(m[1]) };
  if ((m = HALF.exec(input))) return { kind: "half", year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  if ((m = QUARTER.exec(input))) return { kind: "quarter", year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  if ((m = MONTH.exec(input))) return { kind: "month", year: Number(m[1]), month: month(m[2] ?? "", input) };
  if ((m = MONTHS.exec(input))) {
    const from = { year: Number(m[1]), month: month(m[2] ?? "", input) };
    const to = { year: Number(m[3]), month: month(m[4] ?? "", input) };
    if (from.year * 12 + from.month >= to.year * 12 + to.month)
      throw new PeriodParseError(`"${input}": a month range must end after it starts`);
    return { kind: "months", from, to };
  }
  if ((m = DATE.exec(input))) {
    const year = Number(m[1]);
    const mo = month(m[2] ?? "", input);
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(year, mo))
      throw new PeriodParseError(`"${input}": day ${m[3]} is not in ${year}-${m[2]}`);
    return { kind: "date", year, month: mo, day };
  }
  if ((m = YEARS.exec(input))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from >= to) throw new PeriodParseError(`"${input}": a span of years must end after it starts`);
    return { kind: "years", from, to };
  }
  throw new PeriodParseError(
    `"${input}" is not a period: use 2023, 2023-H1, 2023-Q3, 2023-06, 2023-01/2023-05, 2023-12-31 or 2021/2023`,
  );
}

const pad = (n: number): `${number}` => String(n).padStart(2, "0") as `${number}`;
// Years are printed with four digits, as parsed: 0999 stays 0999 and sorts before 2023.
const yyyy = (n: number): `${number}` => String(n).padStart(4, "0") as `${number}`;

/** The canonical string form; `formatPeriod(parsePeriod(s)) === s` for every valid s. */
export function formatPeriod(p: Period): PeriodString {
  switch (p.kind) {
    case "year":
      return yyyy(p.year);
    case "half":
      return `${yyyy(p.year)}-H${p.half}`;
    case "quarter":
      return `${yyyy(p.year)}-Q${p.quarter}`;
    case "month":
      return `${yyyy(p.year)}-${pad(p.month)}`;
    case "months":
      return `${yyyy(p.from.year)}-${pad(p.from.month)}/${yyyy(p.to.year)}-${pad(p.to.month)}`;
    case "date":
      return `${yyyy(p.year)}-${pad(p.month)}-${pad(p.day)}`;
    case "years":
      return `${yyyy(p.from)}/${yyyy(p.to)}`;
  }
}

/**
 * First and last day covered, as ISO dates. An as-of date covers just that day.
 *
 * @param period - A period as written in a report (`"2023-H1"`) or as {@link parsePeriod} returns it,
 *   like its siblings {@link comparePeriods} and {@link periodLabel}. A string that is not a period throws.
 * @example periodBounds("2023-H1") // { start: "2023-01-01", end: "2023-06-30" }
 */
export function periodBounds(period: string | Period): { start: string; end: string } {
  const p = typeof period === "string" ? parsePeriod(period) : period;
  const iso = (y: number, m: number, d: number) => `${yyyy(y)}-${pad(m)}-${pad(d)}`;
  const months = (y1: number, m1: number, y2: number, m2: number) => ({
    start: iso(y1, m1, 1),
    end: iso(y2, m2, daysInMonth(y2, m2)),
  });
  switch (p.kind) {
    case "year":
      return months(p.year, 1, p.year, 12);
    case "half":
      return p.half === 1 ? months(p.year, 1, p.year, 6) : months(p.year, 7, p.year, 12);
    case "quarter":
      return months(p.year, p.quarter * 3 - 2, p.year, p.quarter * 3);
    case "month":
      return months(p.year, p.month, p.year, p.month);
    case "months":
      return months(p.from.year, p.from.month, p.to.year, p.to.month);
    case "date":
      return { start: iso(p.year, p.month, p.day), end: iso(p.year, p.month, p.day) };
    case "years":
      return months(p.from, 1, p.to, 12);
  }
}

/** Orders periods by start, then by end (shorter first): 2023-01/2023-05 < 2023-H1 < 2023. */
export function comparePeriods(a: string | Period, b: string | Period): number {
  const ba = periodBounds(a);
  const bb = periodBounds(b);
  return ba.start < bb.start ? -1 : ba.start > bb.start ? 1 : ba.end < bb.end ? -1 : ba.end > bb.end ? 1 : 0;
}

/**
 * A period as a reader would write it.
 *
 * @param p - A period string (`"2023-01/2023-05"`) or a parsed period.
 * @param lang - `"zh"` (the default) for Chinese, 2023年1-5月; `"en"` for English, Jan–May 2023.
 */
export function periodLabel(p: string | Period, lang: "zh" | "en" = "zh"): string {
  const q = typeof p === "string" ? parsePeriod(p) : p;
  const M = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const en = (m: number) => M[m - 1] ?? String(m);
  switch (q.kind) {
    case "year":
      return lang === "zh" ? `${q.year}年` : String(q.year);
    case "half":
      return lang === "zh" ? `${q.year}年${q.half === 1 ? "上" : "下"}半年` : `${q.year} H${q.half}`;
    case "quarter":
      return lang === "zh" ? `${q.year}年第${q.quarter}季度` : `${q.year} Q${q.quarter}`;
    case "month":
      return lang === "zh" ? `${q.year}年${q.month}月` : `${en(q.month)} ${q.year}`;
    case "months":
      if (q.from.year === q.to.year)
        return lang === "zh"
          ? `${q.from.year}年${q.from.month}-${q.to.month}月`
          : `${en(q.from.month)}–${en(q.to.month)} ${q.from.year}`;
      return lang === "zh"
        ? `${q.from.year}年${q.from.month}月-${q.to.year}年${q.to.month}月`
        : `${en(q.from.month)} ${q.from.year}–${en(q.to.month)} ${q.to.year}`;
    case "date":
      return lang === "zh" ? `${q.year}年${q.month}月${q.day}日` : `as of ${formatPeriod(q)}`;
    case "years":
      return lang === "zh" ? `${q.from}-${q.to}年` : `${q.from}–${q.to}`;
  }
}

/** The same period one year earlier (for 比去年同期 comparisons). */
export function previousYear(p: string | Period): Period {
  const q = typeof p === "string" ? parsePeriod(p) : p;
  switch (q.kind) {
    case "years":
      return { kind: "years", from: q.from - 1, to: q.to - 1 };
    case "months":
      return { kind: "months", from: { ...q.from, year: q.from.year - 1 }, to: { ...q.to, year: q.to.year - 1 } };
    default:
      return { ...q, year: q.year - 1 } as Period;
  }
}

/**
 * The forms of a period string (2023, 2023-H1, 2023-Q3, 2023-06, 2023-01/2023-05, 2023-12-31, 2021/2023);
 * {@link parsePeriod} also checks the dates exist.
 */
export const PERIOD_PATTERN =
  /^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2])(-\d{2})?|-(0[1-9]|1[0-2])\/\d{4}-(0[1-9]|1[0-2])|\/\d{4})?$/;

/**
 * The zod schema of a period string: one of {@link PERIOD_PATTERN}'s forms, with dates that exist and ranges
 * that run forward.
 */
export const PeriodSchema = typedString<PeriodString>(
  z
    .string()
    .regex(PERIOD_PATTERN, {
      message: "not a period: use 2023, 2023-H1, 2023-Q3, 2023-06, 2023-01/2023-05, 2023-12-31 or 2021/2023",
    })
    .superRefine((s, ctx) => {
      if (!PERIOD_PATTERN.test(s)) return;
      try {
        parsePeriod(s);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    })
    .describe(
      "A period: 2023 (year), 2023-H1 (half), 2023-Q3 (quarter), 2023-06 (month), 2023-01/2023-05 (months), 2023-12-31 (as-of date), 2021/2023 (years)",
    ),
);
