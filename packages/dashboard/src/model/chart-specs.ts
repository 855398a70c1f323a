import {
  CATEGORIES,
  type Category,
  type CheckResult,
  commensurable,
  convert,
  type Finding,
  type Localized,
  type Observation,
  parsePeriod,
  periodBounds,
  periodLabel,
  type Qualifier,
  type Relation,
  type Report,
  type Role,
  resolveUnit,
} from "@govreport/schema";
import { englishFigure } from "./english.js";
import { indicatorName, indicatorOf, printedOf } from "./loaded.js";

/** A charted figure and what the tooltip and table say about it. */
export interface Point {
  obsId: string;
  indicator: string;
  /** Value in the chart's unit (converted when the report printed another unit of the same kind). */
  value: number;
  printed: string;
  period: string;
  role: Role;
  qualifier: Qualifier;
  subject?: string;
  quote: string;
  /** The figure in English units (20.17 × 100 million yuan), when its unit has an English name. */
  english?: string;
  /** Findings of the checks that involve this figure (filled in by `categoryViews`). */
  findings?: PointFinding[];
}

/** A finding on a charted figure, as the chart shows it (badge, tooltip, table). */
export interface PointFinding {
  code: string;
  severity: Finding["severity"];
  acknowledged: boolean;
  message: Localized;
  explanation?: Localized;
}

/**
 * What a comparison is against: the same period a year earlier (同比, 上年同期), or another
 * period altogether (2020 → 2025, a five-year change), which must never be called 同比.
 */
export type Baseline = { kind: "previous_year" } | { kind: "span"; from: string; to: string };

export interface YoyItem {
  name: Localized;
  current: Point;
  /** The stated baseline, converted to the chart's unit. */
  baseline: { value: number; printed: string; period: string };
  direction: "increase" | "decrease";
  /** Stated relative or point change, as printed (45.4%). */
  change?: string;
}

export interface RateItem {
  name: Localized;
  point: Point;
}

export interface ProgressItem {
  name: Localized;
  actual: Point;
  target: Point;
  /** actual ÷ target, in %. */
  percent: number;
  /** Share of the target's period that had passed by the end of the actual's period, in %. */
  elapsed?: number;
  relationId: string;
  /**
   * Set when the report prints no target, only a base and a growth rate (a `derived_target`
   * relation): the target is then computed, base × (1 + rate), and shown as computed.
   */
  derived?: { base: string; rate: string };
}

export interface SumItem {
  name: Localized;
  /** The total's unit, which the parts are converted to. */
  unit: string;
  total: Point;
  /**
   * The parts in the total's unit, labelled by subject (or by indicator when they differ): the
   * indicator's English name on the English page; a subject, which the catalogue cannot name, as printed.
   */
  parts: { label: Localized; point: Point }[];
  relationId: string;
}

export interface AheadItem {
  name: Localized;
  /** The latest actual before the target's period, and the target, both in the chart's unit. */
  actual: Point;
  target: Point;
}

export interface CountAreaItem {
  /** The subject as printed (in both languages: the catalogue has no name for it), else the period. */
  label: Localized;
  count?: Point;
  area?: Point;
}

export type ChartSpec =
  | { kind: "yoy"; id: string; unit: string; against: Baseline; items: YoyItem[] }
  | { kind: "rates"; id: string; family?: Localized; items: RateItem[] }
  | { kind: "progress"; id: string; items: ProgressItem[] }
  | { kind: "sum"; id: string; items: SumItem[] }
  | { kind: "ahead"; id: string; unit: string; items: AheadItem[] }
  | {
      kind: "countArea";
      id: string;
      count: Localized;
      area: Localized;
      countUnit: string;
      areaUnit: string;
      items: CountAreaItem[];
    };

export interface CategoryView {
  category: Category;
  charts: ChartSpec[];
  /** Observations of the category that no chart shows. */
  rest: Observation[];
}

function point(obs: Observation, unit = obs.quantity.unit, declared: Report["units"] = []): Point {
  const value =
    unit === obs.quantity.unit ? obs.quantity.value : convert(obs.quantity.value, obs.quantity.unit, unit, declared);
  return {
    obsId: obs.id,
    indicator: obs.indicator,
    value,
    printed: printedOf(obs.quantity),
    period: obs.period,
    role: obs.role,
    qualifier: obs.quantity.qualifier,
    ...(obs.subject ? { subject: obs.subject } : {}),
    quote: obs.source.quote,
    ...withEnglish(obs.quantity, declared),
  };
}

