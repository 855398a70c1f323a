import type { Report } from "@govreport/schema";
import type { Column } from "./columns.js";
import { CSV_LINE_TERMINATOR } from "./csv.js";
import { reportOrigin } from "./origin.js";
import { INDICATOR_COLUMNS, UNIT_COLUMNS } from "./tables.js";

/**
 * A file a data package lists: its path relative to datapackage.json and, when known, its size
 * and hash (`sha256:<hex>`), which this browser-safe module does not compute itself.
 */
export interface ResourceFile {
  path: string;
  bytes?: number;
  hash?: string;
}

/** What the descriptor says about the package itself. */
export interface PackageInfo {
  /** The npm package name (the descriptor's `name` is `govreport-indicators` unless `id` is given). */
  name: string;
  version: string;
  description: string;
  /** The licence of the code (package.json); the data's licence is {@link DATA_LICENSE}. */
  license?: string;
  /** The descriptor's `name` (lower-case, `-._` allowed); default `govreport-indicators`. */
  id?: string;
  /** The descriptor's `title`. */
  title?: string;
  /** The home of the package on the web; default {@link DATA_HOMEPAGE}. */
  homepage?: string;
  /** When the descriptor was made, an RFC 3339 date-time; left out when not given. */
  created?: string;
}

/**
 * The licence of the data: CC BY 4.0, so that whoever reuses a figure keeps the reference to the
 * report it comes from (see docs/data-license.md). The source texts are not licensed by this project.
 */
export const DATA_LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0 International",
} as const;

/** The package's page on npm, its public home. */
export const DATA_HOMEPAGE = "https://www.npmjs.com/package/@govreport/data";

/** Who made the data package (Frictionless `contributors`). */
export const CONTRIBUTORS = [{ title: "govreport contributors", role: "author" }] as const;

