/**
 * The stable codes of the extractor's warnings and skip reasons. The messages are for people and may
 * be reworded; the codes are for programs (filters, counts, tests) and only ever gain members.
 */

/** Every warning code, with what it means and what to do about it (the source of docs/extract-codes.md). */
export const WARNING_CODES = {
  "text.normalised":
    "The input had a BOM, CRLF or lone CR line ends: they were normalised, and offsets and the sha256 refer to the normalised text.",
  "text.read-in-part":
    "The text prints more numbers than any report (over 5,000, or the `maxFigures` passed) or is longer than any (over 1,000,000 characters, or the `maxChars` passed): it was read up to a sentence end near the cap, and nothing after the code point given is in the draft. Split the text, or pass `maxFigures` or `maxChars`.",
  "layout.hard-wrap":
    "The text looks hard-wrapped (a PDF copy): line breaks inside paragraphs were joined before reading. Check figures near line ends.",
  "layout.joined-lines":
    "A line runs over 3000 characters (paragraphs run together): headings were also looked for inside lines. Check sections, roles and periods.",
  "layout.long-clause":
    "A clause runs on without punctuation past the quote window: its quotes are cut there. Check the quotes near the code point given.",
  "meta.year-from-source-line":
    "No year is printed in the text: the year was taken from the `# source:` line (a file name or page). Pass `year`.",
  "meta.year-missing": "No year was found in the text: the current year was taken. Pass `year`.",
  "meta.jurisdiction-missing":
    "No jurisdiction was found in the opening lines: it is recorded as 未知. Pass `jurisdiction`.",
  "meta.jurisdiction-from-source-line":
    "The opening lines name no place: the jurisdiction was taken from the `# source:` line, whose place name the text prints several times. Pass `jurisdiction`.",
  "meta.jurisdiction-english":
    "The jurisdiction was read from the text, but its English name is left as the Chinese. Pass `jurisdiction` to set it.",
} as const;

/** A stable machine code for an extractor warning, e.g. `"layout.hard-wrap"`. */
export type WarningCode = keyof typeof WARNING_CODES;

/** One thing the extractor had to guess or repair, with a stable code and a message for people. */
export interface ExtractWarning {
  /** What kind of warning it is; stable across releases. */
  code: WarningCode;
  /** What happened in this text, in English, with its figures (widths, counts, code points). */
  message: string;
}

/** Every skip code, with which figures it covers (the source of docs/extract-codes.md). */
export const SKIP_CODES = {
  "figure.skipped.comment-line": "The figure is in the `# source:` comment line before the text.",
  "figure.skipped.out-of-range": "The number is too large to be represented (not finite).",
  "figure.skipped.footnote-marker": "A footnote marker: [1], 【2】, 〔3〕.",
  "figure.skipped.in-name":
    "Part of a name in quotation marks or a title with other words: “15分钟社区生活圈”, 《…(2023—2025年)行动计划》.",
  "figure.skipped.rate-standard": "A ratio that sets a standard, not a count: 每2.5万人设置1个.",
  "figure.skipped.threshold": "A threshold that qualifies what is counted: 注册资金500万元以上36家 (36家 is kept).",
  "figure.skipped.age-threshold": "An age that qualifies who is counted: 60岁以上独居老人.",
  "figure.skipped.service-duration": "Opening hours or reach that describe a service: 24小时红色加油站, 15分钟生活圈.",
  "figure.skipped.specification":
    "A size that specifies something else: 4.5米×3米 (in 2×35万千瓦 the unit capacity is the figure).",
} as const;

/** A stable machine code for why a number was judged not to be a fact, e.g. `"figure.skipped.threshold"`. */
export type SkipCode = keyof typeof SKIP_CODES;

/** Adds a warning (internal: the extractor's stages share one list). */
export function warn(warnings: ExtractWarning[], code: WarningCode, message: string): void {
  warnings.push({ code, message });
}