function withEnglish(q: Observation["quantity"], declared: Report["units"]): { english?: string } {
  const en = englishFigure(q, declared);
  return en ? { english: en } : {};
}

/** The unit most of the observations were printed in (first seen wins a tie). */
function commonUnit(units: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  let best = units[0] ?? "";
  for (const [u, n] of counts) if (n > (counts.get(best) ?? 0)) best = u;
  return best;
}

/** A rate on a 0-100 scale: printed in % and bounded to [0, 100] by its indicator. */
export function isRate(report: Report, obs: Observation): boolean {
  const ind = indicatorOf(report, obs);
  return (
    obs.quantity.unit === "%" &&
    ind?.dimension === "percent" &&
    ind.bounds !== undefined &&
    ind.bounds[0] === 0 &&
    ind.bounds[1] === 100
  );
}

/** The date one year earlier (2023-05-31 → 2022-05-31; 29 February → 28 February). */
function yearEarlier(iso: string): string {
  const y = Number(iso.slice(0, 4)) - 1;
  const md = iso.slice(4) === "-02-29" ? "-02-28" : iso.slice(4);
  return `${String(y).padStart(4, "0")}${md}`;
}

/**
 * What a stated baseline is: the same period one year earlier (同比) or any other span (the
 * 2020 figure of a 2025 five-year review: 2020 → 2025).
 */
export function baselineOf(current: string, baseline: string): Baseline {
  const c = periodBounds(parsePeriod(current));
  const b = periodBounds(parsePeriod(baseline));
  const sameEnd = yearEarlier(c.end) === b.end || (c.end.endsWith("-02-29") && b.end.endsWith("-02-28"));
  if (yearEarlier(c.start) === b.start && sameEnd) return { kind: "previous_year" };
  return { kind: "span", from: baseline, to: current };
}

const baselineKey = (b: Baseline) => (b.kind === "previous_year" ? "yoy" : `${b.from}>${b.to}`);

/**
 * Splits items so that no chart draws figures more than `ratio` apart in size (4.16万亿元 beside
 * 4059万亿元 leaves the small bars invisible). Order within each part is kept.
 */
export function splitByMagnitude<T>(items: readonly T[], size: (t: T) => number, ratio = 100): T[][] {
  const sorted = items.map((t, i) => ({ t, i, s: Math.abs(size(t)) })).sort((a, b) => a.s - b.s || a.i - b.i);
  const groups: (typeof sorted)[] = [];
  for (const e of sorted) {
    const g = groups.at(-1);
    const floor = g?.find((x) => x.s > 0)?.s;
    if (g && (floor === undefined || e.s <= floor * ratio)) g.push(e);
    else groups.push([e]);
  }
  return groups
    .map((g) => g.sort((a, b) => a.i - b.i).map((e) => e.t))
    .sort((a, b) => items.indexOf(a[0] as T) - items.indexOf(b[0] as T));
}

/** Items per bar chart: more are split into further charts (readable on a phone, quick to draw). */
export const MAX_ITEMS = 10;

/** Consecutive runs of at most `size` items, sized evenly (23 → 8, 8, 7). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts = Math.ceil(items.length / size);
  if (parts <= 1) return [[...items]];
  const base = Math.floor(items.length / parts);
  const extra = items.length % parts;
  const out: T[][] = [];
  let at = 0;
  for (let k = 0; k < parts; k++) {
    const n = base + (k < extra ? 1 : 0);
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/**
 * Comparison charts: observations stating a baseline, one chart per kind of unit and per kind
 * of baseline (上年同期 apart from 2020 → 2025), split where sizes differ more than 100-fold.
 */
