import {
  CATALOGUE,
  type Indicator,
  indicatorId,
  type JurisdictionLevel,
  type Localized,
  type Observation,
  type ParsedQuantity,
  parsePeriod,
  periodString,
  type Qualifier,
  type Quantity,
  type Report,
  type Role,
  resolveUnit,
} from "@govreport/schema";
import { type ExtractWarning, warn } from "./codes.js";
import { readComparison, readFromTo } from "./comparisons.js";
import {
  ASSIGN_THRESHOLD,
  guessCategory,
  type IndicatorSuggestion,
  localIndicator,
  suggestIndicators,
} from "./indicators.js";
import { levelOf, type readMeta } from "./meta.js";
import { markersIn, type YearContext } from "./periods.js";
import { proposeRelations } from "./relations.js";
import { figureRuns, jointSubject, respectiveSubjects } from "./respectively.js";
import { type IndexedSection, isPlanLead, type Section, type SectionMode } from "./sections.js";
import { sha256HexSync } from "./sha256.js";
import { CLAUSE_WINDOW, clauseEndOf, clauseStartOf, halfStartOf, sentenceEndOf, sentenceStartOf } from "./spans.js";
import { type Figure, type FigureKind, isBase } from "./stages/figure.js";
import { readFigures, type SkippedFigure } from "./stages/figures.js";
import { repairLayout } from "./stages/layout.js";
import { readContext } from "./stages/meta.js";
import { normalise } from "./stages/normalise.js";
import { readPeriods } from "./stages/periods.js";
import { readSections } from "./stages/sections.js";
import { subjectAfter, subjectBefore } from "./subject.js";
import { originalSlice, trimSpan } from "./text.js";

export type { FigureKind } from "./stages/figure.js";
export type { SkippedFigure } from "./stages/figures.js";

/**
 * Options of {@link extractReport}: what the caller knows better than the text (id, year, period,
 * jurisdiction, title, hash).
 */
export interface ExtractOptions {
  /** Report id; default `draft-` and the first 12 hex digits of the text's SHA-256. */
  id?: string;
  /** Title; default the line of the text that holds 政府工作报告. */
  title?: string | Localized;
  /** Path of the source text, recorded as report.source.file. */
  sourceFile?: string;
  /**
   * SHA-256 of the normalised text's UTF-8 bytes (`normalizeSourceText`: no BOM, LF line breaks);
   * computed (synchronously, in JavaScript) when absent.
   */
  sha256?: string;
  /** The period the report reviews (2023-H1); default read from the review heading. */
  reportPeriod?: string;
  /** The year the report is delivered in (今年); default read from the text. */
  year?: number;
  jurisdiction?: { name: Localized; level: JurisdictionLevel };
}

/**
 * A figure read from the text, with everything decided about it: kind, observation, subject, quote, section,
 * period, role, indicator and the catalogue suggestions.
 */
export interface ExtractedQuantity {
  value: number;
  max?: number;
  unit: string;
  decimals: number;
  qualifier: Qualifier;
  printed: string;
  /** Where the figure is printed, in code points into the normalised text (`ExtractResult.text`), [start, end). */
  start: number;
  end: number;
  kind: FigureKind;
  /** The observation this figure is (observation, baseline) or belongs to (change, percent, points). */
  observation: string;
  /** The phrase the figure measures, as printed (trimmed of lead-in words). */
  subject: string;
  /** The clause holding the figure (and its comparison), verbatim, and its code-point offset. */
  quote: string;
  offset: number;
  /** Headings from the outermost down. */
  section: string[];
  period: string;
  role: Role;
  indicator: string;
  /** Catalogue indicators that fit the subject and unit, best first. */
  suggestions: IndicatorSuggestion[];
}

