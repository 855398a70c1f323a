import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { reportJsonSchema } from "../scripts/json-schema.js";
import { parseReport } from "../src/index.js";

const dir = (sub: string) => new URL(`./fixtures/${sub}/`, import.meta.url);
const fixtures = (sub: string) =>
  readdirSync(dir(sub))
    .filter((f) => f.endsWith(".json") && f !== "expected-paths.json")
    .sort();
const load = (sub: string, file: string): unknown => JSON.parse(readFileSync(new URL(file, dir(sub)), "utf8"));
const expectedPaths: Record<string, string> = JSON.parse(
  readFileSync(new URL("expected-paths.json", dir("invalid")), "utf8"),
);

const schema = reportJsonSchema();
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** "$.observations[0].quantity" → "/observations/0/quantity" */
const pointer = (path: string) =>
  path
    .replace(/^\$/, "")
    .replace(/\[(\d+)\]/g, "/$1")
    .replace(/\["([^"]+)"\]/g, "/$1")
    .replace(/\./g, "/");

describe("the JSON Schema", () => {
  it("is a draft 2020-12 schema with an id, title and description", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^https:\/\/unpkg\.com\/@govreport\/schema@\d+\.\d+\.\d+\/dist\/report\.schema\.json$/);
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.any(String));
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining(["Observation", "Quantity", "Period", "Relation", "Localized"]),
    );
  });

  it("leaves fields with defaults optional, as a YAML author writes them", () => {
    expect(schema.required).not.toContain("relations");
    expect(schema.required).not.toContain("units");
    const quantity = (schema.$defs as Record<string, { required: string[] }>).Quantity;
    expect(quantity?.required).toEqual(["value", "unit", "decimals"]);
  });
});

describe("zod and the JSON Schema agree on the fixtures", () => {
  const valid = fixtures("valid");
  const invalid = fixtures("invalid");

  it("has enough fixtures, each invalid one with the path zod reports", () => {
    expect(valid.length).toBeGreaterThanOrEqual(5);
    expect(invalid.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(expectedPaths).sort()).toEqual(invalid);
  });

  it.each(valid)("valid/%s: both accept", (file) => {
    const doc = load("valid", file);
    const r = parseReport(doc);
    expect(r.success ? [] : r.issues).toEqual([]);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it.each(invalid)("invalid/%s: zod rejects at the expected path; JSON Schema agrees unless zod-only", (file) => {
    const doc = load("invalid", file);
    const r = parseReport(doc);
    expect(r.success).toBe(false);
    if (r.success) return;
    const path = expectedPaths[file] ?? "";
    expect(r.issues.map((i) => i.path)).toEqual([path]);
    const ok = validate(doc);
    if (file.endsWith(".zod-only.json")) {
      // A refinement zod runs in code (see docs/schema-reference.md): the JSON Schema accepts it.
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    } else {
      expect(ok).toBe(false);
      const where = (validate.errors ?? []).map((e) => e.instancePath);
      expect(
        where.some((p) => pointer(path).startsWith(p)),
        `${where.join(", ")} vs ${pointer(path)}`,
      ).toBe(true);
    }
  });
});
