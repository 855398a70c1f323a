import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Comparison, Observation, Quantity, Report } from "@govreport/schema";
import { indicatorId, parseReport, periodString } from "@govreport/schema";
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

const TABLES = {
  observations: { path: "observations.csv" },
  indicators: { path: "indicators.csv" },
  units: { path: "units.csv" },
};

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
    indicator: indicatorId(text("indicator_id")),
    role: text("role") as Observation["role"],
    period: periodString(text("period")),
    quantity: quantity("") as Quantity,
    section: r.section as string[],
    source: { quote: text("quote"), offset: r.quote_offset as number },
  };
  if (r.subject !== null) o.subject = text("subject");
  if (r.change_direction !== null) {
    const c: Comparison = { direction: text("change_direction") as Comparison["direction"] };
    const base = quantity("baseline_");
    if (base) c.baseline = { quantity: base, period: periodString(text("baseline_period")) };
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

  it("describes indicators.csv and units.csv as valid tabular-data-resources", () => {
    const validate = ajv.compile(profile("tabular-data-resource"));
    const tables = descriptor.resources.filter((r: { profile: string }) => r.profile === "tabular-data-resource");
    expect(tables.map((r: { name: string }) => r.name)).toEqual(["observations", "indicators", "units"]);
    for (const r of tables) expect(validate(r), `${r.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });

  it("describes the JSON reports and source texts as valid data resources", () => {
    const validate = ajv.compile(profile("data-resource"));
    const others = descriptor.resources.filter((r: { profile: string }) => r.profile === "data-resource");
    expect(others).toHaveLength(2 * reports.length);
    for (const r of others) expect(validate(r), ajv.errorsText(validate.errors)).toBe(true);
    expect(descriptor.resources.map((r: { path: string }) => r.path).sort()).toEqual(
      [...files.keys()].filter((p) => p !== "datapackage.json").sort(),
    );
  });

  it("a package of the three tables alone, without sizes and hashes, is valid too (as `govreport export` writes it)", () => {
    const validate = ajv.compile(profile("data-package"));
    const alone = dataPackage(packageInfo(), OBSERVATION_COLUMNS, reports.slice(0, 1), TABLES);
    expect(alone.resources.map((r) => r.name)).toEqual(["observations", "indicators", "units"]);
    expect(validate(alone), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("a package without reports is still valid (an empty build)", () => {
    const validate = ajv.compile(profile("data-package"));
    const empty = dataPackage(packageInfo(), OBSERVATION_COLUMNS, [], TABLES);
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

  it("gives each source its origin: producer, dates, a citation, and a path that is the URL or the shipped text", () => {
    for (const [i, r] of reports.entries()) {
      const s = descriptor.sources[i];
      expect(s.citation_full).toContain(r.title.zh);
      if (r.source.url) expect([s.path, s.url_main]).toEqual([r.source.url, r.source.url]);
      else {
        // No URL is invented: the path is the text the package ships, and the citation says so.
        expect(s.url_main).toBeUndefined();
        expect(s.path).toBe(`sources/${r.id}.txt`);
        expect(files.has(s.path)).toBe(true);
        expect(s.citation_full).toMatch(/URL not recorded/);
      }
      expect(s.date_published).toBe(r.published);
      expect(s.date_accessed).toBe(r.source.accessed);
    }
    const zj = descriptor.sources[reports.findIndex((r) => r.id === "zhangjiang-2023-h1")];
    expect(zj.producer).toBe("张江镇人民政府 (Zhangjiang Town People's Government)");
    expect(zj.date_published).toBe("2023-08-03");
  });

  it("carries a data licence, contributors, a homepage and its creation time", () => {
    expect(descriptor.licenses).toEqual([expect.objectContaining({ name: "CC-BY-4.0" })]);
    expect(descriptor.contributors.length).toBeGreaterThan(0);
    expect(descriptor.homepage).toMatch(/^https:\/\//);
    expect(Date.parse(descriptor.created)).not.toBeNaN();
    expect(packageInfo({ SOURCE_DATE_EPOCH: "1700000000" }).created).toBe("2023-11-14T22:13:20.000Z");
  });
});

/** A table of the package, read back and typed by its own Table Schema. */
function table(name: string): { fields: Field[]; rows: Rec[] } {
  const res = descriptor.resources.find((r: { name: string }) => r.name === name);
  const [header, ...rows] = parseCsv(files.get(res.path) ?? "", res.dialect.lineTerminator);
  const fs: Field[] = res.schema.fields;
  expect(header).toEqual(fs.map((f) => f.name));
  return {
    fields: fs,
    rows: rows.map((row) => Object.fromEntries(fs.map((f, i) => [f.name, castCell(f, row[i] ?? "", [""])]))),
  };
}

/** Every foreign key value of `resource` that its referenced table lacks, as "field=value". */
function unresolved(resourceName: string, rowsOf: (name: string) => Rec[]): string[] {
  const res = descriptor.resources.find((r: { name: string }) => r.name === resourceName);
  const missing: string[] = [];
  for (const fk of res.schema.foreignKeys as { fields: string; reference: { resource: string; fields: string } }[]) {
    const keys = new Set(rowsOf(fk.reference.resource).map((r) => r[fk.reference.fields]));
    for (const r of rowsOf(resourceName))
      if (r[fk.fields] !== null && !keys.has(r[fk.fields])) missing.push(`${fk.fields}=${r[fk.fields]}`);
  }
  return missing;
}

describe("indicators.csv and units.csv", () => {
  const tables = new Map(["observations", "indicators", "units"].map((n) => [n, table(n).rows]));
  const rowsOf = (name: string) => tables.get(name) ?? [];

  it("have unique primary keys", () => {
    for (const name of ["indicators", "units"]) {
      const res = descriptor.resources.find((r: { name: string }) => r.name === name);
      const keys = rowsOf(name).map((r) => res.schema.primaryKey.map((k: string) => r[k]).join("\u0000"));
      expect(new Set(keys).size, name).toBe(keys.length);
    }
  });

  it("resolve every foreign key of observations.csv: each indicator and unit in it is in its table", () => {
    const res = descriptor.resources[0];
    expect(res.schema.foreignKeys.map((fk: { fields: string }) => fk.fields)).toEqual([
      "indicator_id",
      "unit",
      "baseline_unit",
      "change_unit",
      "percent_change_unit",
      "point_change_unit",
    ]);
    expect(unresolved("observations", rowsOf)).toEqual([]);
    // The check can fail: without a unit's row, its uses are reported.
    const withoutWanyuan = (name: string) => rowsOf(name).filter((r) => !(name === "units" && r.unit === "亿元"));
    expect(unresolved("observations", withoutWanyuan)).toContain("unit=亿元");
  });

  it("agree with the observations: the indicator's names, and value × 10^unit_mult in the unit multiplied", () => {
    const indicators = new Map(rowsOf("indicators").map((r) => [r.indicator_id, r]));
    const units = new Map(rowsOf("units").map((r) => [r.unit, r]));
    const measures = new Map(
      rowsOf("units")
        .filter((r) => r.unit_mult === 0)
        .map((r) => [r.unit, r]),
    );
    let checked = 0;
    for (const o of rowsOf("observations")) {
      const ind = indicators.get(o.indicator_id);
      expect([ind?.name_zh, ind?.name_en]).toEqual([o.indicator_zh, o.indicator_en]);
      if (o.unit === null || o.value_in_base_unit === null) continue;
      const u = units.get(o.unit);
      expect([u?.unit_mult, u?.unit_en], String(o.unit)).toEqual([o.unit_mult, o.unit_en]);
      // 20.17 亿元 = 20.17 × 10^8 元, and 元 × its scale is the base unit.
      const measure = measures.get(u?.unit_measure ?? "") ?? (u?.unit_mult === 0 ? u : undefined);
      if (!measure) continue;
      const base = (o.value as number) * 10 ** (o.unit_mult as number) * (measure.scale as number);
      expect(base).toBeCloseTo(o.value_in_base_unit as number, 3);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("give each observation a status consistent with its role and qualifier", () => {
    const counts: Record<string, number> = {};
    for (const o of rowsOf("observations")) {
      const status = o.obs_status as string;
      counts[status] = (counts[status] ?? 0) + 1;
      if (o.role === "target" || o.role === "plan") expect(status).toBe("target");
      else if (status !== "estimate")
        expect(status).toBe(
          {
            exact: "actual",
            more_than: "lower_bound",
            at_least: "lower_bound",
            at_most: "upper_bound",
            nearly: "about",
            approximately: "about",
          }[o.qualifier as string],
        );
    }
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(["actual", "target", "lower_bound"]));
  });
});
