import type { Report } from "@govreport/schema";
import type { Lang } from "../i18n.js";

export interface CitedFigure {
  printed: string;
  quote: string;
}

/** The place with its parents, as the report names it (河北省保定市; Baoding, Hebei). */
export function placeOf(report: Report, lang: Lang): string {
  const names = [...report.jurisdiction.parents.map((p) => p.name[lang]), report.jurisdiction.name[lang]];
  return lang === "zh" ? names.join("") : names.reverse().join(", ");
}

/** The report's date: delivered, else published, else its period. */
function dateOf(report: Report): string {
  return report.delivered ?? report.published ?? report.period;
}

/**
 * A "cite this" text for a chart or a card: the report, its jurisdiction and date, what is cited
 * with the verbatim quotes of its figures, and the link to this state of the dashboard.
 */
export function citeText(
  report: Report,
  what: string,
  figures: readonly CitedFigure[],
  url: string,
  lang: Lang,
  origin: "shipped" | "file" | "text" = "shipped",
): string {
  const quotes = [...new Set(figures.map((f) => f.quote))];
  const status = origin === "shipped" ? "" : lang === "zh" ? "(本地载入,未经核实)" : " (loaded locally, not verified)";
  if (lang === "zh") {
    const q = quotes.map((x) => `“${x}”`).join(";");
    return `${placeOf(report, "zh")}《${report.title.zh}》(${dateOf(report)})${status},${what}${q ? `:${q}` : ""}。来源:govreport 仪表盘 ${url}`;
  }
  const q = quotes.map((x) => `“${x}”`).join("; ");
  return `${report.title.en}, ${placeOf(report, "en")}, ${dateOf(report)}${status}. ${what}${q ? `: ${q}` : ""}. govreport dashboard, ${url}`;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A table as CSV: RFC 4180, CRLF line ends, UTF-8 (the caller adds no byte-order mark). */
export function tableCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[columns, ...rows].map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}