export function yoyCharts(report: Report, observations: readonly Observation[], idPrefix: string): ChartSpec[] {
  const groups = new Map<string, { against: Baseline; list: Observation[] }>();
  for (const obs of observations) {
    const b = obs.comparison?.baseline;
    if (!b || isRate(report, obs) || !commensurable(obs.quantity.unit, b.quantity.unit, report.units)) continue;
    const def = resolveUnit(obs.quantity.unit, report.units);
    if (!def) continue;
    const against = baselineOf(obs.period, b.period);
    const key = `${def.dimension}/${def.base}|${baselineKey(against)}`;
    const g = groups.get(key) ?? { against, list: [] };
    g.list.push(obs);
    groups.set(key, g);
  }
  const charts: ChartSpec[] = [];
  for (const { against, list } of groups.values()) {
    const inBase = (o: Observation) => {
      const b = o.comparison?.baseline?.quantity;
      const base = resolveUnit(o.quantity.unit, report.units)?.base ?? o.quantity.unit;
      const v = convert(o.quantity.value, o.quantity.unit, base, report.units);
      return Math.max(Math.abs(v), b ? Math.abs(convert(b.value, b.unit, base, report.units)) : 0);
    };
    for (const part of splitByMagnitude(list, inBase).flatMap((g) => chunk(g, MAX_ITEMS))) {
      const unit = commonUnit(part.map((o) => o.quantity.unit));
      const items = part.map((obs): YoyItem => {
        const b = obs.comparison?.baseline as NonNullable<NonNullable<Observation["comparison"]>["baseline"]>;
        const c = obs.comparison as NonNullable<Observation["comparison"]>;
        const change = c.percent ?? c.points;
        return {
          name: indicatorName(report, obs),
          current: point(obs, unit, report.units),
          baseline: {
            value: convert(b.quantity.value, b.quantity.unit, unit, report.units),
            printed: printedOf(b.quantity),
            period: b.period,
          },
          direction: c.direction,
          ...(change ? { change: printedOf(change) } : {}),
        };
      });
      charts.push({ kind: "yoy", id: `${idPrefix}-yoy-${charts.length}`, unit, against, items });
    }
  }
  return charts;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** The shared start of several names, trimmed at punctuation: "12345 hotline: …" → "12345 hotline". */
function familyName(names: readonly string[]): string {
  const p = names.reduce(commonPrefix);
  return p.replace(/[\s:：,，、(（-]+$/u, "").trim();
}

/**
 * Rate charts on a 0-100 scale. Rates whose indicators share an id family (hotline_…) get a chart
 * of their own when the family has two or more indicators; the others share one chart.
 */
export function rateCharts(report: Report, observations: readonly Observation[], idPrefix: string): ChartSpec[] {
  const rates = observations.filter((o) => isRate(report, o));
  const families = new Map<string, Observation[]>();
  for (const obs of rates) {
    const family = obs.indicator.split(/[._-]/)[0] ?? obs.indicator;
    families.set(family, [...(families.get(family) ?? []), obs]);
  }
  const charts: ChartSpec[] = [];
  const loose: Observation[] = [];
  for (const [family, list] of families) {
    const indicators = [...new Set(list.map((o) => o.indicator))];
    if (indicators.length < 2) {
      loose.push(...list);
      continue;
    }
    const names = indicators.map((id) => indicatorName(report, list.find((o) => o.indicator === id) as Observation));
    const zh = familyName(names.map((n) => n.zh));
    const en = familyName(names.map((n) => n.en));
    charts.push({
      kind: "rates",
      id: `${idPrefix}-rates-${family}`,
      ...(zh && en ? { family: { zh, en } } : {}),
      items: list.map((obs) => ({ name: indicatorName(report, obs), point: point(obs) })),
    });
  }
  if (loose.length > 0) {
    loose.sort((a, b) => a.source.offset - b.source.offset);
    charts.push({
      kind: "rates",
      id: `${idPrefix}-rates`,
      items: loose.map((obs) => ({ name: indicatorName(report, obs), point: point(obs) })),
    });
  }
  return charts;
}

const DAY = 86_400_000;

/** How much of `target`'s period had passed at the end of `actual`'s period, in % (undefined if outside). */
export function elapsedShare(actualPeriod: string, targetPeriod: string): number | undefined {
  const a = periodBounds(parsePeriod(actualPeriod));
  const t = periodBounds(parsePeriod(targetPeriod));
  const start = Date.parse(t.start);
  const end = Date.parse(t.end) + DAY;
  const at = Date.parse(a.end) + DAY;
  if (Date.parse(a.start) < start || at > end) return undefined;
  return ((at - start) / (end - start)) * 100;
}

/** Progress of actuals against the year's targets, from the report's `progress` relations. */
export function progressCharts(
  report: Report,
  observations: readonly Observation[],
  relations: readonly Relation[],
  idPrefix: string,
): ChartSpec[] {
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const inCategory = new Set(observations.map((o) => o.id));
  const items: ProgressItem[] = [];
  for (const rel of relations) {
    if (rel.kind !== "progress" || !inCategory.has(rel.actual)) continue;
    const actual = byId.get(rel.actual);
    const target = byId.get(rel.target);
    if (!actual || !target || !commensurable(actual.quantity.unit, target.quantity.unit, report.units)) continue;
    if (target.quantity.value === 0) continue;
    const unit = target.quantity.unit;
    const a = point(actual, unit, report.units);
    const t = point(target, unit, report.units);
    const elapsed = elapsedShare(actual.period, target.period);
    items.push({
      name: indicatorName(report, actual),
      actual: a,
      target: t,
      percent: (a.value / t.value) * 100,
      ...(elapsed === undefined ? {} : { elapsed }),
      relationId: rel.id,
    });
  }
  items.push(...derivedProgress(report, byId, inCategory, relations));
  return items.length > 0 ? [{ kind: "progress", id: `${idPrefix}-progress`, items }] : [];
}

/**
 * Progress against targets the report states as growth on a base (税收在2022年30.20亿元基础上增长15%):
 * the target is base × (1 + rate), at the base's printed precision, and the actual is the
 * latest actual of the base's indicator inside the rate's period (1-5月 of 2023).
 */
function derivedProgress(
  report: Report,
  byId: ReadonlyMap<string, Observation>,
  inCategory: ReadonlySet<string>,
  relations: readonly Relation[],
): ProgressItem[] {
  const items: ProgressItem[] = [];
  for (const rel of relations) {
    if (rel.kind !== "derived_target" || rel.target !== undefined) continue;
    const base = byId.get(rel.base);
    const rate = byId.get(rel.rate);
    if (!base || !rate || rate.quantity.unit !== "%" || !inCategory.has(base.id)) continue;
    const actual = report.observations
      .filter(
        (o) =>
          o.indicator === base.indicator &&
          o.role === "actual" &&
          commensurable(o.quantity.unit, base.quantity.unit, report.units) &&
          elapsedShare(o.period, rate.period) !== undefined,
      )
      .sort(
        (a, b) =>
          Date.parse(periodBounds(parsePeriod(a.period)).end) - Date.parse(periodBounds(parsePeriod(b.period)).end),
      )
      .pop();
    if (!actual) continue;
    const unit = base.quantity.unit;
    const value = Number((base.quantity.value * (1 + rate.quantity.value / 100)).toFixed(base.quantity.decimals));
    if (value === 0) continue;
    const a = point(actual, unit, report.units);
    const basePrinted = printedOf(base.quantity);
    const ratePrinted = printedOf(rate.quantity);
    const target: Point = {
      obsId: rate.id,
      indicator: rate.indicator,
      value,
      printed: `${value.toFixed(base.quantity.decimals)}${unit}`,
      period: rate.period,
      role: "target",
      qualifier: rate.quantity.qualifier,
      ...(rate.subject ? { subject: rate.subject } : {}),
      quote: rate.source.quote,
    };
    const elapsed = elapsedShare(actual.period, rate.period);
    items.push({
      name: indicatorName(report, actual),
      actual: a,
      target,
      percent: (a.value / value) * 100,
      ...(elapsed === undefined ? {} : { elapsed }),
      relationId: rel.id,
      derived: { base: basePrinted, rate: ratePrinted },
    });
  }
  return items;
}

/**
 * Parts of a whole from the report's `sum` relations (4718家 = 2506家 + 2212家): the parts
 * stacked, the printed total beside them, so a gap or an excess shows.
 */
export function sumCharts(
  report: Report,
  observations: readonly Observation[],
  relations: readonly Relation[],
  idPrefix: string,
): ChartSpec[] {
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const inCategory = new Set(observations.map((o) => o.id));
  const items: SumItem[] = [];
  for (const rel of relations) {
    if (rel.kind !== "sum" || !inCategory.has(rel.total)) continue;
    const total = byId.get(rel.total);
    const parts = rel.parts.map((id) => byId.get(id));
    if (!total || parts.some((p) => !p || !commensurable(p.quantity.unit, total.quantity.unit, report.units))) continue;
    const ps = parts as Observation[];
    const sameIndicator = new Set(ps.map((p) => p.indicator)).size === 1;
    items.push({
      name: indicatorName(report, total),
      unit: total.quantity.unit,
      total: point(total, total.quantity.unit, report.units),
      parts: ps.map((p) => ({
        label: (sameIndicator ? asPrinted(p.subject) : undefined) ?? indicatorName(report, p),
        point: point(p, total.quantity.unit, report.units),
      })),
      relationId: rel.id,
    });
  }
  return items.length > 0 ? [{ kind: "sum", id: `${idPrefix}-sum`, items }] : [];
}

/** Words that say a figure counts what was added in its period (新增500家), not a level or a total. */
const ADDED = /新增|新建|新开工|新引进|新培育|新认定|新注册|新登记|新设立|新签约|新开/u;
/** Verbs and time words that do not change what a subject is (完成税收 and 税收 are one thing). */
const SUBJECT_NOISE =
  /^(?:共计|累计|全年|年内|上半年|下半年|今年|去年|力争|确保|预计|计划|完成|实现|达到|推进|加快|启动)+/u;

/** The words just before the printed figure in its quote (what 新增/达到 it follows). */
function leadIn(obs: Observation): string {
  const q = obs.source.quote;
  const i = q.indexOf(printedOf(obs.quantity));
  return q.slice(Math.max(0, (i < 0 ? q.length : i) - 12), i < 0 ? q.length : i);
}

/** Whether a figure counts additions in its period (a flow) rather than a level or a total (a stock). */
export function isAddition(obs: Observation): boolean {
  return ADDED.test(obs.subject ?? "") || ADDED.test(leadIn(obs));
}

const subjectCore = (s: string) => s.replace(SUBJECT_NOISE, "");

/**
 * Whether two figures of one indicator measure the same thing, so a chart may set them side by
 * side: both additions or both levels (a total of 11042家 is not set against 500家 new), and the
 * same subject where both state one (29万平方米 of one project is not set against 约11万平方米
 * of others).
 */
export function sameThing(a: Observation, b: Observation): boolean {
  if (isAddition(a) !== isAddition(b)) return false;
  if (!a.subject || !b.subject) return true;
  const x = subjectCore(a.subject);
  const y = subjectCore(b.subject);
  return x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)));
}

