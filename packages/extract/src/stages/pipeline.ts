/**
 * The extractor is a pipeline of named stages, run in this order by `extractReport` (extract.ts).
 * Each stage is a module of `stages/` with a typed input and output; the stages from `figures` on
 * hand on the list of figures (`Figure`), each filling in more of what is known about them.
 *
 * - `normalise`: the text as given → the normalised source text (no BOM, LF).
 * - `layout`: → the text to scan (hard-wrapped lines joined, full-width digits read, cut after the
 *   sentence of the 5,000th number), layout warnings.
 * - `sections`: → parts, chapters, sections and glossary, each a review, a plan or a glossary.
 * - `meta`: → title, date, congress, speaker, place, and the delivered, reviewed and planned years.
 * - `periods`: → the period phrases of the text and the period its context gives any place.
 * - `figures`: → the printed quantities that are facts (and the numbers skipped, with why).
 * - `comparisons`: → which figures qualify another (baseline, change, percent, points; 由A增加到B).
 * - `subjects`: → the phrase each figure measures, and the figure it is listed with.
 * - `respectively`: → 分别 and 均 lists share out their figures among their items.
 * - `roles`: → each figure's role (actual, target, plan, baseline) and period.
 * - `quotes`: → each figure's verbatim quote.
 * - `indicators`: → the indicator each observation measures (catalogue or report-local).
 * - `observations`: → the report's observations and every figure as the caller sees it.
 * - `relations`: → the relations the text states between observations.
 * - `report`: → the draft report (id, title, jurisdiction, source, period, session).
 */
export const STAGES = [
  "normalise",
  "layout",
  "sections",
  "meta",
  "periods",
  "figures",
  "comparisons",
  "subjects",
  "respectively",
  "roles",
  "quotes",
  "indicators",
  "observations",
  "relations",
  "report",
] as const;

export type StageName = (typeof STAGES)[number];
