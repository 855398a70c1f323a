// Periods and indicator ids are typed where the schema knows their form: a mistyped literal does not
// compile. The `@ts-expect-error` lines are checked by `pnpm typecheck` (tsc fails on one that no
// longer errs), the rest by vitest.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CatalogueIndicatorId } from "./catalogue.js";
import { type IndicatorId, indicatorId, type LocalIndicatorId } from "./indicator.js";
import { parseReport } from "./parse-report.js";
import { formatPeriod, PeriodParseError, type PeriodString, parsePeriod, periodString } from "./period.js";
import type { Observation, Report } from "./report.js";

describe("PeriodString", () => {
  it("takes every form of the period grammar and refuses mistyped ones", () => {
    const ok: PeriodString[] = ["2023", "2023-H1", "2023-Q3", "2023-06", "2023-01/2023-05", "2023-12-31", "2021/2023"];
    for (const p of ok) expect(formatPeriod(parsePeriod(p))).toBe(p);
    // @ts-expect-error lower-case h
    const h: PeriodString = "2023-h1";
    // @ts-expect-error no dash
    const noDash: PeriodString = "2023H1";
    // @ts-expect-error a fifth quarter
    const q5: PeriodString = "2023-Q5";
    // @ts-expect-error words, not a period
    const words: PeriodString = "上半年";
    // @ts-expect-error a plain string is not a period until checked
    const plain: PeriodString = String(2023);
    // The type refuses what the parser refuses; a checked "2023" is a period.
    for (const p of [h, noDash, q5, words]) expect(() => parsePeriod(p)).toThrow(PeriodParseError);
    expect(periodString(plain)).toBe("2023");
  });

  it("periodString checks a string built at run time, and types it", () => {
    const year = 2023;
    expectTypeOf(periodString(`${year}-H1`)).toEqualTypeOf<PeriodString>();
    expect(periodString(`${year}-H1`)).toBe("2023-H1");
    expect(() => periodString(`${year}-H3`)).toThrow(PeriodParseError);
    expect(() => periodString("2023-02-30")).toThrow(/day 30 is not in 2023-02/);
  });
});

describe("IndicatorId", () => {
  it("takes catalogue ids as literals and refuses a typo", () => {
    const tax: IndicatorId = "tax_revenue";
    expectTypeOf<"tax_revenue">().toExtend<CatalogueIndicatorId>();
    // @ts-expect-error not in the catalogue (tax_revenue)
    const typo: IndicatorId = "tax_revenu";
    // @ts-expect-error a plain string is not an id until checked
    const plain: IndicatorId = "my_local_indicator" as string;
    expect([tax, typo, plain]).toHaveLength(3);
  });

  it("indicatorId checks the form of a local id, and brands it", () => {
    expectTypeOf(indicatorId("documents")).toEqualTypeOf<IndicatorId>();
    expectTypeOf<LocalIndicatorId>().toExtend<IndicatorId>();
    expect(indicatorId("local.count-1x2y")).toBe("local.count-1x2y");
    expect(() => indicatorId("Tax Revenue")).toThrow(TypeError);
    expect(() => indicatorId("")).toThrow(TypeError);
  });
});

describe("the parsed report carries the types", () => {
  it("Observation and Report fields are typed, the input stays plain strings", () => {
    expectTypeOf<Observation["period"]>().toEqualTypeOf<PeriodString>();
    expectTypeOf<Observation["indicator"]>().toEqualTypeOf<IndicatorId>();
    expectTypeOf<Report["period"]>().toEqualTypeOf<PeriodString>();
    expectTypeOf<Report["indicators"][number]["id"]>().toEqualTypeOf<IndicatorId>();
    const r = parseReport({});
    if (r.success) expectTypeOf(r.report.observations[0]?.period).toEqualTypeOf<PeriodString | undefined>();
    expect(r.success).toBe(false);
  });
});
