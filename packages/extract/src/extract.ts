import {
  CATALOGUE,
  findQuantities,
  type Indicator,
  indicatorId,
  type JurisdictionLevel,
  type Localized,
  normalizeSourceText,
  type Observation,
  type ParsedQuantity,
  parsePeriod,
  periodString,
  type Qualifier,
  type Quantity,
  type Report,
  type Role,
  resolveUnit,
  sourceTextChanges,
} from "@govreport/schema";
import { type ExtractWarning, type SkipCode, warn } from "./codes.js";
import { type ReadComparison, readComparison, readFromTo } from "./comparisons.js";
import { nonFact, type SkipReason } from "./filters.js";
import {
  ASSIGN_THRESHOLD,
  guessCategory,
  type IndicatorSuggestion,
  localIndicator,
  suggestIndicators,
} from "./indicators.js";
import { inferYears, levelOf, readMeta } from "./meta.js";
import { findPeriodMarkers, firstMarkerFrom, markersIn, type PeriodMarker, type YearContext } from "./periods.js";
import { proposeRelations } from "./relations.js";
import { figureRuns, jointSubject, respectiveSubjects } from "./respectively.js";
import {
  type IndexedSection,
  indexSections,
  isPlanLead,
  JOINED_LINE,
  joinedLine,
  type Section,
  type SectionMode,
  sectionLookup,
} from "./sections.js";
import { sha256HexSync } from "./sha256.js";
import { subjectAfter, subjectBefore } from "./subject.js";
import { clauseEnd, clauseStart, lineEnd, lineStart, originalSlice, prepare, trimSpan } from "./text.js";

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

/** What a figure is in the draft: an observation, or one part of an observation's comparison. */
export type FigureKind = "observation" | "baseline" | "change" | "percent" | "points";

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

/** A number that looks like a figure but was judged not to be a fact. */
export interface SkippedFigure {
  /** The number as printed. */
  printed: string;
  /** Where it starts, in code points into the normalised text. */
  start: number;
  /** Why it was skipped, as a stable code. */
  code: SkipCode;
  /** Why it was skipped, in words (with the name it is part of, for `figure.skipped.in-name`). */
  reason: string;
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

interface Figure {
  q: ParsedQuantity;
  kind: FigureKind;
  owner?: Figure;
  comparison?: ReadComparison;
  fromTo?: { from: Figure; direction: "increase" | "decrease"; fromYear?: number; toYear?: number };
  subject: string;
  period: string;
  role: Role;
  sections: IndexedSection[];
  quoteStart: number;
  quoteEnd: number;
  id: string;
  /** The words before the figure as printed, lead-in words kept (共成功调解). */
  rawSubject: string;
  /** A figure this one is a part of or listed with (其中…, (A 2506家、B 2212家), X、Y): it may share its indicator. */
  sibling?: Figure;
  /** For a figure in the glossary: where the term it explains is used (its footnote marker). */
  anchor?: number;
  /** The figures this one owns (its comparison's parts), in text order. */
  parts?: Figure[];
  /** Its indicator and the catalogue suggestions, once chosen (observations and baselines). */
  chosen?: { indicator: string; suggestions: IndicatorSuggestion[] };
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
  // Offsets, quotes, chars and the sha256 are all over the normalised text (the schema's contract).
  const text = normalizeSourceText(input);
  const changed = sourceTextChanges(input);
  if (changed.bom || changed.crlf || changed.cr)
    warn(
      warnings,
      "text.normalised",
      `source text normalised (${[changed.bom ? "BOM removed" : "", changed.crlf ? `${changed.crlf} CRLF` : "", changed.cr ? `${changed.cr} lone CR` : ""].filter(Boolean).join(", ")} → LF): offsets and the sha256 refer to the normalised text`,
    );
  const skipped: SkippedFigure[] = [];
  const p = prepare(text);
  const s = p.scan;
  if (p.wrap)
    warn(
      warnings,
      "layout.hard-wrap",
      `the text looks hard-wrapped at ${p.wrap.width} characters: ${p.wrap.joined} line breaks inside paragraphs were joined before reading (quotes keep them); the layout is doubtful, check figures near line ends`,
    );
  const bodyStart = s.startsWith("#") ? Math.min(s.length, lineEnd(s, 0) + 1) : 0;
  const sections = indexSections(p);
  const joined = joinedLine(s);
  if (joined !== undefined)
    warn(
      warnings,
      "layout.joined-lines",
      `the text has a line of ${joined} characters: paragraphs look joined, so headings were also looked for inside lines (after a sentence end); the layout is doubtful, check sections, roles and periods`,
    );
  const sectionsAt = sectionLookup(sections);
  const meta = readMeta(s, bodyStart);
  const ctx = inferYears(s, bodyStart, meta, sections, options, warnings);
  const modeAt = (i: number): SectionMode => {
    const secs = sectionsAt(i);
    return secs[secs.length - 1]?.mode ?? "review";
  };
  const markers = findPeriodMarkers(s, ctx, modeAt);
  const intros = introPeriods(s, sections, markers);