/** The Table Schema field of a column: the same list drives the CSV header and these fields. */
// biome-ignore lint/suspicious/noExplicitAny: a field is the same for a column of any table
export function tableSchemaField(c: Column<any>): Record<string, unknown> {
  const field: Record<string, unknown> = { name: c.name, type: c.type, format: "default", description: c.description };
  const constraints = { ...c.constraints };
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

/** The unit columns of `observations.csv`, each a foreign key into `units.csv`. */
const UNIT_FIELDS = ["unit", "baseline_unit", "change_unit", "percent_change_unit", "point_change_unit"];

/**
 * The Table Schema of `observations.csv`: its fields, primary key, and foreign keys into
 * `indicators.csv` (indicator_id) and `units.csv` (every unit column).
 */
export function tableSchema(columns: readonly Column[]) {
  const names = new Set(columns.map((c) => c.name));
  return {
    fields: columns.map(tableSchemaField),
    primaryKey: ["report_id", "observation_id"],
    foreignKeys: [
      { fields: "indicator_id", reference: { resource: "indicators", fields: "indicator_id" } },
      ...UNIT_FIELDS.filter((f) => names.has(f)).map((f) => ({
        fields: f,
        reference: { resource: "units", fields: "unit" },
      })),
    ],
    missingValues: [""],
  };
}

function fileFacts(file: ResourceFile) {
  return {
    ...(file.bytes !== undefined ? { bytes: file.bytes } : {}),
    ...(file.hash !== undefined ? { hash: file.hash } : {}),
  };
}

/** How observations.csv is written (RFC 4180), as a Frictionless CSV dialect. */
export const CSV_DIALECT = {
  delimiter: ",",
  doubleQuote: true,
  lineTerminator: CSV_LINE_TERMINATOR,
  quoteChar: '"',
  skipInitialSpace: false,
  header: true,
  caseSensitiveHeader: true,
} as const;

/** Resource names are lower-case; report ids may not be. */
export const resourceName = (prefix: string, id: string) => `${prefix}-${id.toLowerCase()}`;

/** A table resource: CSV as written by this package, with its Table Schema. */
function table(name: string, title: string, description: string, file: ResourceFile, schema: object) {
  return {
    profile: "tabular-data-resource",
    name,
    path: file.path,
    title,
    description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    ...fileFacts(file),
    dialect: CSV_DIALECT,
    schema,
  };
}

/**
 * A report as a Frictionless source (`title`, `path`), with Our World in Data's origin fields
 * (`producer`, `url_main`, `date_published`, `date_accessed`, `citation_full`). `path` is the URL
 * when known, else the shipped source text when there is one; a URL is never guessed.
 */
function sourceOf(report: Report, text: ResourceFile | undefined) {
  const o = reportOrigin(report);
  const path = o.url ?? text?.path;
  return {
    title: o.title,
    ...(path !== undefined ? { path } : {}),
    ...(o.producer !== undefined ? { producer: o.producer } : {}),
    ...(o.url !== undefined ? { url_main: o.url } : {}),
    ...(o.datePublished !== undefined ? { date_published: o.datePublished } : {}),
    ...(o.dateAccessed !== undefined ? { date_accessed: o.dateAccessed } : {}),
    citation_full: o.citation,
  };
}

/**
 * The Frictionless Data Package descriptor. The package profile is `data-package`, not
 * `tabular-data-package`: the latter requires every resource to be a table, and the package also
 * ships each report as JSON and its source text. The three tables (`observations`, `indicators`,
 * `units`) are `tabular-data-resource`s with full Table Schemas, joined by foreign keys.
 * `files.reports[i]` and `files.sources[i]` belong to `reports[i]`; leave them out for a package of
 * the tables alone.
 */
export function dataPackage(
  info: PackageInfo,
  columns: readonly Column[],
  reports: readonly Report[],
  files: {
    observations: ResourceFile;
    indicators: ResourceFile;
    units: ResourceFile;
    reports?: readonly ResourceFile[];
    sources?: readonly ResourceFile[];
  },
) {
  return {
    profile: "data-package",
    name: info.id ?? "govreport-indicators",
    title: info.title ?? "Indicators from Chinese local government work reports (政府工作报告)",
    description: `${info.description}. Every figure keeps its verbatim quote and code-point offset in the source text.`,
    version: info.version,
    homepage: info.homepage ?? DATA_HOMEPAGE,
    ...(info.created !== undefined ? { created: info.created } : {}),
    contributors: CONTRIBUTORS.map((c) => ({ ...c })),
    keywords: ["China", "government work report", "政府工作报告", "indicators", "local government"],
    licenses: [{ ...DATA_LICENSE }],
    // The profile wants at least one source when the property is present.
    ...(reports.length > 0 ? { sources: reports.map((r, i) => sourceOf(r, files.sources?.[i])) } : {}),
    resources: [
      table(
        "observations",
        "Observations",
        "One row per figure stated in a report: indicator, role and status, period, value as printed with unit, multiplier, decimals and qualifier, the stated comparison, the verbatim quote with its offset, and the origin of the source text.",
        files.observations,
        tableSchema(columns),
      ),
      table(
        "indicators",
        "Indicators",
        "Every catalogue indicator and every indicator a report defines: names, category, dimension, usual unit, direction.",
        files.indicators,
        { fields: INDICATOR_COLUMNS.map(tableSchemaField), primaryKey: ["indicator_id"], missingValues: [""] },
      ),
      table(
        "units",
        "Units",
        "Every unit printed in the data: multiplier (SDMX UNIT_MULT), the unit multiplied in Chinese and short English, dimension, base unit and scale.",
        files.units,
        { fields: UNIT_COLUMNS.map(tableSchemaField), primaryKey: ["unit"], missingValues: [""] },
      ),
      ...reports.flatMap((r, i) => {
        const file = files.reports?.[i];
        if (!file) return [];
        return {
          profile: "data-resource",
          name: resourceName("report", r.id),
          path: file.path,
          title: r.title.en,
          description: `${r.title.zh}: the whole report as JSON (@govreport/schema Report): observations, relations between them and acknowledged inconsistencies.`,
          format: "json",
          mediatype: "application/json",
          encoding: "utf-8",
          ...fileFacts(file),
          sources: [sourceOf(r, files.sources?.[i])],
        };
      }),
      ...reports.flatMap((r, i) => {
        const file = files.sources?.[i];
        if (!file) return [];
        return {
          profile: "data-resource",
          name: resourceName("source", r.id),
          path: file.path,
          title: `Source text: ${r.title.en}`,
          description: `${r.title.zh}: the full text the quotes come from. Offsets count Unicode code points. Not licensed by this project: see the package's data licence note.`,
          format: "txt",
          mediatype: "text/plain",
          encoding: "utf-8",
          ...fileFacts(file),
          sources: [sourceOf(r, file)],
        };
      }),
    ],
  };
}
