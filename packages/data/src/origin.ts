import type { Report } from "@govreport/schema";

/**
 * Where a report's text comes from, in the fields of Our World in Data's origins (producer, title,
 * url_main, date_published, date_accessed, citation_full). A field the report does not record is
 * undefined: a URL or date is never guessed.
 */
export interface Origin {
  /** Who produced and published the text: "张江镇人民政府 (Zhangjiang Town People's Government)". */
  producer: string | undefined;
  /** The report's title, Chinese then English. */
  title: string;
  /** Where the text was published, when known. */
  url: string | undefined;
  /** When the text was published (ISO date). */
  datePublished: string | undefined;
  /** When the text was retrieved from `url` (ISO date). */
  dateAccessed: string | undefined;
  /** A full citation of the source text, stating what of its origin is not known. */
  citation: string;
}

const both = (x: { zh: string; en: string }) => `${x.zh} (${x.en})`;

/** The origin of a report's source text, from its `source`, `title`, `published` and `delivered`. */
export function reportOrigin(report: Report): Origin {
  const { source } = report;
  const producer = source.producer ? both(source.producer) : undefined;
  const title = both(report.title);
  const when = [
    report.delivered ? `delivered ${report.delivered}` : undefined,
    report.published ? `published ${report.published}` : undefined,
  ].filter(Boolean);
  const where = source.url
    ? `${source.url}${source.accessed ? `, accessed ${source.accessed}` : ", date accessed not recorded"}`
    : "URL not recorded";
  const dates = when.join(", ");
  const dated = dates && `${dates[0]?.toUpperCase()}${dates.slice(1)}`;
  const citation = [producer, title, dated || undefined, where].filter(Boolean).join(". ");
  return {
    producer,
    title,
    url: source.url,
    datePublished: report.published,
    dateAccessed: source.accessed,
    citation: `${citation}.`,
  };
}
