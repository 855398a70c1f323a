import type { ExtractWarning } from "../src/codes.js";
import type { Figure, Reading } from "../src/stages/figure.js";
import { readFigures } from "../src/stages/figures.js";
import { repairLayout } from "../src/stages/layout.js";
import { readContext } from "../src/stages/meta.js";
import { readPeriods } from "../src/stages/periods.js";
import { readSections } from "../src/stages/sections.js";

/** The stages up to `figures` on a made-up text: what the figure stages read, and the figures. */
export function upToFigures(
  text: string,
  options: { year?: number } = {},
): { reading: Reading; figures: Figure[]; warnings: ExtractWarning[] } {
  const warnings: ExtractWarning[] = [];
  const laid = repairLayout(text, warnings);
  const structure = readSections(laid);
  const periods = readPeriods(laid, structure, readContext(laid, structure, options, warnings));
  return { reading: { laid, structure, periods }, figures: readFigures(laid, structure).figures, warnings };
}

/** A figure by what is printed (the first so printed). */
export function printed(figures: readonly Figure[], p: string): Figure {
  const f = figures.find((x) => x.q.printed === p);
  if (!f) throw new Error(`no figure printed ${p}`);
  return f;
}
