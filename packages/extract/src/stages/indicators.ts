import { CATALOGUE, type Indicator, resolveUnit } from "@govreport/schema";
import {
  ASSIGN_THRESHOLD,
  guessCategory,
  levelOfRate,
  localIndicator,
  localName,
  type PlacedFigure,
  rateIndicator,
  suggestIndicators,
} from "../indicators.js";
import { originalSlice } from "../text.js";
import type { Figure, Reading } from "./figure.js";

/** What the indicators stage hands on: the figures that are observations, in order, and the report-local indicators made for them. */
export interface Indicators {
  /** The observations and baselines, in text order (the figures that become observations). */
  observationFigures: Figure[];
  /** Indicators made for subjects the catalogue has no good fit for, in order of first use. */
  local: Indicator[];
}

/**
 * Stage `indicators`: the indicator each observation measures (indicators.ts). The catalogue's best
 * suggestion for its subject and unit when confident enough, else that of the figure it is listed
 * with, else a report-local indicator; a baseline takes its observation's, and a rate printed with
 * its level (`levelOfRate`) is named by the level. Sets `chosen`.
 */
export function chooseIndicators(figures: Figure[], { laid }: Reading): Indicators {
  const { p, s } = laid;
  const indicators = new Map<string, Indicator>();
  const observationFigures = figures.filter((f) => f.kind === "observation" || f.kind === "baseline");
  // Levels first, then the rates printed with a level (named by its indicator), then the
  // baselines that take their observation's indicator.
  const rateOf = new Map<Figure, Figure>();
  const placed = (x: Figure | undefined) =>
    x?.kind === "observation" ? { subject: x.subject, unit: x.q.unit, start: x.q.start, end: x.q.end, x } : undefined;
  figures.forEach((f, k) => {
    if (f.kind !== "observation") return;
    const level = levelOfRate(s, placed(f) as PlacedFigure, placed(figures[k - 1]), placed(figures[k + 1]));
    if (level) rateOf.set(f, (level as PlacedFigure & { x: Figure }).x);
  });
  const ordered = [
    ...observationFigures.filter((f) => f.kind !== "baseline" && !rateOf.has(f)),
    ...observationFigures.filter((f) => rateOf.has(f)),
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
    const level = rateOf.get(f);
    const ofLevel = level?.chosen && rateIndicator(level.chosen.indicator, f.q.unit);
    let indicator: string;
    if (ownerIndicator) {
      indicator = ownerIndicator;
    } else if (ofLevel) {
      indicator = ofLevel;
    } else if (top && top.confidence >= ASSIGN_THRESHOLD) {
      indicator = top.id;
    } else if (siblingFits) {
      indicator = siblingFits;
      suggestions.unshift({ id: siblingFits, confidence: ASSIGN_THRESHOLD, keyword: "(listed with a figure of it)" });
    } else {
      // A rate of a report-local level is named by the level (研发经费投入超105亿元、增速超10%).
      const subject = level?.subject ? `${localName(level.subject)}增长` : f.subject;
      const local = localIndicator(subject, f.q.unit, guessCategory(subject, headings, quote), quote);
      if (!indicators.has(local.id)) indicators.set(local.id, local);
      indicator = local.id;
    }
    f.chosen = { indicator, suggestions };
  }
  return { observationFigures, local: [...indicators.values()] };
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
