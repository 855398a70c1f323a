import type { Report } from "@govreport/schema";
import type { Column } from "./columns.js";
import { CSV_LINE_TERMINATOR } from "./csv.js";

/**
 * A file a data package lists: its path relative to datapackage.json and, when known, its size
 * and hash (`sha256:<hex>`), which this browser-safe module does not compute itself.
 */
export interface ResourceFile {
  path: string;
  bytes?: number;
  hash?: string;
}

export interface PackageInfo {
  name: string;
  version: string;
  description: string;
  license: string;
}

/** The Table Schema field of a column: the same list drives the CSV header and these fields. */
export function tableSchemaField(c: Column): Record<string, unknown> {
  const field: Record<string, unknown> = { name: c.name, type: c.type, format: "default", description: c.description };
  const constraints = { ...c.constraints };
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

export function tableSchema(columns: readonly Column[]) {
  return {
    fields: columns.map(tableSchemaField),
    primaryKey: ["report_id", "observation_id"],
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

const OPEN_DEFINITION_LICENSES: Record<string, { path: string; title: string }> = {
  MIT: { path: "https://opensource.org/licenses/MIT", title: "MIT License" },
};

/**
 * The Frictionless Data Package descriptor. The package profile is `data-package`, not
 * `tabular-data-package`: the latter requires every resource to be a table, and the package also
 * ships each report as JSON and its source text. The observations resource itself is a
 * `tabular-data-resource` with a full Table Schema. `files.reports[i]` and `files.sources[i]` belong
 * to `reports[i]`; leave them out for a package of the CSV alone.
 */
export function dataPackage(
  info: PackageInfo,
  columns: readonly Column[],
  reports: readonly Report[],
  files: { observations: ResourceFile; reports?: readonly ResourceFile[]; sources?: readonly ResourceFile[] },
) {
  const license = OPEN_DEFINITION_LICENSES[info.license];
  const sourceOf = (r: Report) => ({
    title: `${r.title.zh} (${r.title.en})`,
    ...(r.source.url ? { path: r.source.url } : {}),
  });
  return {
    profile: "data-package",
    name: "govreport-indicators",
    title: "Indicators from Chinese local government work reports (政府工作报告)",
    description: `${info.description}. Every figure keeps its verbatim quote and code-point offset in the source text.`,
    version: info.version,
    keywords: ["China", "government work report", "政府工作报告", "indicators", "local government"],
    licenses: [{ name: info.license, ...(license ?? {}) }],
    // The profile wants at least one source when the property is present.
    ...(reports.length > 0 ? { sources: reports.map(sourceOf) } : {}),
    resources: [
      {
        profile: "tabular-data-resource",
        name: "observations",
        path: files.observations.path,
        title: "Observations",
        description:
          "One row per figure stated in a report: indicator, role, period, value as printed with unit, decimals and qualifier, the stated comparison, and the verbatim quote with its offset.",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        ...fileFacts(files.observations),
        dialect: CSV_DIALECT,
        schema: tableSchema(columns),
      },
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
          sources: [sourceOf(r)],
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
          description: `${r.title.zh}: the full text the quotes come from. Offsets count Unicode code points.`,
          format: "txt",
          mediatype: "text/plain",
          encoding: "utf-8",
          ...fileFacts(file),
          sources: [sourceOf(r)],
        };
      }),
    ],
  };
}