/** What {@link extractReport} returns: the draft report and what was read, guessed and skipped on the way. */
export interface ExtractResult {
  report: Report;
  /** The normalised source text (`normalizeSourceText`) that every offset, quote and the sha256 refer to. */
  text: string;
  quantities: ExtractedQuantity[];
  sections: Section[];
  /** What the extractor had to guess or repair, each with a stable code. */
  warnings: ExtractWarning[];
  /** Numbers that look like figures but were judged not to be facts, with the reason. */
  skipped: SkippedFigure[];
}

/** A subject that only says how a figure changed: 年均增长, 同比增长, 比增加. */
/** The longest subject a rate takes from the figure before it (subjects read from the text are at most 40). */
const MAX_JOINED = 60;
const RATE_ONLY = /^(?:比|较)?(?:年均|同比|平均|年平均)?(?:增长|增速|增幅|递增|提高|下降|减少|增加)(?:率|幅度)?$/;
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
 * Reads a report text into a draft report that passes the schema. Never throws on text; what
 * it cannot read it reports in `warnings` and `skipped`, each with a stable code.
 *
 * @example
 * const { report, warnings, skipped } = extractReport(text, { id: "my-town-2024" });
 * for (const w of warnings) console.warn(`[${w.code}] ${w.message}`); // [layout.hard-wrap] …
 * console.log(report.observations.length, skipped.filter((s) => s.code === "figure.skipped.threshold").length);
 */
