import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Comparison, Observation, Quantity, Report } from "@govreport/schema";
import { parseReport } from "@govreport/schema";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { dataFiles, shippedReports, validateAll } from "../scripts/lib/build.js";
import { packageInfo, REPORTS_DIR } from "../scripts/lib/paths.js";
import { OBSERVATION_COLUMNS } from "../src/columns.js";
import { dataPackage } from "../src/datapackage.js";
import { parseCsv } from "./csv-parse.js";
import { FIXTURES } from "./helpers.js";
import { castCell, type Field, type Typed } from "./table-schema.js";

/** The fixture (which has the awkward cases: quotes, commas, line breaks, qualifiers) and the shipped reports. */
const fixture = validateAll(FIXTURES);
const real = validateAll(REPORTS_DIR);
const shipped = [...shippedReports(fixture), ...shippedReports(real)];
const reports = shipped.map((s) => s.report);
const files = new Map(dataFiles(shipped, packageInfo()).map((f) => [f.path, f.content]));
const csv = files.get("observations.csv") ?? "";
const descriptor = JSON.parse(files.get("datapackage.json") ?? "{}");
const resource = descriptor.resources[0];
const fields: Field[] = resource.schema.fields;

type Rec = Record<string, Typed>;

/** The CSV read back with the test's own RFC 4180 reader and typed by the Table Schema. */
function records(): Rec[] {
  const [header, ...rows] = parseCsv(csv, resource.dialect.lineTerminator);
  expect(header).toEqual(fields.map((f) => f.name));
  return rows.map((row) => {
    expect(row).toHaveLength(fields.length);
    return Object.fromEntries(fields.map((f, i) => [f.name, castCell(f, row[i] ?? "", resource.schema.missingValues)]));
  });
}

/** Rebuilds an observation from its CSV record alone, written apart from the column getters. */
function observationFrom(r: Rec): Observation {
  const text = (k: string) => r[k] as string;
  const quantity = (p: string): Quantity | undefined => {
    if (r[`${p}value`] === null) return undefined;
    const q: Quantity = {
      value: r[`${p}value`] as number,
      unit: (r[`${p}unit`] as string | null) ?? "",
      decimals: r[`${p}decimals`] as number,
      qualifier: r[`${p}qualifier`] as Quantity["qualifier"],
    };
    if (r[`${p}value_max`] !== null) q.max = r[`${p}value_max`] as number;
    if (r[`${p}printed`] !== null) q.printed = text(`${p}printed`);
    return q;
  };
  const o: Observation = {
    id: text("observation_id"),
    indicator: text("indicator_id"),
    role: text("role") as Observation["role"],
    period: text("period"),
    quantity: quantity("") as Quantity,
    section: r.section as string[],
    source: { quote: text("quote"), offset: r.quote_offset as number },
  };
  if (r.subject !== null) o.subject = text("subject");
  if (r.change_direction !== null) {
    const c: Comparison = { direction: text("change_direction") as Comparison["direction"] };
    const base = quantity("baseline_");
    if (base) c.baseline = { quantity: base, period: text("baseline_period") };
    const change = quantity("change_");
    const percent = quantity("percent_change_");
    const points = quantity("point_change_");
    if (change) c.change = change;
    if (percent) c.percent = percent;
    if (points) c.points = points;
    o.comparison = c;
  }
  if (r.notes !== null) o.notes = text("notes");
  return o;
}

