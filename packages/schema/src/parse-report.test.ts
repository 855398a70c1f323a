import { describe, expect, expectTypeOf, it } from "vitest";
import {
  assertReport,
  formatJsonPath,
  type ParseReportResult,
  parseReport,
  ReportValidationError,
} from "./parse-report.js";
import type { Quantity, QuantityInput } from "./quantity.js";
import type { Observation, Report, ROLES, Role } from "./report.js";

const observation = {
  id: "tax-2023-jan-may",
  indicator: "tax_revenue",
  role: "actual",
  period: "2023-01/2023-05",
  quantity: { value: 20.17, unit: "亿元", decimals: 2 },
  section: ["第一部分"],
  source: { quote: "共计完成税收20.17亿元", offset: 0 },
};
const valid = {
  id: "t",
  title: { zh: "测试", en: "Test" },
  jurisdiction: { name: { zh: "张江镇", en: "Zhangjiang" }, level: "town" },
  source: { sha256: "0".repeat(64) },
  period: "2023-H1",
  observations: [observation],
};
const withObservation = (patch: Record<string, unknown>) => ({
  ...valid,
  observations: [{ ...observation, ...patch }],
});

/** The issues as "path: message" lines. */
function issues(input: unknown): string[] {
  const r = parseReport(input);
  if (r.success) return [];
  return r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe("parseReport", () => {
  it("accepts a valid report and fills defaults", () => {
    const r = parseReport(valid);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.report.observations[0]?.quantity.qualifier).toBe("exact");
    expect(r.report.relations).toEqual([]);
    expect(r.report.units).toEqual([]);
    expect(r.report.acknowledged).toEqual([]);
    expect(r.report.jurisdiction.parents).toEqual([]);
  });

  it("names the place and the cause of a wrong type", () => {
    expect(issues(withObservation({ quantity: { value: "20.17", unit: "亿元", decimals: 2 } }))).toEqual([
      "$.observations[0].quantity.value: expected a number, got text",
    ]);
    expect(issues({ ...valid, observations: {} })).toEqual(["$.observations: expected a list, got an object"]);
    expect(issues(withObservation({ section: "第一部分" }))).toEqual([
      "$.observations[0].section: expected a list, got text",
    ]);
    expect(issues(withObservation({ quantity: { ...observation.quantity, decimals: 1.5 } }))).toEqual([
      "$.observations[0].quantity.decimals: expected a whole number, got a number",
    ]);
  });

  it("rejects something that is not a report at all", () => {
    expect(issues(null)).toEqual(["$: expected an object, got null"]);
    expect(issues([])).toEqual(["$: expected an object, got a list"]);
    expect(issues("report.yaml")).toEqual(["$: expected an object, got text"]);
  });

  it("reports missing fields as required", () => {
    const { id: _, title: __, ...rest } = valid;
    expect(issues(rest)).toEqual(["$.id: is required (expected text)", "$.title: is required (expected an object)"]);
    const { role: ___, ...noRole } = observation;
    expect(issues({ ...valid, observations: [noRole] })).toEqual([
      '$.observations[0].role: is required (one of "actual", "target", "plan", "baseline")',
    ]);
  });

  it("reports unknown fields at the object that has them", () => {
    expect(issues({ ...valid, extra: 1 })).toEqual(['$: unknown field "extra"']);
    expect(issues(withObservation({ colour: "red", size: 2 }))).toEqual([
      '$.observations[0]: unknown fields "colour", "size"',
    ]);
    expect(issues({ ...valid, "odd key": 1 })).toEqual(['$: unknown field "odd key"']);
    const r = parseReport(withObservation({ valeu: 1 }));
    expect(r.success ? [] : r.issues).toEqual([
      { path: "$.observations[0]", segments: ["observations", 0], message: 'unknown field "valeu"', keys: ["valeu"] },
    ]);
  });

  it("explains bad periods", () => {
    expect(issues({ ...valid, period: "2023上半年" })).toEqual([
      "$.period: not a period: use 2023, 2023-H1, 2023-Q3, 2023-06, 2023-01/2023-05, 2023-12-31 or 2021/2023",
    ]);
    expect(issues(withObservation({ period: "2023-02-30" }))).toEqual([
      '$.observations[0].period: "2023-02-30": day 30 is not in 2023-02',
    ]);
    expect(issues(withObservation({ period: "2023-06/2023-01" }))).toEqual([
      '$.observations[0].period: "2023-06/2023-01": a month range must end after it starts',
    ]);
  });

  it("explains bad enum values, ids, codes and hashes", () => {
    expect(issues(withObservation({ role: "goal" }))).toEqual([
      '$.observations[0].role: must be one of "actual", "target", "plan", "baseline"',
    ]);
    expect(issues(withObservation({ id: "tax 2023" }))).toEqual([
      "$.observations[0].id: ids are letters, digits, '.', '_' or '-'",
    ]);
    expect(issues({ ...valid, source: { sha256: "ABC" } })).toEqual([
      "$.source.sha256: sha256 is 64 lower-case hex digits",
    ]);
    expect(issues({ ...valid, jurisdiction: { ...valid.jurisdiction, code: "3101" } })).toEqual([
      "$.jurisdiction.code: an administrative division code is 6 or 9 digits",
    ]);
    expect(issues({ ...valid, title: { zh: "", en: "Test" } })).toEqual(["$.title.zh: must not be empty"]);
  });

  it("explains a bad date", () => {
    expect(issues({ ...valid, delivered: "2023-02-30" })).toEqual([
      '$.delivered: "2023-02-30" is not a date (YYYY-MM-DD)',
    ]);
    expect(issues({ ...valid, published: "13/07/2023" })).toEqual([
      '$.published: "13/07/2023" is not a date (YYYY-MM-DD)',
    ]);
  });

  it("explains ranges and relations", () => {
    expect(issues(withObservation({ quantity: { value: 2, max: 1, unit: "个月", decimals: 0 } }))).toEqual([
      "$.observations[0].quantity.max: range end 1 is not above its start 2",
    ]);
    expect(issues({ ...valid, relations: [{ kind: "sum", id: "r", total: "a", parts: ["b"] }] })).toEqual([
      "$.relations[0].parts: needs at least 2 items",
    ]);
    expect(issues({ ...valid, relations: [{ kind: "average", id: "r" }] })).toEqual([
      '$.relations[0].kind: "average" is not one of "sum", "ratio", "derived_target", "progress", "average_growth", "part", "remainder", "product", "growth", "per_capita", "sequence", "count"',
    ]);
    expect(issues({ ...valid, relations: [{ id: "r" }] })).toEqual([
      '$.relations[0].kind: is required (one of "sum", "ratio", "derived_target", "progress", "average_growth", "part", "remainder", "product", "growth", "per_capita", "sequence", "count")',
    ]);
  });

  it("keeps path segments alongside the formatted path", () => {
    const r = parseReport(withObservation({ quantity: { value: "x", unit: "亿元", decimals: 2 } }));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues[0]?.segments).toEqual(["observations", 0, "quantity", "value"]);
  });

  it("assertReport throws one error listing every issue", () => {
    expect(assertReport(valid).id).toBe("t");
    let error: unknown;
    try {
      assertReport({ ...valid, id: "a b", period: "2023-H3" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).issues).toHaveLength(2);
    expect((error as Error).message).toMatch(/\$\.id: ids are/);
    expect((error as Error).message).toMatch(/\$\.period: not a period/);
  });
});

