import type { ParsedQuantity, Role } from "@govreport/schema";
import type { ReadComparison } from "../comparisons.js";
import type { IndicatorSuggestion } from "../indicators.js";
import type { IndexedSection } from "../sections.js";
import type { Laid } from "./layout.js";
import type { Periods } from "./periods.js";
import type { Structure } from "./sections.js";

/** What a figure is in the draft: an observation, or one part of an observation's comparison. */
export type FigureKind = "observation" | "baseline" | "change" | "percent" | "points";

/**
 * A figure as the pipeline carries it from stage to stage (in scan-text indices). The figures stage
 * makes it; each later stage fills or revises its fields: comparisons its kind, owner, comparison
 * and fromTo; subjects its subject, rawSubject and sibling; roles its role and period; quotes its
 * quote span; indicators `chosen`; observations its id.
 */
export interface Figure {
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

/** A figure printed as the base of a target: 在2022年(30.20亿元)基础上, 在30亿元的基础上. */
export function isBase(s: string, q: ParsedQuantity): boolean {
  return /^[)）]?(?:的)?基础上/.test(s.slice(q.end, q.end + 5));
}

/** What the stages from `comparisons` on read besides the figures: the scan text, its sections and periods. */
export interface Reading {
  laid: Laid;
  structure: Structure;
  periods: Periods;
}