/** Key order is not data: compare as sorted JSON. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;

describe("observations.csv", () => {
  it("covers every observation of every report, the awkward fixture included", () => {
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(records()).toHaveLength(reports.reduce((n, r) => n + r.observations.length, 0));
    expect(csv).toMatch(/"A note with a comma, a ""quote"" and a line break:\nsecond line"/);
  });

  it("is UTF-8 without a byte order mark, with CRLF record ends", () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[0]).toBe(OBSERVATION_COLUMNS.map((c) => c.name).join(","));
  });

  it("round-trips: each row rebuilds exactly the observation of the JSON report", () => {
    const recs = records();
    const byKey = new Map(recs.map((r) => [`${r.report_id}\u0000${r.observation_id}`, r]));
    expect(byKey.size).toBe(recs.length);
    for (const report of reports) {
      const json = JSON.parse(files.get(`reports/${report.id}.json`) ?? "null");
      for (const [i, o] of report.observations.entries()) {
        const rec = byKey.get(`${report.id}\u0000${o.id}`);
        expect(rec, `${report.id}/${o.id}`).toBeDefined();
        const rebuilt = observationFrom(rec as Rec);
        expect(canonical(rebuilt)).toEqual(canonical(o));
        expect(canonical(rebuilt)).toEqual(canonical(json.observations[i]));
      }
    }
  });

  it("converts to base units consistently with the printed value", () => {
    for (const r of records()) {
      if (r.value_in_base_unit === null) continue;
      const factor = (r.value_in_base_unit as number) / (r.value as number);
      if (r.value === 0) continue;
      expect(factor, String(r.observation_id)).toBeGreaterThan(0);
      if (r.value_max !== null)
        expect((r.value_max_in_base_unit as number) / (r.value_max as number)).toBeCloseTo(factor, 9);
      if (r.unit === r.base_unit || (r.unit === null && r.base_unit === null)) expect(factor).toBe(1);
    }
    const tax = records().find((r) => r.report_id === "tiny-2023" && r.observation_id === "tax");
    expect(tax?.value_in_base_unit).toBe(12.5 * 1e8);
    expect(tax?.base_unit).toBe("元");
  });
});

describe("reports/<id>.json", () => {
  it("parses back into the same report, defaults already applied", () => {
    for (const report of reports) {
      const parsed = parseReport(JSON.parse(files.get(`reports/${report.id}.json`) ?? "null"));
      expect(parsed.success).toBe(true);
      if (parsed.success) expect(parsed.report).toEqual(report);
    }
  });
});

describe("datapackage.json", () => {
  const profile = (name: string) =>
    JSON.parse(readFileSync(new URL(`./profiles/${name}.json`, import.meta.url), "utf8")) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("textarea", true); // a form-rendering hint in the profiles, not a constraint

  it("is valid against the Frictionless data-package profile", () => {
    const validate = ajv.compile(profile("data-package"));
    expect(validate(descriptor), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("describes observations.csv as a valid tabular-data-resource", () => {
    const validate = ajv.compile(profile("tabular-data-resource"));
    expect(resource.profile).toBe("tabular-data-resource");
    expect(validate(resource), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("describes the JSON reports and source texts as valid data resources", () => {
    const validate = ajv.compile(profile("data-resource"));
    for (const r of descriptor.resources.slice(1)) expect(validate(r), ajv.errorsText(validate.errors)).toBe(true);
    expect(descriptor.resources.map((r: { path: string }) => r.path).sort()).toEqual(
      [...files.keys()].filter((p) => p !== "datapackage.json").sort(),
    );
  });

  it("a package of the CSV alone, without sizes and hashes, is valid too (as `govreport export` writes it)", () => {
    const validate = ajv.compile(profile("data-package"));
    const alone = dataPackage(packageInfo(), OBSERVATION_COLUMNS, reports.slice(0, 1), {
      observations: { path: "observations.csv" },
    });
    expect(alone.resources.map((r) => r.name)).toEqual(["observations"]);
    expect(validate(alone), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("a package without reports is still valid (an empty build)", () => {
    const validate = ajv.compile(profile("data-package"));
    const empty = dataPackage(packageInfo(), OBSERVATION_COLUMNS, [], { observations: { path: "observations.csv" } });
    expect(validate(empty), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("a broken descriptor fails the profile (the validation can fail)", () => {
    const validate = ajv.compile(profile("tabular-data-resource"));
    const broken = structuredClone(resource);
    broken.schema.fields[0].type = "text";
    delete broken.profile;
    expect(validate(broken)).toBe(false);
  });

  it("states the bytes and sha256 of every file", () => {
    for (const r of descriptor.resources) {
      const content = Buffer.from(files.get(r.path) ?? "", "utf8");
      expect(r.bytes).toBe(content.length);
      expect(r.hash).toBe(`sha256:${createHash("sha256").update(content).digest("hex")}`);
    }
  });

  it("has unique lower-case resource names and a primary key that is unique in the data", () => {
    const names = descriptor.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = records().map((r) => resource.schema.primaryKey.map((k: string) => r[k]).join("\u0000"));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("has one field per CSV column, in order, and every cell satisfies its field", () => {
    expect(fields.map((f) => f.name)).toEqual(OBSERVATION_COLUMNS.map((c) => c.name));
    // records() casts every cell with its field and throws on any type or constraint violation.
    const recs = records();
    for (const f of fields.filter((f) => f.constraints?.enum))
      for (const r of recs) if (r[f.name] !== null) expect(f.constraints?.enum).toContain(r[f.name]);
  });

  it("the cell reader rejects what violates a field", () => {
    const field = (name: string) => fields.find((f) => f.name === name) as Field;
    expect(() => castCell(field("role"), "guess")).toThrow(/not one of/);
    expect(() => castCell(field("decimals"), "1.5")).toThrow(/not an integer/);
    expect(() => castCell(field("period"), "2023-13")).toThrow(/does not match/);
    expect(() => castCell(field("quote"), "")).toThrow(/required/);
    expect(() => castCell(field("period_start"), "2023-02-30")).toThrow(/not a date/);
  });

  it("lists every report as a source", () => {
    expect(descriptor.sources.map((s: { title: string }) => s.title)).toEqual(
      reports.map((r: Report) => `${r.title.zh} (${r.title.en})`),
    );
  });
});