describe("formatJsonPath", () => {
  it("writes identifiers with dots and anything else in brackets", () => {
    expect(formatJsonPath([])).toBe("$");
    expect(formatJsonPath(["observations", 3, "quantity", "unit"])).toBe("$.observations[3].quantity.unit");
    expect(formatJsonPath(["odd key", "$schema", "单位"])).toBe('$["odd key"].$schema["单位"]');
  });
});

describe("types", () => {
  it("roles are the role union", () => {
    expectTypeOf<Report["observations"][number]["role"]>().toEqualTypeOf<Role>();
    expectTypeOf<Role>().toEqualTypeOf<(typeof ROLES)[number]>();
    expectTypeOf<Role>().toEqualTypeOf<"actual" | "target" | "plan" | "baseline">();
  });

  it("parseReport narrows on success", () => {
    const r = parseReport(valid) as ParseReportResult;
    if (r.success) {
      expectTypeOf(r.report).toEqualTypeOf<Report>();
      // @ts-expect-error a successful result has no issues
      r.issues;
    } else {
      expectTypeOf<(typeof r.issues)[number]["path"]>().toEqualTypeOf<string>();
      // @ts-expect-error a failed result has no report
      r.report;
    }
  });

  it("a quantity's qualifier is required on output and optional on input", () => {
    expectTypeOf<Quantity["qualifier"]>().toEqualTypeOf<
      "exact" | "more_than" | "nearly" | "approximately" | "at_least" | "at_most"
    >();
    expectTypeOf<QuantityInput>().toHaveProperty("qualifier").toEqualTypeOf<Quantity["qualifier"] | undefined>();
    expectTypeOf<{ value: number; unit: string; decimals: number }>().toExtend<QuantityInput>();
    expectTypeOf<{ value: number; unit: string; decimals: number }>().not.toExtend<Quantity>();
    expectTypeOf<Observation["quantity"]>().toEqualTypeOf<Quantity>();
  });

  it("defaults make lists required on the parsed report", () => {
    expectTypeOf<Report["relations"]>().toBeArray();
    expectTypeOf<Report>().toHaveProperty("acknowledged").not.toBeUndefined();
  });
});
