import type { ParsedQuantity } from "@govreport/schema";
import { chineseFacts } from "../chinese-counts.js";
import type { SkipCode } from "../codes.js";
import { nonFact, type SkipReason } from "../filters.js";
import type { IndexedSection } from "../sections.js";
import { originalSlice } from "../text.js";
import type { Figure } from "./figure.js";
import type { Laid } from "./layout.js";
import type { Structure } from "./sections.js";

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

/** What the figures stage hands on: the figures that are facts, in text order, and the numbers skipped. */
export interface Figures {
  figures: Figure[];
  skipped: SkippedFigure[];
}

/**
 * Stage `figures`: the scan text's printed quantities (the schema's `findQuantities`, found by the layout stage), less those
 * that are not facts (filters.ts `nonFact`: names, thresholds, rate standards…), each with `printed`
 * verbatim from the original, its sections and, in a glossary entry, the footnote marker that anchors it.
 * Every figure starts as an actual observation with no subject or period yet.
 */
export function readFigures(laid: Laid, structure: Structure): Figures {
  const { p, s, bodyStart } = laid;
  const { sections, sectionsAt } = structure;
  const skipped: SkippedFigure[] = [];
  const found: ParsedQuantity[] = [];
  for (const raw of withChineseFacts(laid.numbers, chineseFacts(s))) {
    const q = { ...raw, printed: originalSlice(p, raw.start, raw.end) };
    const why: SkipReason | undefined =
      q.start < bodyStart
        ? { code: "figure.skipped.comment-line", reason: "source comment line" }
        : !Number.isFinite(q.value) || (q.max !== undefined && !Number.isFinite(q.max))
          ? { code: "figure.skipped.out-of-range", reason: "number out of range" }
          : // Judged on the scan text (digits ASCII, wrapped lines joined), as every other rule reads it.
            nonFact(s, raw);
    if (why) skipped.push({ printed: q.printed, start: p.cp[q.start] ?? 0, ...why });
    else found.push(q);
  }

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
  return { figures, skipped };
}

/** The Arabic figures and the Chinese numerals that are facts, in text order (they never overlap). */
function withChineseFacts(arabic: readonly ParsedQuantity[], chinese: ParsedQuantity[]): readonly ParsedQuantity[] {
  if (chinese.length === 0) return arabic;
  return [...arabic, ...chinese.filter((c) => !arabic.some((a) => a.start < c.end && c.start < a.end))].sort(
    (a, b) => a.start - b.start,
  );
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