// Periods repeat across a report's observations: parse each once (charts compare them pairwise).
const bounds = new Map<string, { start: number; end: number }>();
function boundsOf(p: string): { start: number; end: number } {
  let b = bounds.get(p);
  if (!b) {
    const pb = periodBounds(parsePeriod(p));
    b = { start: Date.parse(pb.start), end: Date.parse(pb.end) };
    bounds.set(p, b);
  }
  return b;
}
const endOf = (p: string) => boundsOf(p).end;
const startOf = (p: string) => boundsOf(p).start;

/**
 * Targets for a coming period beside the latest actual before it (2012年235.2亿元 → 2013年目标282亿元),
 * the usual shape of an annual report: a review of last year, then this year's targets. One
 * chart per kind of unit; rates are left to the rate charts.
 */
export function aheadCharts(report: Report, observations: readonly Observation[], idPrefix: string): ChartSpec[] {
  const groups = new Map<string, { actual: Observation; target: Observation }[]>();
  for (const target of observations) {
    if ((target.role !== "target" && target.role !== "plan") || isRate(report, target)) continue;
    const actual = observations
      .filter(
        (a) =>
          a.role === "actual" &&
          a.indicator === target.indicator &&
          sameThing(a, target) &&
          commensurable(a.quantity.unit, target.quantity.unit, report.units) &&
          endOf(a.period) < startOf(target.period),
      )
      .sort((a, b) => endOf(a.period) - endOf(b.period) || a.source.offset - b.source.offset)
      .pop();
    const def = resolveUnit(target.quantity.unit, report.units);
    if (!actual || !def) continue;
    const key = `${def.dimension}/${def.base}`;
    groups.set(key, [...(groups.get(key) ?? []), { actual, target }]);
  }
  const charts: ChartSpec[] = [];
  for (const all of groups.values()) {
    const inBase = ({ actual, target }: { actual: Observation; target: Observation }) => {
      const base = resolveUnit(target.quantity.unit, report.units)?.base ?? target.quantity.unit;
      return Math.max(
        Math.abs(convert(actual.quantity.value, actual.quantity.unit, base, report.units)),
        Math.abs(convert(target.quantity.value, target.quantity.unit, base, report.units)),
      );
    };
    for (const pairs of splitByMagnitude(all, inBase).flatMap((g) => chunk(g, MAX_ITEMS))) {
      const unit = commonUnit(pairs.map((p) => p.target.quantity.unit));
      charts.push({
        kind: "ahead",
        id: `${idPrefix}-ahead-${charts.length}`,
        unit,
        items: pairs.map(({ actual, target }) => ({
          name: indicatorName(report, target),
          actual: point(actual, unit, report.units),
          target: point(target, unit, report.units),
        })),
      });
    }
  }
  return charts;
}