  // Figures that are facts.
  const found: ParsedQuantity[] = [];
  for (const raw of findQuantities(s)) {
    const q = { ...raw, printed: originalSlice(p, raw.start, raw.end) };
    const why: SkipReason | undefined =
      q.start < bodyStart
        ? { code: "figure.skipped.comment-line", reason: "source comment line" }
        : !Number.isFinite(q.value) || (q.max !== undefined && !Number.isFinite(q.max))
          ? { code: "figure.skipped.out-of-range", reason: "number out of range" }
          : nonFact(s, q);
    if (why) skipped.push({ printed: q.printed, start: p.cp[q.start] ?? 0, ...why });
    else found.push(q);
  }

  // Comparisons: which figures qualify another.
  const figures: Figure[] = found.map((q) => ({
    q,
    kind: "observation",
    subject: "",
    rawSubject: "",
    period: "",
    role: "actual",
    sections: sectionsAt(q.start),
    quoteStart: q.start,
    quoteEnd: q.end,
    id: "",
  }));
  const byStart = new Map<number, Figure>();
  for (const f of figures) byStart.set(f.q.start, f);
  const anchors = new Map<IndexedSection, number | undefined>();
  let marks: Map<string, number> | undefined;
  const glossaryStart = sections.find((x) => x.kind === "glossary")?.startIndex;
  for (const f of figures) {
    const entry = f.sections.find((x) => x.kind === "entry");
    if (!entry) continue;
    marks ??= firstMarks(s);
    if (!anchors.has(entry)) anchors.set(entry, footnoteAnchor(entry, glossaryStart, marks));
    f.anchor = anchors.get(entry);
  }
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
    const period = figurePeriod(s, f.q.start, markers, sectionsAt, ctx, modeAt, intros);
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
    f.period =
      f.anchor !== undefined
        ? figurePeriod(s, f.anchor, markers, sectionsAt, ctx, modeAt, intros)
        : figurePeriod(s, f.q.start, markers, sectionsAt, ctx, modeAt, intros);
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

const SENTENCE = /[。!！?？\n]/;
/**
 * Sentence-wide work looks at most this far from a figure, and a quote at most CLAUSE_WINDOW: a text
 * without 。 or commas (a 200 KB run of 增长1.5%) would otherwise make every figure's work the whole
 * text, and extraction quadratic. Real sentences and clauses are far shorter.
 */
const WINDOW = 1000;
const CLAUSE_WINDOW = 300;
function sentenceStartOf(s: string, at: number): number {
  return clauseStart(s, at, Math.max(0, at - WINDOW), SENTENCE);
}
function sentenceEndOf(s: string, at: number): number {
  return clauseEnd(s, at, Math.min(s.length, at + WINDOW), SENTENCE);
}
function halfStartOf(s: string, at: number): number {
  return clauseStart(s, at, Math.max(0, at - WINDOW), HALF);
}
function clauseStartOf(s: string, at: number): number {
  return clauseStart(s, at, Math.max(0, at - CLAUSE_WINDOW));
}
function clauseEndOf(s: string, at: number): number {
  return clauseEnd(s, at, Math.min(s.length, at + CLAUSE_WINDOW));
}
const COLON = /[:：]/;
/** A run of the sentence between semicolons: the scope of 力争, 确保, 目标. */
const HALF = /[;；。!！?？\n]/;

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

/**
 * The period of the figure at `at`: the nearest period phrase before it in its sentence, else
 * one leading its paragraph, else one in the nearest heading, else the part's own period.
 */
function figurePeriod(
  s: string,
  at: number,
  markers: readonly PeriodMarker[],
  sectionsAt: (index: number) => IndexedSection[],
  ctx: YearContext,
  modeAt: (i: number) => SectionMode,
  intros: ReadonlyMap<IndexedSection, string> = new Map(),
): string {
  const own = (m: PeriodMarker) => !m.reference && m.period !== "";
  // A phrase holds until the next semicolon; one leading the sentence (1-5月,…) holds to its end.
  const hs = halfStartOf(s, at);
  const last = markersIn(markers, hs, at).filter(own).pop();
  if (last) return last.period;
  // A phrase that opens the sentence (1-5月,… / 2015年城镇居民… / 经济形势稳中向好:上半年,…) holds for all of it.
  const ss = sentenceStartOf(s, at);
  const startsAt = (from: number) => {
    const m = markers[firstMarkerFrom(markers, from)];
    return m && m.index === from && m.end <= at && own(m) ? m : undefined;
  };
  // The first colon from an index of them, not a search of up to WINDOW characters per figure.
  const colonAt = clauseEnd(s, ss, at, COLON);
  const colon = colonAt < at ? colonAt - ss : -1;
  const sentenceLead =
    startsAt(trimSpan(s, ss, at)[0]) ?? (colon >= 0 ? startsAt(trimSpan(s, ss + colon + 1, at)[0]) : undefined);
  if (sentenceLead) return sentenceLead.period;
  // One set off by a comma early in the paragraph's first sentence (五年来, / 刚刚过去的2015年,) holds for the paragraph.
  const ls = lineStart(s, at);
  if (ls < ss) {
    const para = paragraphLead(s, ls, markers);
    if (para !== undefined) return para;
  }
  const secs = sectionsAt(at).reverse();
  let child: IndexedSection | undefined;
  for (const sec of secs) {
    // 刚刚过去的2015年,… right before (一)…(四): the paragraph that introduces a chapter's sections
    // gives its period to those sections (the chapter's own heading may cover more: 十二五时期和2015年).
    const intro = child && child.level > sec.level ? intros.get(sec) : undefined;
    if (intro !== undefined) return intro;
    const h = markersIn(markers, sec.startIndex, sec.headingEndIndex).filter(own)[0];
    if (h) return h.period;
    child = sec;
  }
  return modeAt(at) === "plan" ? String(ctx.planYear) : ctx.reviewPeriod;
}

/** The period set off by a comma early in the first sentence of the paragraph starting at `ls` (五年来, / 刚刚过去的2015年,). */
function paragraphLead(s: string, ls: number, markers: readonly PeriodMarker[]): string | undefined {
  const first = sentenceEndOf(s, ls);
  return markersIn(markers, ls, Math.min(first, ls + 60)).find(
    (m) =>
      m.index <= ls + 30 &&
      m.end <= first &&
      !m.reference &&
      m.period !== "" &&
      /^(?:[,，]|以来)/.test(s.slice(m.end, m.end + 2)) &&
      !/[:：]/.test(s.slice(ls, m.index)),
  )?.period;
}

/** How many sentences back an intro is looked for when the paragraphs are joined (an intro paragraph is a few sentences). */
const INTRO_SENTENCES = 5;

/**
 * For each part or chapter whose sections are introduced by a paragraph opening with a period set
 * off by a comma (刚刚过去的2015年,… right before (一)), that period. The paragraph is the last
 * non-blank line before the first section of the next level inside it.
 */
function introPeriods(
  s: string,
  sections: readonly IndexedSection[],
  markers: readonly PeriodMarker[],
): Map<IndexedSection, string> {
  const out = new Map<IndexedSection, string>();
  const seen = new Set<IndexedSection>();
  // Sections come in text order and nest: the enclosing ones are a stack.
  const open: IndexedSection[] = [];
  for (const sec of sections) {
    for (let top = open.at(-1); top && (top.endIndex <= sec.startIndex || top.level >= sec.level); top = open.at(-1))
      open.pop();
    const parent = open.at(-1);
    open.push(sec);
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    let e = sec.startIndex;
    while (e > parent.headingEndIndex && /\s/.test(s[e - 1] ?? "")) e--;
    if (e <= parent.headingEndIndex) continue;
    let ls = lineStart(s, e - 1);
    // Paragraphs run together (a line over JOINED_LINE): the intro is looked for in the last few
    // sentences before the section instead (INTRO_SENTENCES), each read as if it opened a paragraph.
    if (lineEnd(s, ls) - ls > JOINED_LINE) {
      let lead: string | undefined;
      for (let k = 0, at = e - 1; k < INTRO_SENTENCES && at > parent.headingEndIndex && lead === undefined; k++) {
        ls = sentenceStartOf(s, at);
        lead = paragraphLead(s, ls, markers);
        at = ls - 1;
      }
      if (lead !== undefined) out.set(parent, lead);
      continue;
    }
    if (ls < parent.headingEndIndex) continue;
    const lead = paragraphLead(s, ls, markers);
    if (lead !== undefined) out.set(parent, lead);
  }
  return out;
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

/** A figure printed as the base of a target: 在2022年(30.20亿元)基础上, 在30亿元的基础上. */
function isBase(s: string, q: ParsedQuantity): boolean {
  return /^[)）]?(?:的)?基础上/.test(s.slice(q.end, q.end + 5));
}

/** ① … ⑳, ㉑ … ㉟, ㊱ … ㊿: the circled numbers that mark footnotes explained in a glossary. */
export function circled(n: number): string | undefined {
  if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
  return undefined;
}

/**
 * Where the body uses the term a glossary entry explains: its footnote marker (⑤ or [5]) before
 * the glossary. A figure in the entry takes its role and period from there: the 1+10+X plan
 * explained in entry 14 is part of the work planned where ⑭ is printed.
 */
function footnoteAnchor(
  entry: IndexedSection,
  glossaryStart: number | undefined,
  marks: ReadonlyMap<string, number>,
): number | undefined {
  const n = Number(/\d+/.exec(entry.label)?.[0]);
  const limit = glossaryStart ?? entry.startIndex;
  for (const mark of [circled(n), `[${n}]`, `【${n}】`, `〔${n}〕`]) {
    if (!mark) continue;
    const at = marks.get(mark);
    if (at !== undefined && at + mark.length <= limit) return at;
  }
  return undefined;
}

const FOOTNOTE_MARK = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|\[\d{1,3}\]|【\d{1,3}】|〔\d{1,3}〕/g;

/** Where each footnote mark (⑤, [5], 【5】, 〔5〕) is first printed: one scan of the text, not one per entry. */
function firstMarks(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of s.matchAll(FOOTNOTE_MARK)) if (!out.has(m[0])) out.set(m[0], m.index);
  return out;
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
