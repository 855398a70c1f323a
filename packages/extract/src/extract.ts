import { type JurisdictionLevel, type Localized, parsePeriod, type Report } from "@govreport/schema";
import type { ExtractWarning } from "./codes.js";
import { MAX_CHARS, MAX_FIGURES } from "./read-limit.js";
import type { Section } from "./sections.js";
import { linkComparisons } from "./stages/comparisons.js";
import type { Figure, Reading } from "./stages/figure.js";
import { readFigures, type SkippedFigure } from "./stages/figures.js";
import { chooseIndicators } from "./stages/indicators.js";
import { repairLayout } from "./stages/layout.js";
import { readContext } from "./stages/meta.js";
import { normalise } from "./stages/normalise.js";
import { type ExtractedQuantity, observe } from "./stages/observations.js";
import { readPeriods } from "./stages/periods.js";
import type { StageName } from "./stages/pipeline.js";
import { quoteFigures } from "./stages/quotes.js";
import { relate } from "./stages/relations.js";
import { buildReport } from "./stages/report.js";
import { shareOut } from "./stages/respectively.js";
import { assignRoles } from "./stages/roles.js";
import { readSections } from "./stages/sections.js";
import { readSubjects } from "./stages/subjects.js";

export type { FigureKind } from "./stages/figure.js";
export type { SkippedFigure } from "./stages/figures.js";
export { type ExtractedQuantity, observationId } from "./stages/observations.js";

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
  /**
   * The most numbers read from the text (default {@link MAX_FIGURES}, 5,000; a real report prints
   * fewer than 2,000). Past them, reading stops at the end of the sentence and the warning
   * `text.read-in-part` says where: nothing after that point is in the draft.
   */
  maxFigures?: number;
  /**
   * The most characters (UTF-16 units) read from the text (default {@link MAX_CHARS}, 1,000,000;
   * a report is about 40,000). Past them, reading stops at a sentence end before the cap, with the
   * same warning.
   */
  maxChars?: number;
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

/**
 * Called after each stage that works on figures (from `figures` on) with the figures as they stand:
 * lets the evaluation score what each stage adds. The figures are the pipeline's own: read, never change them.
 */
export type StageObserver = (stage: StageName, figures: readonly Figure[], reading: Reading) => void;

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
  return runPipeline(input, options);
}

/** `extractReport`, stage by stage (see stages/pipeline.ts), telling `observer` what each figure stage made. */
export function runPipeline(input: string, options: ExtractOptions = {}, observer?: StageObserver): ExtractResult {
  checkOptions(options);
  const warnings: ExtractWarning[] = [];
  const text = normalise(input, warnings);
  const laid = repairLayout(text, warnings, options.maxFigures ?? MAX_FIGURES, options.maxChars ?? MAX_CHARS);
  const structure = readSections(laid);
  const context = readContext(laid, structure, options, warnings);
  const periods = readPeriods(laid, structure, context);
  const reading: Reading = { laid, structure, periods };
  const { figures, skipped } = readFigures(laid, structure);
  observer?.("figures", figures, reading);
  const figureStages = [
    ["comparisons", linkComparisons],
    ["subjects", readSubjects],
    ["respectively", shareOut],
    ["roles", assignRoles],
    ["quotes", (f: Figure[], r: Reading) => quoteFigures(f, r, warnings)],
  ] as const;
  for (const [name, stage] of figureStages) {
    stage(figures, reading);
    observer?.(name, figures, reading);
  }
  const { observationFigures, local } = chooseIndicators(figures, reading);
  observer?.("indicators", figures, reading);
  const { observations, quantities } = observe(figures, observationFigures, reading);
  const relations = relate(figures, reading);
  const report: Report = buildReport(
    text,
    laid.p.chars,
    options,
    context.meta,
    context.ctx,
    local,
    observations,
    warnings,
  );
  report.relations = relations;
  return {
    report,
    text,
    quantities,
    sections: structure.sections.map(({ startIndex: _s, headingEndIndex: _h, endIndex: _e, ...rest }) => rest),
    warnings,
    skipped,
  };
}

/** Options are the caller's, not the text's: a bad one is a programming error and throws. */
function checkOptions(o: ExtractOptions): void {
  if (o.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(o.sha256))
    throw new TypeError(`options.sha256 must be 64 lower-case hex digits, got "${o.sha256}"`);
  if (o.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(o.id))
    throw new TypeError(`options.id must be letters, digits, '.', '_' or '-', got "${o.id}"`);
  for (const key of ["maxFigures", "maxChars"] as const) {
    const n = o[key];
    if (n !== undefined && !(Number.isInteger(n) && n >= 1))
      throw new TypeError(`options.${key} must be a whole number of at least 1, got ${n}`);
  }
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
