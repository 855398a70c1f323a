import { findPeriodMarkers, firstMarkerFrom, markersIn, type PeriodMarker, type YearContext } from "../periods.js";
import { type IndexedSection, JOINED_LINE, type SectionMode } from "../sections.js";
import { COLON, halfStartOf, sentenceEndOf, sentenceStartOf } from "../spans.js";
import { clauseEnd, lineEnd, lineStart, trimSpan } from "../text.js";
import type { Laid } from "./layout.js";
import type { ReportContext } from "./meta.js";
import type { Structure } from "./sections.js";

/** What the periods stage hands on: the period phrases of the text and the period they give a figure. */
export interface Periods {
  markers: PeriodMarker[];
  /** The period a figure at a scan index takes from its context (before role-specific revisions). */
  periodAt: (at: number) => string;
}

/**
 * Stage `periods`: the scan text, its sections and year context → every period phrase (periods.ts
 * `findPeriodMarkers`: 1-5月, 上半年, 2015年, 五年来, 十四五时期…) and, for any index, the period
 * its context gives it (see `figurePeriod`).
 */
export function readPeriods(laid: Laid, structure: Structure, context: ReportContext): Periods {
  const { s } = laid;
  const { sections, sectionsAt, modeAt } = structure;
  const { ctx } = context;
  const markers = findPeriodMarkers(s, ctx, modeAt);
  const intros = introPeriods(s, sections, markers);
  return {
    markers,
    periodAt: (at) => figurePeriod(s, at, markers, sectionsAt, ctx, modeAt, intros),
  };
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