export function extractReport(input: string, options: ExtractOptions = {}): ExtractResult {
  checkOptions(options);
  const warnings: ExtractWarning[] = [];
  const text = normalise(input, warnings);
  const laid = repairLayout(text, warnings);
  const { p, s } = laid;
  const structure = readSections(laid);
  const { sections, modeAt } = structure;
  const context = readContext(laid, structure, options, warnings);
  const { meta, ctx } = context;
  const periods = readPeriods(laid, structure, context);
  const { markers, periodAt } = periods;
  const { figures, skipped } = readFigures(laid, structure);

  // Comparisons: which figures qualify another.
  const byStart = new Map<number, Figure>();
  for (const f of figures) byStart.set(f.q.start, f);
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i] as Figure;
    if (f.kind !== "observation") continue;
    const sentenceLimit = sentenceEndOf(s, f.q.end);
    // The figures after f in its sentence, looked up by where they start (O(1), not a scan of the rest).
    const after = (at: number) => (at > f.q.start && at < sentenceLimit ? byStart.get(at)?.q : undefined);
    const ft = readFromTo(s, f.q, after);
    if (ft) {
      const to = byStart.get(ft.to.start);
      if (to && to.kind === "observation") {
        f.kind = "baseline";
        f.owner = to;
        const link: NonNullable<Figure["fromTo"]> = { from: f, direction: ft.direction };
        if (ft.fromYear !== undefined) link.fromYear = ft.fromYear;
        if (ft.toYear !== undefined) link.toYear = ft.toYear;
        to.fromTo = link;
        continue;
      }
    }
    const period = periodAt(f.q.start);
    const c = readComparison(s, f.q, after, period, sentenceLimit);
    if (!c) continue;
    f.comparison = c;
    for (const u of c.used) {
      const g = byStart.get(u.start);
      if (!g) continue;
      g.owner = f;
      g.kind =
        c.baseline?.figure === u ? "baseline" : u === c.percent ? "percent" : u === c.points ? "points" : "change";
    }
  }

  // Subjects, periods, roles, quotes.
  let lastEnd = 0;
  let prev: Figure | undefined;
  /** The last observation before the figure at hand (kinds are all set by now). */
  let lastObservation: Figure | undefined;
  const forward: (string | undefined)[] = [];
  for (let idx = 0; idx < figures.length; idx++) {
    const f = figures[idx] as Figure;
    const ss = sentenceStartOf(s, f.q.start);
    const prevInSentence = prev && prev.q.end > ss ? prev : undefined;
    f.period = f.anchor !== undefined ? periodAt(f.anchor) : periodAt(f.q.start);
    if (isBase(s, f.q)) {
      // The base's own year is the one its 在…基础上 names (a reference for the figures after it).
      const hs = halfStartOf(s, f.q.start);
      const m = markersIn(markers, hs, f.q.start)
        .filter((x) => x.period !== "")
        .pop();
      if (m) f.period = m.period;
    }
    const { subject, stop, raw } = subjectBefore(s, f.q, Math.max(lastEnd, ss), markers);
    let subj = subject;
    const listed = !!prevInSentence && s.slice(prevInSentence.q.end, f.q.start).trim() === "、";
    // The words after the figure name it better when those before are a list of names (殷家浜等4条河道,
    // 益丰新村4个老旧小区), a bare verb (形成46个项目清单) or end in a conjunction (居民家庭和1500户…);
    // in a list (2大片区、10个网格) each item names its own unless it has no words after it.
    const weak = !subj || /等$/.test(subj) || subj.length <= 2 || /和$/.test(raw) || (stop === "、" && !listed);
    const after = forwardSubject(s, idx, figures, forward);
    if (listed && prevInSentence) subj = after || prevInSentence.subject;
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
    if (prevObservation && RATE_ONLY.test(subj) && stop !== "、" && prevObservation.subject.length <= MAX_JOINED)
      subj = `${prevObservation.subject}${subj.replace(/^(?:比|较)+/, "")}`;
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
  // 分别 lists: A、B分别增长5%、6% gives each figure its item; A、B均增长10% gives one figure both.
  const spans = figures.map((f) => f.q);
  for (const [from, to] of figureRuns(s, spans)) {
    const run = figures.slice(from, to);
    if (run.some((f) => f.kind !== "observation")) continue;
    const subjects = respectiveSubjects(s, spans.slice(from, to));
    if (subjects) for (const [k, f] of run.entries()) f.subject = subjects[k] ?? f.subject;
  }
  for (const f of figures) {
    if (f.kind !== "observation") continue;
    const joint = jointSubject(s, f.q);
    if (joint) f.subject = joint;
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
  // Quotes: the clause of the figure, stretched over its comparison's clauses.
  let longClause: number | undefined;
  for (const g of figures) {
    if (!g.owner) continue;
    if (g.owner.parts) g.owner.parts.push(g);
    else g.owner.parts = [g];
  }
  for (const f of figures) {
    let first = f.q.start;
    let last = f.q.end;
    for (const g of f.parts ?? []) {
      first = Math.min(first, g.q.start);
      last = Math.max(last, g.q.end);
    }
    if (f.fromTo) {
      first = Math.min(first, f.fromTo.from.q.start);
      last = Math.max(last, f.fromTo.from.q.end);
    }
    const a0 = clauseStartOf(s, first);
    const b0 = clauseEndOf(s, Math.max(last, f.comparison?.end ?? 0));
    if (a0 === first - CLAUSE_WINDOW || b0 === Math.max(last, f.comparison?.end ?? 0) + CLAUSE_WINDOW)
      longClause ??= first;
    const [a, b] = trimSpan(s, a0, b0);
    f.quoteStart = a;
    f.quoteEnd = b;
  }
  if (longClause !== undefined)
    warn(
      warnings,
      "layout.long-clause",
      `a clause runs over ${CLAUSE_WINDOW} characters without punctuation (first at code point ${p.cp[longClause] ?? 0}): its quotes are cut there and the layout is doubtful`,
    );
  for (const f of figures) {
    if (f.kind !== "observation" && f.owner) {
      f.quoteStart = f.owner.quoteStart;
      f.quoteEnd = f.owner.quoteEnd;
    }
  }

  // Observations and indicators.
  const indicators = new Map<string, Indicator>();
  const observations: Observation[] = [];
  const quantities: ExtractedQuantity[] = [];
  const observationFigures = figures.filter((f) => f.kind === "observation" || f.kind === "baseline");
  // Observations first, then the baselines that take their observation's indicator.
  const ordered = [
    ...observationFigures.filter((f) => f.kind !== "baseline"),
    ...observationFigures.filter((f) => f.kind === "baseline"),
  ];
  for (const f of ordered) {
    const quote = originalSlice(p, f.quoteStart, f.quoteEnd);
    const headings = f.sections.map((x) => x.heading).join(" ");
    const raw = f.subject && f.rawSubject.includes(f.subject) ? f.rawSubject : "";
    const suggestions = suggestIndicators(f.subject, f.q.unit, quote, raw);
    const top = suggestions[0];
    const ownerIndicator = f.kind === "baseline" && f.owner ? f.owner.chosen?.indicator : undefined;
    const sibling = f.sibling?.chosen;
    const siblingFits =
      sibling && CATALOGUE_IDS.has(sibling.indicator) && fitsIndicator(sibling.indicator, f.q.unit)
        ? sibling.indicator
        : undefined;
    let indicator: string;
    if (ownerIndicator) {
      indicator = ownerIndicator;
    } else if (top && top.confidence >= ASSIGN_THRESHOLD) {
      indicator = top.id;
    } else if (siblingFits) {
      indicator = siblingFits;
      suggestions.unshift({ id: siblingFits, confidence: ASSIGN_THRESHOLD, keyword: "(listed with a figure of it)" });
    } else {
      const local = localIndicator(f.subject, f.q.unit, guessCategory(f.subject, headings, quote));
      if (!indicators.has(local.id)) indicators.set(local.id, local);
      indicator = local.id;
    }
    f.chosen = { indicator, suggestions };
  }
  const ids = new Set<string>();
  for (const f of observationFigures) {
    f.id = observationId(
      f.chosen?.indicator ?? "",
      f.period,
      f.role,
      `${originalSlice(p, f.quoteStart, f.quoteEnd)}|${f.q.printed}`,
      ids,
    );
  }
  for (const f of observationFigures) {
    const indicator = f.chosen?.indicator ?? "";
    const quote = originalSlice(p, f.quoteStart, f.quoteEnd);
    const o: Observation = {
      id: f.id,
      indicator: indicatorId(indicator),
      role: f.role,
      period: periodString(f.period),
      quantity: quantityOf(f.q),
      section: sectionPath(f.sections),
      source: { quote, offset: p.cp[f.quoteStart] ?? 0 },
    };
    if (f.subject) o.subject = f.subject;
    const c = f.comparison;
    if (c) {
      o.comparison = { direction: c.direction };
      if (c.baseline)
        o.comparison.baseline = {
          quantity: quantityOf(c.baseline.figure),
          period: periodString(c.baseline.period),
        };
      if (c.change) o.comparison.change = quantityOf(c.change);
      if (c.percent) o.comparison.percent = quantityOf(c.percent);
      if (c.points) o.comparison.points = quantityOf(c.points);
    } else if (f.fromTo) {
      o.comparison = {
        direction: f.fromTo.direction,
        baseline: { quantity: quantityOf(f.fromTo.from.q), period: periodString(f.fromTo.from.period) },
      };
    }
    observations.push(o);
  }
  for (const f of figures) {
    const owner = f.kind === "observation" || f.kind === "baseline" ? f : (f.owner as Figure);
    const ind = owner.chosen ?? { indicator: "", suggestions: [] };
    // Built field by field, not spread from quantityOf: a spread object literal this wide is slow
    // to create, and there is one per figure.
    const e = extractedQuantity(f.q);
    e.start = p.cp[f.q.start] ?? 0;
    e.end = p.cp[f.q.end] ?? 0;
    e.kind = f.kind;
    e.observation = owner.id;
    e.subject = f.subject;
    e.quote = originalSlice(p, f.quoteStart, f.quoteEnd);
    e.offset = p.cp[f.quoteStart] ?? 0;
    e.section = sectionPath(f.sections);
    e.period = f.period;
    e.role = f.role;
    e.indicator = ind.indicator;
    e.suggestions = f.kind === "observation" || f.kind === "baseline" ? ind.suggestions : [];
    quantities.push(e);
  }

  const relations = proposeRelations(
    s,
    figures.map((f) => ({
      id: f.kind === "observation" || f.kind === "baseline" ? f.id : undefined,
      start: f.q.start,
      end: f.q.end,
      quantity: quantityOf(f.q),
      subject: f.subject,
      role: f.role,
      period: f.period,
      indicator: f.chosen?.indicator ?? "",
      mode: modeAt(f.anchor ?? f.q.start),
      base: isBase(s, f.q),
    })),
  );
  const report = buildReport(text, p.chars, options, meta, ctx, [...indicators.values()], observations, warnings);
  report.relations = relations;
  return {
    report,
    text,
    quantities,
    sections: sections.map(({ startIndex: _s, headingEndIndex: _h, endIndex: _e, ...rest }) => rest),
    warnings,
    skipped,
  };
}

/**
 * An observation's id, from what it is rather than where it is: indicator, period, role and the
 * first 8 hex digits of the SHA-256 of its quote and printed figure (tax_revenue.2023-01_2023-05.
 * actual.1a2b3c4d). Editing one paragraph leaves every other id as it was. The same figure printed
 * twice in one quote gets -2, -3… in text order.
 */
/**
 * The suffix to try first for each base, per set of ids: a figure printed many times over would
 * otherwise probe base-2, base-3, … anew each time (quadratic). A set only grows, so every suffix
 * below the remembered one is still taken and the id found is the same.
 */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

export function observationId(
  indicator: string,
  period: string,
  role: Role,
  content: string,
  taken: Set<string>,
): string {
  const base = `${indicator || "unassigned"}.${period.replace(/[^A-Za-z0-9._-]/g, "_")}.${role}.${sha256HexSync(content).slice(0, 8)}`;
  let next = nextSuffix.get(taken);
  if (!next) {
    next = new Map();
    nextSuffix.set(taken, next);
  }
  let id = base;
  if (taken.has(id)) {
    let k = next.get(base) ?? 2;
    while (taken.has(`${base}-${k}`)) k++;
    id = `${base}-${k}`;
    next.set(base, k + 1);
  }
  taken.add(id);
  return id;
}

function quantityOf(q: ParsedQuantity): Quantity {
  const out: Quantity = {
    value: q.value,
    unit: q.unit,
    decimals: q.decimals,
    qualifier: q.qualifier,
    printed: q.printed,
  };
  if (q.max !== undefined) out.max = q.max;
  return out;
}

/** A quantity's fields in quantityOf's order (max after printed when there is one), the rest to be filled. */
function extractedQuantity(q: ParsedQuantity): ExtractedQuantity {
  const e = {
    value: q.value,
    unit: q.unit,
    decimals: q.decimals,
    qualifier: q.qualifier,
    printed: q.printed,
  } as ExtractedQuantity;
  if (q.max !== undefined) e.max = q.max;
  return e;
}

function sectionPath(secs: readonly IndexedSection[]): string[] {
  return secs.map((x) => x.heading);
}

function previousOf(period: string): string {
  const y = /^(\d{4})/.exec(period);
  return y ? String(Number(y[1]) - 1) : period;
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

function roleOf(s: string, f: Figure, mode: SectionMode): Role {
  if (mode === "glossary") return "plan";
  if (mode !== "plan") return "actual";
  if (f.q.qualifier === "at_least" || f.q.qualifier === "at_most") return "target";
  const hs = halfStartOf(s, f.q.start);
  const before = s.slice(hs, f.q.start);
  const near = s.slice(clauseStartOf(s, f.q.start), f.q.start).replace(/[\s\u3000]/g, "");
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

function buildReport(
  text: string,
  /** Code points in `text`, counted once by prepare (a spread of a 20 MB text into characters is 7 million strings). */
  chars: number,
  options: ExtractOptions,
  meta: ReturnType<typeof readMeta>,
  ctx: YearContext,
  indicators: Indicator[],
  observations: Observation[],
  warnings: ExtractWarning[],
): Report {
  const sha256 = options.sha256 ?? sha256HexSync(text);
  let jurisdiction = options.jurisdiction;
  if (!jurisdiction) {
    const zh = meta.jurisdiction ?? "未知";
    if (!meta.jurisdiction)
      warn(
        warnings,
        "meta.jurisdiction-missing",
        "jurisdiction not found in the opening lines: recorded as 未知; pass options.jurisdiction",
      );
    else {
      if (meta.jurisdictionFromSourceLine)
        warn(
          warnings,
          "meta.jurisdiction-from-source-line",
          `jurisdiction read as ${zh} from the # source: line (the opening lines name no place; the text prints the name several times); pass options.jurisdiction`,
        );
      warn(
        warnings,
        "meta.jurisdiction-english",
        `jurisdiction read as ${zh} (${meta.level ?? levelOf(zh)}); its English name is left as the Chinese`,
      );
    }
    jurisdiction = { name: { zh, en: zh }, level: meta.level ?? levelOf(zh) };
  }
  const titleZh =
    typeof options.title === "string"
      ? options.title
      : (options.title?.zh ??
        (meta.title && meta.title !== "政府工作报告" ? meta.title : `${jurisdiction.name.zh}政府工作报告`));
  const titleEn =
    typeof options.title === "object"
      ? options.title.en
      : `${jurisdiction.name.en} government work report, ${ctx.year}`;
  const report: Report = {
    id: options.id ?? `draft-${sha256.slice(0, 12)}`,
    title: { zh: titleZh || "政府工作报告", en: titleEn },
    jurisdiction: { ...jurisdiction, parents: [] },
    source: { sha256, chars },
    period: periodString(options.reportPeriod ?? ctx.reviewPeriod),
    units: [],
    indicators,
    observations,
    relations: [],
    acknowledged: [],
  };
  if (options.sourceFile) report.source.file = options.sourceFile;
  if (meta.delivered) report.delivered = meta.delivered;
  if (meta.sessionBody) {
    report.session = { body: { zh: meta.sessionBody, en: meta.sessionBody } };
    if (meta.term) report.session.term = meta.term;
    if (meta.meeting) report.session.meeting = meta.meeting;
  }
  if (meta.speaker) report.speaker = { zh: meta.speaker };
  return report;
}

/** Options are the caller's, not the text's: a bad one is a programming error and throws. */
function checkOptions(o: ExtractOptions): void {
  if (o.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(o.sha256))
    throw new TypeError(`options.sha256 must be 64 lower-case hex digits, got "${o.sha256}"`);
  if (o.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(o.id))
    throw new TypeError(`options.id must be letters, digits, '.', '_' or '-', got "${o.id}"`);
  if (o.year !== undefined && !(Number.isInteger(o.year) && o.year >= 1900 && o.year <= 2100))
    throw new TypeError(`options.year must be a whole year between 1900 and 2100, got ${o.year}`);
  if (o.reportPeriod !== undefined) {
    try {
      parsePeriod(o.reportPeriod);
    } catch (e) {
      throw new TypeError(`options.reportPeriod: ${(e as Error).message}`);
    }
  }
}

const CATALOGUE_IDS = new Set<string>(CATALOGUE.map((i) => i.id));

/** Whether a figure in `unit` can be an observation of catalogue indicator `id`. */
function fitsIndicator(id: string, unit: string): boolean {
  const ind = CATALOGUE.find((i) => i.id === id);
  const u = resolveUnit(unit);
  if (!ind || !u || ind.dimension !== u.dimension) return false;
  const iu = ind.unit ? resolveUnit(ind.unit) : undefined;
  return u.dimension !== "count" || !iu || iu.base === u.base;
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
