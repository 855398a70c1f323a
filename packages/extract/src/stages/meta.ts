import type { ExtractWarning } from "../codes.js";
import { inferYears, type Meta, readMeta } from "../meta.js";
import type { YearContext } from "../periods.js";
import type { Laid } from "./layout.js";
import type { Structure } from "./sections.js";

/** What the meta stage hands on: the report's identity and the years its relative phrases resolve against. */
export interface ReportContext {
  meta: Meta;
  ctx: YearContext;
}

/**
 * Stage `meta`: the opening lines and the sections → title, date, congress, speaker, place
 * (meta.ts `readMeta`) and the year context (`inferYears`: the delivered, reviewed and planned years).
 */
export function readContext(
  laid: Laid,
  structure: Structure,
  options: { year?: number; reportPeriod?: string },
  warnings: ExtractWarning[],
): ReportContext {
  const meta = readMeta(laid.s, laid.bodyStart);
  const ctx = inferYears(laid.s, laid.bodyStart, meta, structure.sections, options, warnings);
  return { meta, ctx };
}
