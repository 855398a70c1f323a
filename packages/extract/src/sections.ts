import { normalizeSourceText } from "@govreport/schema";
import { originalSlice, type Prepared, prepare, SPACE } from "./text.js";

/** The level of a heading: `第一部分` part, `一、` chapter, `(一)` section, a glossary (名词解释) or one of its entries. */
export type SectionKind = "part" | "chapter" | "section" | "glossary" | "entry";

/**
 * What a part of the report does: review the past period (figures are actuals), plan the next
 * (figures are plans or targets), or explain terms (the glossary, whose figures are definitions).
 */
export type SectionMode = "review" | "plan" | "glossary";

/** A heading found in the text and the span it governs, in code points, with its mode (review or plan). */
export interface Section {
  kind: SectionKind;
  /** 0 for parts, 1 for chapters and the glossary, 2 for sections and glossary entries. */
  level: number;
  /** The marker as printed: 第一部分, 一、, (一), 1、 */
  label: string;
  /** The heading as printed, marker included: "(一)招商安商稳商氛围浓厚" */
  heading: string;
  /** Code-point offsets into the text given: the heading starts at `start`; the section runs to `end`. */
  start: number;
  headingEnd: number;
  end: number;
  mode: SectionMode;
}

/** A section with UTF-16 indices as well, for the extractor's own use. */
export interface IndexedSection extends Section {
  startIndex: number;
  headingEndIndex: number;
  endIndex: number;
}

const CN = "[一二三四五六七八九十]+";
const PART = new RegExp(`^第${CN}部分`);
const CHAPTER = new RegExp(`^${CN}、`);
const SECTION = new RegExp(`^[（(]${CN}[）)]`);
const GLOSSARY = /名词解释|名词注释|名词解读|注释[:：]?$/;
const ENTRY = /^\d{1,3}(?:、|[.．](?!\d))/;

const REVIEW_WORDS = /回顾|工作情况|过去|成绩|成就|成效|进展|总结|完成情况/;
const PLAN_WORDS = /安排|任务|目标|重点工作|主要工作|打算|计划|思路|部署|展望|建议|要求/;

/**
 * A part heading with no number: a short line of its own, without punctuation, that opens with the
 * period it covers and says what the part does (2022年政府工作回顾, 2023年主要工作). News digests of a
 * report print their parts so.
 */
const BARE_PART = /^(?:\d{4}年|今年|去年|过去|明年|今后|“?十[一二三四五六七八九]五”?)/;
const MAX_BARE_PART = 30;
/**
 * The sentence that opens the plan of an annual report (今年政府工作的总体要求是:, 经济社会发展的主要预期
 * 目标是:). Met while the text is still read as a review (a digest with no part headings, or a
 * part heading lost), it starts an implicit plan part there.
 */
const PLAN_LEAD = /^(?:今年|\d{4}年)?(?:政府工作的?总体要求|经济社会发展(?:的)?主要预期目标)(?:是|为)?[:：]/;

/** Whether a section is an implicit plan part opened by a plan's lead sentence (it has no heading of its own). */
export const isPlanLead = (sec: Pick<Section, "kind" | "label" | "heading">): boolean =>
  sec.kind === "part" && sec.label === "" && PLAN_LEAD.test(`${sec.heading}:`);

/**
 * A line this long is paragraphs run together (a copy that lost its line breaks): headings are then
 * looked for inside it too, after a sentence end. Real paragraphs of these reports are far shorter.
 */
export const JOINED_LINE = 3000;
const INLINE_HEADING =
  /[。！？；!?;][\s\u3000]*(?=第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|(?:今年|\d{4}年)?(?:政府工作的?总体要求|经济社会发展(?:的)?主要预期目标)(?:是|为)?[:：])/g;

/** The longest line of `s`, when it is longer than JOINED_LINE (the paragraphs look joined), else undefined. */
export function joinedLine(s: string): number | undefined {
  let longest = 0;
  for (let pos = 0; pos <= s.length; ) {
    const nl = s.indexOf("\n", pos);
    const end = nl < 0 ? s.length : nl;
    longest = Math.max(longest, end - pos);
    pos = end + 1;
  }
  return longest > JOINED_LINE ? longest : undefined;
}

/**
 * The paragraphs of `s` as [start, end) index pairs: its lines, and when a line is longer than
 * JOINED_LINE, also the pieces of it that start with a heading marker after a sentence end.
 */
function paragraphs(s: string): [number, number][] {
  const out: [number, number][] = [];
  for (let pos = 0; pos <= s.length; ) {
    const nl = s.indexOf("\n", pos);
    const end = nl < 0 ? s.length : nl;
    let from = pos;
    if (end - pos > JOINED_LINE) {
      for (const m of s.slice(pos, end).matchAll(INLINE_HEADING)) {
        const cut = pos + m.index + m[0].length;
        out.push([from, cut]);
        from = cut;
      }
    }
    out.push([from, end]);
    pos = end + 1;
  }
  return out;
}

/** A heading line is short; a long line starting with 一、 is body text that happens to. */
const MAX_HEADING = 80;

function headingText(line: string): string {
  const stop = line.search(/[。]/);
  const text = stop >= 0 ? line.slice(0, stop) : line;
  return text.length > MAX_HEADING ? text.slice(0, MAX_HEADING) : text;
}

function modeOf(heading: string): SectionMode | undefined {
  if (REVIEW_WORDS.test(heading)) return "review";
  if (PLAN_WORDS.test(heading)) return "plan";
  return undefined;
}

