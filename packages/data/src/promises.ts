/**
 * Targets against results: each target a report sets for its year Y is paired with the actual
 * figure for Y that the jurisdiction's next report states. Browser-safe (schema only).
 */
import {
  catalogueIndicator,
  commensurable,
  convert,
  findIndicator,
  type Observation,
  type Report,
} from "@govreport/schema";
import { jurisdictionOf, reportYear, sameFigure } from "./panel.js";

export const VERDICTS = [
  "met",
  "met_within_rounding",
  "missed",
  "not_comparable",
  "no_result_stated",
  "no_result_found",
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * "About" (左右, 约): a result within this fraction of the target counts as meeting it (6%左右 is
 * met by 5.7% or more). Stated with every such verdict.
 */
export const ABOUT_TOLERANCE = 0.05;

/** What kind of promise a target is. */
export type TargetKind = "floor" | "ceiling" | "range" | "neutral";

export interface Figure {
  report: string;
  observation: string;
  indicator: string;
  period: string;
  printed: string;
  value: number;
  max?: number;
  unit: string;
  quote: string;
  offset: number;
}

export interface PromisePair {
  jurisdiction: string;
  year: number;
  indicator: string;
  /** zh name of the indicator (catalogue, or the report's own). */
  name: string;
  /** How target and result were matched: the catalogue id, or the same printed subject in both reports (subjectKey). */
  match: "catalogue" | "same_subject";
  target: Figure;
  /** target: an aim (力争, 确保, 预期目标); plan: work the report schedules for its year with a figure (完成营造林600万亩). */
  role: "target" | "plan";
  kind: TargetKind;
  about: boolean;
  /** The report delivered in year + 1, where the result is looked for. */
  resultReport?: string;
  result?: Figure;
  /** Other figures the next report gives for the same indicator and year (the first is used). */
  otherResults?: Figure[];
  verdict: Verdict;
  /** Why, in words, with the tolerance used for an "about" target. */
  reason: string;
}

/** A target set last year that this year's report does not set again. */
export interface Absence {
  jurisdiction: string;
  year: number;
  indicator: string;
  name: string;
  /** The target of the previous year, which was not renewed. */
  lastTarget: Figure;
  report: string;
  /**
   * not_stated: the report has its list of main targets (主要预期目标) and this indicator is not in
   * it: a deliberate absence (as national GDP in 2020), not an extraction miss.
   * not_found: no list of main targets was found in the report (or its text was not given), or the
   * indicator is report-local (it may be set again in other words), so the absence may be the extractor's.
   */
  status: "not_stated" | "not_found";
}

export interface PromisesResult {
  pairs: PromisePair[];
  absences: Absence[];
  /** Targets whose year has no next report among the inputs (no result can be looked for yet). */
  pending: Figure[];
  summary: Record<Verdict, number> & { pairs: number; absences: number; pending: number };
  aboutTolerance: number;
}

export interface PromiseInput {
  report: Report;
  /** The report's source text, needed to find its list of main targets. */
  sourceText?: string;
}

const printedOf = (o: Observation) => o.quantity.printed ?? `${o.quantity.value}${o.quantity.unit}`;

function figure(report: Report, o: Observation): Figure {
  return {
    report: report.id,
    observation: o.id,
    indicator: o.indicator,
    period: o.period,
    printed: printedOf(o),
    value: o.quantity.value,
    ...(o.quantity.max !== undefined ? { max: o.quantity.max } : {}),
    unit: o.quantity.unit,
    quote: o.source.quote,
    offset: o.source.offset,
  };
}

/** Ceiling words: 控制在, 以内, 不超过, 以下, 低于 (a price rise is met by staying under). */
const CEILING = /控制在|以内|不超过|不高于|以下|低于/;
const ABOUT = /左右|约/;

/** The few characters around a figure in its quote: where its qualifier words are printed. */
function around(o: Observation): string {
  const q = o.source.quote;
  const p = o.quantity.printed ?? "";
  const i = p ? q.indexOf(p) : -1;
  if (i < 0) return `${o.subject ?? ""}${p}`;
  return q.slice(Math.max(0, i - 4), i + p.length + 3);
}

export function targetKind(o: Observation, report: Report): { kind: TargetKind; about: boolean } {
  const near = around(o);
  const about = o.quantity.qualifier === "approximately" || ABOUT.test(near);
  if (o.quantity.max !== undefined) return { kind: "range", about };
  if (o.quantity.qualifier === "at_most" || CEILING.test(near)) return { kind: "ceiling", about };
  const direction = findIndicator(o.indicator, report.indicators)?.direction;
  if (direction === "lower_is_better") return { kind: "ceiling", about };
  return { kind: "floor", about };
}

/**
 * The verdict on a target against a result `a` (converted to the target's unit) printed with
 * `resultDecimals` decimals. "Met within rounding": the result as printed falls short, but the
 * values it stands for (±half a unit of its last printed digit: 5% for 4.5–5.5) reach the target.
 */
export function judge(
  t: Observation,
  kind: TargetKind,
  about: boolean,
  a: number,
  resultDecimals: number,
): { verdict: Verdict; reason: string } {
  const v = t.quantity.value;
  const half = 0.5 * 10 ** -resultDecimals;
  const tol = about ? Math.abs(v) * ABOUT_TOLERANCE : 0;
  const aboutNote = about ? ` (左右/约: ±${ABOUT_TOLERANCE * 100}% of the target, ${fmt(tol)}, allowed)` : "";
  const rounding = `${fmt(a)} as printed stands for ${fmt(a - half)} to ${fmt(a + half)}`;
  if (kind === "ceiling") {
    const limit = v + tol;
    if (a <= limit) return { verdict: "met", reason: `${fmt(a)} stays within the ceiling ${fmt(v)}${aboutNote}` };
    if (a - half <= limit)
      return {
        verdict: "met_within_rounding",
        reason: `${rounding}, which reaches under the ceiling ${fmt(v)}${aboutNote}`,
      };
    return { verdict: "missed", reason: `${fmt(a)} is above the ceiling ${fmt(v)}${aboutNote}` };
  }
  // A floor, or a range (6%–6.5%: reaching its lower end meets it; above the upper end is noted).
  const floor = v - tol;
  const what = kind === "range" ? `the range ${fmt(v)}–${fmt(t.quantity.max ?? v)}` : `the target ${fmt(v)}`;
  if (a >= floor) {
    const above =
      kind === "range" && t.quantity.max !== undefined && a > t.quantity.max ? " (above its upper end)" : "";
    return { verdict: "met", reason: `${fmt(a)} reaches ${what}${above}${aboutNote}` };
  }
  if (a + half >= floor)
    return { verdict: "met_within_rounding", reason: `${rounding}, which reaches ${what}${aboutNote}` };
  return { verdict: "missed", reason: `${fmt(a)} falls short of ${what}${aboutNote}` };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** Targets (or actuals) of one year, each printed figure once (a text printed twice is read once). */
function distinct(report: Report, role: Observation["role"], year: number): Observation[] {
  const out: Observation[] = [];
  for (const o of report.observations) {
    if (o.role !== role || o.period !== String(year)) continue;
    if (out.some((x) => x.indicator === o.indicator && sameFigure(x, o) && x.source.quote === o.source.quote)) continue;
    out.push(o);
  }
  return out;
}

/**
 * Where the report lists its main targets (主要预期目标 / 预期目标): the paragraph, as code-point
 * offsets, or undefined when the text has none (or was not given).
 */
export function mainTargetsSpan(text: string | undefined): { start: number; end: number } | undefined {
  if (text === undefined) return undefined;
  const m = /主要预期目标|发展的预期目标|主要目标是/.exec(text);
  if (!m) return undefined;
  const startIndex = text.lastIndexOf("\n", m.index) + 1;
  const nl = text.indexOf("\n", m.index);
  const endIndex = nl < 0 ? text.length : nl;
  const cp = (i: number) => [...text.slice(0, i)].length;
  return { start: cp(startIndex), end: cp(endIndex) };
}

const inSpan = (o: Observation, s: { start: number; end: number }) =>
  o.source.offset >= s.start && o.source.offset < s.end;

function nameOf(o: Observation, report: Report): string {
  return findIndicator(o.indicator, report.indicators)?.name.zh ?? o.subject ?? o.indicator;
}

/** Words around a subject that say how it is aimed at or reported, not what is measured. */
const SUBJECT_LEAD = /^(?:力争|确保|争取|全年|年内|全省|全市|全区|全县|继续|累计)+/u;
const SUBJECT_VERB = /^(?:新建改造|建设改造|改造提升|新建|建成|完成|实现|培育)/u;
const SUBJECT_TAIL = /(?:以上|以内|左右|超过|超|保持在|达到|达|总数|总量)+$/u;

/**
 * What a report-local figure measures, for matching a target with a result printed in other
 * words around the same subject: 确保粮食总产…以上 and 粮食总产, 新建改造高标准农田 and (建成)高标准农田,
 * 新增国家高新技术企业 and 新增国家级高新技术企业超. Only aim and report words are dropped: 新增
 * (a flow) never meets a total (a stock), and a different scope (国考断面) stays different.
 */
export function subjectKey(subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  const k = subject
    .replace(SUBJECT_LEAD, "")
    .replace(SUBJECT_VERB, "")
    .replace(/(国家|省|市)级/gu, "$1")
    .replace(SUBJECT_TAIL, "");
  return [...k].length >= 3 ? k : undefined;
}

/**
 * Pairs every target of every report with the next report's result. Reports are grouped by
 * jurisdiction (Chinese name) and ordered by the year they were delivered. A catalogue indicator
 * matches by id; a report-local one when both reports print the same subject (the extractor
 * gives them the same id) or the same subject once aim and report words are dropped (subjectKey),
 * never by a merely similar phrase.
 */
export function pairPromises(inputs: readonly PromiseInput[]): PromisesResult {
  const pairs: PromisePair[] = [];
  const absences: Absence[] = [];
  const pending: Figure[] = [];
  const groups = new Map<string, PromiseInput[]>();
  for (const x of inputs) {
    const j = jurisdictionOf(x.report);
    groups.set(j, [...(groups.get(j) ?? []), x]);
  }
  for (const [jurisdiction, group] of groups) {
    const byYear = new Map<number, PromiseInput>();
    for (const x of group) {
      const y = reportYear(x.report);
      if (y !== undefined && !byYear.has(y)) byYear.set(y, x);
    }
    for (const [year, { report }] of [...byYear].sort(([a], [b]) => a - b)) {
      // Targets (力争, 确保, 预期目标) and scheduled work with a figure (完成营造林600万亩, 改造城镇老旧
      //小区827个): both are what the report promises for its year.
      const targets = [...distinct(report, "target", year), ...distinct(report, "plan", year)];
      const next = byYear.get(year + 1);
      // Targets of last year that this report does not set again.
      const prev = byYear.get(year - 1);
      if (prev) {
        const prevSpan = mainTargetsSpan(prev.sourceText);
        const span = mainTargetsSpan(group.find((x) => x.report === report)?.sourceText);
        const lastMain = distinct(prev.report, "target", year - 1).filter((o) => prevSpan && inSpan(o, prevSpan));
        const set = new Set(targets.map((o) => o.indicator));
        for (const o of lastMain)
          if (!set.has(o.indicator))
            absences.push({
              jurisdiction,
              year,
              indicator: o.indicator,
              name: nameOf(o, prev.report),
              lastTarget: figure(prev.report, o),
              report: report.id,
              // A report-local indicator may be set again in other words: only the catalogue proves absence.
              status: span && catalogueIndicator(o.indicator) ? "not_stated" : "not_found",
            });
      }
      for (const t of targets) {
        if (!next) {
          pending.push(figure(report, t));
          continue;
        }
        const inCatalogue = catalogueIndicator(t.indicator) !== undefined;
        const actuals = distinct(next.report, "actual", year);
        // A report-local target pairs only through a subject that names something (增长 alone, the
        // subject of 全年增长10%, names nothing, though two such figures get the same local id), and
        // the result may be printed around that subject in other words.
        const key = inCatalogue ? undefined : subjectKey(t.subject);
        let results = inCatalogue || key !== undefined ? actuals.filter((o) => o.indicator === t.indicator) : [];
        if (results.length === 0 && key !== undefined) results = actuals.filter((o) => subjectKey(o.subject) === key);
        const { kind, about } = targetKind(t, report);
        const pair: PromisePair = {
          jurisdiction,
          year,
          indicator: t.indicator,
          name: nameOf(t, report),
          match: inCatalogue ? "catalogue" : "same_subject",
          target: figure(report, t),
          role: t.role === "plan" ? "plan" : "target",
          kind,
          about,
          resultReport: next.report.id,
          verdict: "no_result_stated",
          reason: "",
        };
        const [r, ...others] = results;
        if (!r) {
          pair.verdict = inCatalogue ? "no_result_stated" : "no_result_found";
          pair.reason = inCatalogue
            ? `${next.report.id} states no figure for ${year}`
            : `${next.report.id} prints no figure for ${year} under the same subject; it may state one in other words`;
          pairs.push(pair);
          continue;
        }
        pair.result = figure(next.report, r);
        if (others.length > 0) pair.otherResults = others.map((o) => figure(next.report, o));
        const declared = [...report.units, ...next.report.units];
        if (!commensurable(t.quantity.unit, r.quantity.unit, declared) || r.quantity.max !== undefined) {
          pair.verdict = "not_comparable";
          pair.reason =
            r.quantity.max !== undefined
              ? "the result is a range"
              : `units ${t.quantity.unit || "(number)"} and ${r.quantity.unit || "(number)"} do not compare`;
        } else {
          const a = convert(r.quantity.value, r.quantity.unit, t.quantity.unit, declared);
          Object.assign(pair, judge(t, kind, about, a, r.quantity.decimals));
          if (r.quantity.qualifier !== "exact" && pair.verdict !== "met")
            pair.reason += `; the result is qualified (${printedOf(r)})`;
        }
        pairs.push(pair);
      }
    }
  }
  const summary = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as PromisesResult["summary"];
  for (const p of pairs) summary[p.verdict]++;
  summary.pairs = pairs.length;
  summary.absences = absences.length;
  summary.pending = pending.length;
  return { pairs, absences, pending, summary, aboutTolerance: ABOUT_TOLERANCE };
}
