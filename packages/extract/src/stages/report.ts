import {
  type Indicator,
  type JurisdictionLevel,
  type Localized,
  type Observation,
  periodString,
  type Report,
} from "@govreport/schema";
import { type ExtractWarning, warn } from "../codes.js";
import { levelOf, type Meta } from "../meta.js";
import type { YearContext } from "../periods.js";
import { sha256HexSync } from "../sha256.js";

/** What the caller may know better than the text (a subset of ExtractOptions). */
export interface ReportOptions {
  id?: string;
  title?: string | Localized;
  sourceFile?: string;
  sha256?: string;
  reportPeriod?: string;
  jurisdiction?: { name: Localized; level: JurisdictionLevel };
}

/**
 * Stage `report`: the draft report around the observations: id, title, jurisdiction, source (sha256
 * and length), period, session and speaker, from the options first and the text's meta second (with
 * a warning for each guess).
 */
export function buildReport(
  text: string,
  /** Code points in `text`, counted once by prepare (a spread of a 20 MB text into characters is 7 million strings). */
  chars: number,
  options: ReportOptions,
  meta: Meta,
  ctx: YearContext,
  indicators: Indicator[],
  observations: Observation[],
  warnings: ExtractWarning[],
): Report {
  const sha256 = options.sha256 ?? sha256HexSync(text);
  let jurisdiction = options.jurisdiction;
  if (!jurisdiction) {
    const zh = meta.jurisdiction ?? "未知";
    if (!meta.jurisdiction)
      warn(
        warnings,
        "meta.jurisdiction-missing",
        "jurisdiction not found in the opening lines: recorded as 未知; pass options.jurisdiction",
      );
    else {
      if (meta.jurisdictionFromSourceLine)
        warn(
          warnings,
          "meta.jurisdiction-from-source-line",
          `jurisdiction read as ${zh} from the # source: line (the opening lines name no place; the text prints the name several times); pass options.jurisdiction`,
        );
      warn(
        warnings,
        "meta.jurisdiction-english",
        `jurisdiction read as ${zh} (${meta.level ?? levelOf(zh)}); its English name is left as the Chinese`,
      );
    }
    jurisdiction = { name: { zh, en: zh }, level: meta.level ?? levelOf(zh) };
  }
  const titleZh =
    typeof options.title === "string"
      ? options.title
      : (options.title?.zh ??
        (meta.title && meta.title !== "政府工作报告" ? meta.title : `${jurisdiction.name.zh}政府工作报告`));
  const titleEn =
    typeof options.title === "object"
      ? options.title.en
      : `${jurisdiction.name.en} government work report, ${ctx.year}`;
  const report: Report = {
    id: options.id ?? `draft-${sha256.slice(0, 12)}`,
    title: { zh: titleZh || "政府工作报告", en: titleEn },
    jurisdiction: { ...jurisdiction, parents: [] },
    source: { sha256, chars },
    period: periodString(options.reportPeriod ?? ctx.reviewPeriod),
    units: [],
    indicators,
    observations,
    relations: [],
    acknowledged: [],
  };
  if (options.sourceFile) report.source.file = options.sourceFile;
  if (meta.delivered) report.delivered = meta.delivered;
  if (meta.sessionBody) {
    report.session = { body: { zh: meta.sessionBody, en: meta.sessionBody } };
    if (meta.term) report.session.term = meta.term;
    if (meta.meeting) report.session.meeting = meta.meeting;
  }
  if (meta.speaker) report.speaker = { zh: meta.speaker };
  return report;
}