/** Where the printed figure stands in the source, for ordering figures within one quote. */
function figurePosition(obs: Observation): number {
  const i = obs.source.quote.indexOf(printedOf(obs.quantity));
  return obs.source.offset * 1000 + Math.max(0, i);
}

/**
 * Counts and areas of one thing side by side (illegal structures removed: sites and area).
 * Indicators named stem_count and stem_area pair up; within one quote the figures pair in the
 * order printed (50处、1212平方米, 56处、1.01万平方米), otherwise by equal subject.
 */
/** A subject as the report printed it, the same in both languages (the catalogue names indicators, not subjects). */
function asPrinted(subject: string | undefined): Localized | undefined {
  return subject ? { zh: subject, en: subject } : undefined;
}

function periodNames(period: string): Localized {
  return { zh: periodLabel(period, "zh"), en: periodLabel(period, "en") };
}

export function countAreaCharts(report: Report, observations: readonly Observation[], idPrefix: string): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const stems = new Set(
    observations.filter((o) => o.indicator.endsWith("_count")).map((o) => o.indicator.slice(0, -"_count".length)),
  );
  for (const stem of stems) {
    const counts = observations
      .filter((o) => o.indicator === `${stem}_count`)
      .sort((a, b) => figurePosition(a) - figurePosition(b));
    const areas = observations
      .filter((o) => o.indicator === `${stem}_area`)
      .sort((a, b) => figurePosition(a) - figurePosition(b));
    if (counts.length === 0 || areas.length === 0) continue;
    const countUnit = commonUnit(counts.map((o) => o.quantity.unit));
    const areaUnit = commonUnit(areas.map((o) => o.quantity.unit));
    if (counts.some((o) => !commensurable(o.quantity.unit, countUnit, report.units))) continue;
    if (areas.some((o) => !commensurable(o.quantity.unit, areaUnit, report.units))) continue;
    const free = new Set(areas);
    const items: CountAreaItem[] = [];
    for (const c of counts) {
      const sameQuote = areas.filter(
        (a) => free.has(a) && a.source.offset === c.source.offset && figurePosition(a) > figurePosition(c),
      );
      const match = sameQuote[0] ?? areas.find((a) => free.has(a) && !!c.subject && a.subject === c.subject);
      if (match) free.delete(match);
      items.push({
        label: asPrinted(c.subject ?? match?.subject) ?? periodNames(c.period),
        count: point(c, countUnit, report.units),
        ...(match ? { area: point(match, areaUnit, report.units) } : {}),
      });
    }
    for (const a of free)
      items.push({ label: asPrinted(a.subject) ?? periodNames(a.period), area: point(a, areaUnit, report.units) });
    const first = counts[0] as Observation;
    const firstArea = areas[0] as Observation;
    charts.push({
      kind: "countArea",
      id: `${idPrefix}-countarea-${stem}`,
      count: indicatorName(report, first),
      area: indicatorName(report, firstArea),
      countUnit,
      areaUnit,
      items,
    });
  }
  return charts;
}

