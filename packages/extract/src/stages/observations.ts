import {
  indicatorId,
  type Observation,
  type ParsedQuantity,
  periodString,
  type Qualifier,
  type Quantity,
  type Role,
} from "@govreport/schema";
import type { IndicatorSuggestion } from "../indicators.js";
import type { IndexedSection } from "../sections.js";
import { sha256HexSync } from "../sha256.js";
import { originalEnd, originalSlice } from "../text.js";
import type { Figure, FigureKind, Reading } from "./figure.js";

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

/** What the observations stage hands on: the report's observations and every figure as the caller sees it. */
export interface Observed {
  observations: Observation[];
  quantities: ExtractedQuantity[];
}

/**
 * Stage `observations`: the figures → the report's observations (one per observation or baseline
 * figure, with its comparison, quote and offset in code points) and the `ExtractedQuantity` of every
 * figure. Ids come from content (`observationId`), so editing one paragraph renumbers nothing else.
 */
export function observe(figures: Figure[], observationFigures: Figure[], { laid }: Reading): Observed {
  const { p } = laid;
  const observations: Observation[] = [];
  const quantities: ExtractedQuantity[] = [];
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
    e.end = originalEnd(p, f.q.start, f.q.end);
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

  return { observations, quantities };
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

export function quantityOf(q: ParsedQuantity): Quantity {
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