/**
 * Finds the headings of a report: parts (第一部分), chapters (一、), sections ((一), （一）, at
 * the start of a paragraph, up to the first 。) and a numbered glossary (名词解释, then 1、 2、 …).
 * Each section runs until the next heading of the same or a higher level.
 */
export function indexSections(p: Prepared): IndexedSection[] {
  const s = p.scan;
  const out: IndexedSection[] = [];
  let inGlossary = false;
  let lastTopMode: SectionMode = "review";
  let partMode: SectionMode | undefined;
  /** The last part, chapter or glossary: a section's parent. */
  let parent: IndexedSection | undefined;
  for (const [pos, end] of paragraphs(s)) {
    let a = pos;
    while (a < end && SPACE.test(s[a] ?? "")) a++;
    const line = s.slice(a, end).replace(/\s+$/, "");
    let found = classify(line, inGlossary);
    const planLead: RegExpExecArray | null =
      !found && (parent?.mode ?? partMode ?? lastTopMode) === "review" ? PLAN_LEAD.exec(line) : null;
    if (planLead) found = { kind: "part", level: 0, label: "" };
    if (found) {
      const heading: string = planLead
        ? planLead[0].replace(/[:：]$/, "")
        : found.kind === "glossary"
          ? line
          : found.kind === "entry"
            ? line.split(/[:：]/)[0] || line
            : headingText(line);
      const trimmedHeading = originalSlice(p, a, a + heading.length);
      let mode: SectionMode;
      if (found.kind === "glossary") {
        inGlossary = true;
        mode = "glossary";
      } else if (found.kind === "entry") {
        mode = "glossary";
      } else if (found.kind === "part") {
        partMode = planLead ? "plan" : (modeOf(heading) ?? lastTopMode);
        mode = partMode;
        lastTopMode = mode;
      } else if (found.kind === "chapter") {
        mode = modeOf(heading) ?? partMode ?? lastTopMode;
        if (partMode === undefined) lastTopMode = mode;
      } else {
        mode = parent?.mode ?? lastTopMode;
      }
      out.push({
        kind: found.kind,
        level: found.level,
        label: found.label,
        heading: trimmedHeading,
        start: 0,
        headingEnd: 0,
        end: 0,
        mode,
        startIndex: a,
        headingEndIndex: a + heading.length,
        endIndex: s.length,
      });
      const added = out[out.length - 1] as IndexedSection;
      if (added.level < 2) parent = added;
    }
  }
  // Each section ends where the next one of its level or higher starts: one pass from the end,
  // keeping for each level the start of the nearest later heading at that level or above.
  const nextAtOrAbove = [s.length, s.length, s.length];
  for (let i = out.length - 1; i >= 0; i--) {
    const sec = out[i] as IndexedSection;
    sec.endIndex = nextAtOrAbove[sec.level] ?? s.length;
    for (let l = sec.level; l < nextAtOrAbove.length; l++) nextAtOrAbove[l] = sec.startIndex;
  }
  for (const sec of out) {
    sec.start = p.cp[sec.startIndex] ?? 0;
    sec.headingEnd = p.cp[sec.headingEndIndex] ?? 0;
    sec.end = p.cp[sec.endIndex] ?? 0;
  }
  return out;
}

function classify(line: string, inGlossary: boolean): { kind: SectionKind; level: number; label: string } | undefined {
  if (line.length === 0) return undefined;
  let m: RegExpExecArray | null;
  if ((m = PART.exec(line))) return { kind: "part", level: 0, label: m[0] };
  if (line.length <= 40 && GLOSSARY.test(line)) return { kind: "glossary", level: 1, label: line };
  if (inGlossary && (m = ENTRY.exec(line))) return { kind: "entry", level: 2, label: m[0] };
  if ((m = CHAPTER.exec(line))) return { kind: "chapter", level: 1, label: m[0] };
  if ((m = SECTION.exec(line))) return { kind: "section", level: 2, label: m[0].replace("（", "(").replace("）", ")") };
  if (line.length <= MAX_BARE_PART && BARE_PART.test(line) && !/[。，,；;：:！!？?、]/.test(line) && modeOf(line))
    return { kind: "part", level: 0, label: "" };
  return undefined;
}

/** The sections of a report text, with code-point offsets into the normalised text (`normalizeSourceText`). */
export function splitSections(text: string): Section[] {
  return indexSections(prepare(normalizeSourceText(text))).map(
    ({ startIndex: _s, headingEndIndex: _h, endIndex: _e, ...rest }) => rest,
  );
}

/** The sections enclosing a UTF-16 index, outermost first. */
export function sectionsAt(sections: readonly IndexedSection[], index: number): IndexedSection[] {
  return sections.filter((x) => x.startIndex <= index && index < x.endIndex).sort((a, b) => a.level - b.level);
}

/**
 * `sectionsAt` in O(log n) a lookup: sections of one level do not overlap (each ends where the next
 * of its level or above starts), so at most one per level encloses an index, the last of that level
 * starting at or before it.
 */
export function sectionLookup(sections: readonly IndexedSection[]): (index: number) => IndexedSection[] {
  const levels: IndexedSection[][] = [];
  for (const sec of sections) (levels[sec.level] ??= []).push(sec);
  return (index) => {
    const out: IndexedSection[] = [];
    for (const list of levels) {
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as IndexedSection).startIndex <= index) lo = mid + 1;
        else hi = mid;
      }
      const sec = list[lo - 1];
      if (sec && index < sec.endIndex) out.push(sec);
    }
    return out;
  };
}