/** The figures a chart sets side by side as one item (an actual and its target, a count and its area). */
export function chartPairs(spec: ChartSpec): [Point, Point][] {
  switch (spec.kind) {
    case "ahead":
    case "progress":
      return spec.items.map((i) => [i.actual, i.target]);
    case "countArea":
      return spec.items.flatMap((i) => (i.count && i.area ? [[i.count, i.area] as [Point, Point]] : []));
    default:
      return [];
  }
}

/** The observations a chart draws. */
export function chartedIds(spec: ChartSpec): string[] {
  switch (spec.kind) {
    case "yoy":
      return spec.items.map((i) => i.current.obsId);
    case "rates":
      return spec.items.map((i) => i.point.obsId);
    case "progress":
      return spec.items.flatMap((i) => [i.actual.obsId, i.target.obsId]);
    case "countArea":
      return spec.items.flatMap((i) => [i.count?.obsId, i.area?.obsId]).filter((x): x is string => !!x);
    case "sum":
      return spec.items.flatMap((i) => [i.total.obsId, ...i.parts.map((p) => p.point.obsId)]);
    case "ahead":
      return spec.items.flatMap((i) => [i.actual.obsId, i.target.obsId]);
  }
}

/** Baseline observations that a year-on-year chart already draws as some figure's baseline. */
function drawnBaselines(report: Report, obs: readonly Observation[], charts: readonly ChartSpec[]): string[] {
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const drawn = charts.flatMap((c) =>
    c.kind === "yoy" ? c.items.map((i) => ({ indicator: byId.get(i.current.obsId)?.indicator, ...i.baseline })) : [],
  );
  return obs
    .filter(
      (o) =>
        o.role === "baseline" &&
        drawn.some((d) => d.indicator === o.indicator && d.period === o.period && d.printed === printedOf(o.quantity)),
    )
    .map((o) => o.id);
}

/** Every point a chart draws (targets computed from a rate included). */
export function chartPoints(spec: ChartSpec): Point[] {
  switch (spec.kind) {
    case "yoy":
      return spec.items.map((i) => i.current);
    case "rates":
      return spec.items.map((i) => i.point);
    case "progress":
    case "ahead":
      return spec.items.flatMap((i) => [i.actual, i.target]);
    case "countArea":
      return spec.items.flatMap((i) => [i.count, i.area]).filter((p): p is Point => !!p);
    case "sum":
      return spec.items.flatMap((i) => [i.total, ...i.parts.map((p) => p.point)]);
  }
}

/** The findings that involve each observation, as charts, cards and rows show them. */
export function findingsByObservation(checks: CheckResult | undefined): Map<string, PointFinding[]> {
  const map = new Map<string, PointFinding[]>();
  for (const f of checks?.findings ?? []) {
    const pf: PointFinding = {
      code: f.code,
      severity: f.severity,
      acknowledged: f.acknowledged,
      message: f.message,
      ...(f.explanation ? { explanation: f.explanation } : {}),
    };
    for (const id of f.observations) map.set(id, [...(map.get(id) ?? []), pf]);
  }
  return map;
}

/** Every category the report has observations in, with the charts its data calls for. */
export function categoryViews(report: Report, checks?: CheckResult): CategoryView[] {
  const findings = findingsByObservation(checks);
  const byCategory = observationsByCategory(report);
  return [...byCategory].map(([category, obs]) => buildView(report, category, obs, findings));
}

/** The report's observations per category, in the catalogue's order of categories (empty ones left out). */
export function observationsByCategory(report: Report): Map<Category, Observation[]> {
  const map = new Map<Category, Observation[]>(CATEGORIES.map((c) => [c, []]));
  for (const o of report.observations) {
    const c = indicatorOf(report, o)?.category;
    if (c) map.get(c)?.push(o);
  }
  for (const [c, list] of map) if (list.length === 0) map.delete(c);
  return map;
}

/**
 * One category's view, for a page that shows one category at a time: the others' charts are
 * not computed (on a large report, all eight at once make a long task).
 */
export function categoryView(report: Report, category: Category, checks?: CheckResult): CategoryView | undefined {
  const obs = observationsByCategory(report).get(category);
  return obs ? buildView(report, category, obs, findingsByObservation(checks)) : undefined;
}

/** The first comparison chart of the report (the overview shows it), computed category by category until found. */
export function firstComparisonChart(report: Report, checks?: CheckResult): ChartSpec | undefined {
  const findings = findingsByObservation(checks);
  for (const [category, obs] of observationsByCategory(report)) {
    const chart = yoyCharts(report, obs, category)[0];
    if (!chart) continue;
    for (const p of chartPoints(chart)) {
      const f = findings.get(p.obsId);
      if (f) p.findings = f;
    }
    return chart;
  }
  return undefined;
}

function buildView(
  report: Report,
  category: Category,
  obs: Observation[],
  findings: ReadonlyMap<string, PointFinding[]>,
): CategoryView {
  const charts = [
    ...yoyCharts(report, obs, category),
    ...progressCharts(report, obs, report.relations, category),
    ...sumCharts(report, obs, report.relations, category),
    ...aheadCharts(report, obs, category),
    ...countAreaCharts(report, obs, category),
    ...rateCharts(report, obs, category),
  ];
  for (const p of charts.flatMap(chartPoints)) {
    const f = findings.get(p.obsId);
    if (f) p.findings = f;
  }
  const charted = new Set([...charts.flatMap(chartedIds), ...drawnBaselines(report, obs, charts)]);
  return { category, charts, rest: obs.filter((o) => !charted.has(o.id)) };
}
