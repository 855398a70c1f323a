import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  PeriodParseError,
  PeriodSchema,
  parsePeriod,
  periodBounds,
  periodLabel,
  previousYear,
} from "./period.js";

describe("parsePeriod", () => {
  it("reads every form", () => {
    expect(parsePeriod("2023")).toEqual({ kind: "year", year: 2023 });
    expect(parsePeriod("2023-H1")).toEqual({ kind: "half", year: 2023, half: 1 });
    expect(parsePeriod("2023-Q3")).toEqual({ kind: "quarter", year: 2023, quarter: 3 });
    expect(parsePeriod("2023-06")).toEqual({ kind: "month", year: 2023, month: 6 });
    expect(parsePeriod("2023-01/2023-05")).toEqual({
      kind: "months",
      from: { year: 2023, month: 1 },
      to: { year: 2023, month: 5 },
    });
    expect(parsePeriod("2023-12-31")).toEqual({ kind: "date", year: 2023, month: 12, day: 31 });
    expect(parsePeriod("2021/2023")).toEqual({ kind: "years", from: 2021, to: 2023 });
  });

  it("rejects impossible months and days, naming the cause", () => {
    expect(() => parsePeriod("2023-13")).toThrow(/month 13 is not 01-12/);
    expect(() => parsePeriod("2023-00")).toThrow(/month 00 is not 01-12/);
    expect(() => parsePeriod("2023-02-29")).toThrow(/day 29 is not in 2023-02/);
    expect(() => parsePeriod("2023-04-31")).toThrow(/day 31 is not in 2023-04/);
    expect(() => parsePeriod("2023-06-00")).toThrow(/day 00/);
    expect(parsePeriod("2024-02-29")).toMatchObject({ day: 29 }); // leap year
    expect(() => parsePeriod("1900-02-29")).toThrow(PeriodParseError); // century, not leap
    expect(parsePeriod("2000-02-29")).toMatchObject({ day: 29 }); // 400-year leap
  });

  it("keeps four-digit years below 1000 (formats, bounds and order)", () => {
    expect(formatPeriod(parsePeriod("0999"))).toBe("0999");
    expect(formatPeriod(parsePeriod("0999-01/1000-02"))).toBe("0999-01/1000-02");
    expect(periodBounds(parsePeriod("0999"))).toEqual({ start: "0999-01-01", end: "0999-12-31" });
    expect(comparePeriods("0999", "2023")).toBe(-1);
    // Leap years by the Gregorian rule, not by Date.UTC's 1900-based reading of years 0-99.
    expect(parsePeriod("0000-02-29")).toMatchObject({ year: 0, day: 29 });
    expect(() => parsePeriod("0100-02-29")).toThrow(PeriodParseError);
  });

  it("rejects ranges that do not move forward", () => {
    expect(() => parsePeriod("2023-05/2023-01")).toThrow(/must end after it starts/);
    expect(() => parsePeriod("2023-05/2023-05")).toThrow(/must end after it starts/);
    expect(() => parsePeriod("2023/2023")).toThrow(/span of years must end after it starts/);
    expect(() => parsePeriod("2023/2021")).toThrow(PeriodParseError);
  });

  it("rejects other text with the list of forms", () => {
    for (const s of ["", "23", "2023H1", "2023-H3", "2023-Q5", "2023-6", "2023年", "上半年", "2023-01-05/2023-06"]) {
      expect(() => parsePeriod(s), s).toThrow(/is not a period: use 2023, 2023-H1/);
    }
  });
});

describe("periods in order and as labels", () => {
  it("keeps 1-5月 apart from 上半年", () => {
    const jan_may = parsePeriod("2023-01/2023-05");
    const h1 = parsePeriod("2023-H1");
    expect(periodBounds(jan_may)).toEqual({ start: "2023-01-01", end: "2023-05-31" });
    expect(periodBounds(h1)).toEqual({ start: "2023-01-01", end: "2023-06-30" });
    expect(periodLabel(jan_may)).toBe("2023年1-5月");
    expect(periodLabel(h1)).toBe("2023年上半年");
    expect(periodLabel(jan_may)).not.toBe(periodLabel(h1));
    expect(comparePeriods(jan_may, h1)).toBe(-1);
  });

  it("computes bounds for every kind", () => {
    expect(periodBounds(parsePeriod("2023-H2"))).toEqual({ start: "2023-07-01", end: "2023-12-31" });
    expect(periodBounds(parsePeriod("2023-Q3"))).toEqual({ start: "2023-07-01", end: "2023-09-30" });
    expect(periodBounds(parsePeriod("2024-02"))).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodBounds(parsePeriod("2023-02"))).toEqual({ start: "2023-02-01", end: "2023-02-28" });
    expect(periodBounds(parsePeriod("2022-11/2023-02"))).toEqual({ start: "2022-11-01", end: "2023-02-28" });
    expect(periodBounds(parsePeriod("2023-12-31"))).toEqual({ start: "2023-12-31", end: "2023-12-31" });
    expect(periodBounds(parsePeriod("2021/2025"))).toEqual({ start: "2021-01-01", end: "2025-12-31" });
  });

  it("orders by start, then shorter first", () => {
    const sorted = ["2023", "2023-H2", "2022", "2023-01/2023-05", "2023-H1", "2023-07", "2021/2025", "2023-06-30"];
    sorted.sort(comparePeriods);
    expect(sorted).toEqual([
      "2021/2025",
      "2022",
      "2023-01/2023-05",
      "2023-H1",
      "2023",
      "2023-06-30",
      "2023-07",
      "2023-H2",
    ]);
    expect(comparePeriods("2023", "2023")).toBe(0);
  });

  it("labels in Chinese and English", () => {
    expect(periodLabel("2023")).toBe("2023年");
    expect(periodLabel("2023", "en")).toBe("2023");
    expect(periodLabel("2023-H2", "en")).toBe("2023 H2");
    expect(periodLabel("2023-Q3")).toBe("2023年第3季度");
    expect(periodLabel("2023-06")).toBe("2023年6月");
    expect(periodLabel("2023-06", "en")).toBe("Jun 2023");
    expect(periodLabel("2023-01/2023-05", "en")).toBe("Jan–May 2023");
    expect(periodLabel("2022-11/2023-02")).toBe("2022年11月-2023年2月");
    expect(periodLabel("2022-11/2023-02", "en")).toBe("Nov 2022–Feb 2023");
    expect(periodLabel("2023-07-13")).toBe("2023年7月13日");
    expect(periodLabel("2021/2025")).toBe("2021-2025年");
  });

  it("steps back one year", () => {
    expect(formatPeriod(previousYear("2023-01/2023-05"))).toBe("2022-01/2022-05");
    expect(formatPeriod(previousYear("2023-H1"))).toBe("2022-H1");
    expect(formatPeriod(previousYear("2021/2025"))).toBe("2020/2024");
    expect(formatPeriod(previousYear("2024-03-31"))).toBe("2023-03-31");
  });
});

const year = fc.integer({ min: 0, max: 9999 });
const month = fc.integer({ min: 1, max: 12 });
const period: fc.Arbitrary<Period> = fc.oneof(
  year.map((y) => ({ kind: "year", year: y }) as const),
  fc.record({ kind: fc.constant("half" as const), year, half: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({
    kind: fc.constant("quarter" as const),
    year,
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({ kind: fc.constant("month" as const), year, month }),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 * 12 + 10 }), fc.integer({ min: 1, max: 48 }))
    .filter(([a, n]) => a + n <= 9999 * 12 + 11)
    .map(([a, n]) => ({
      kind: "months" as const,
      from: { year: Math.floor(a / 12), month: (a % 12) + 1 },
      to: { year: Math.floor((a + n) / 12), month: ((a + n) % 12) + 1 },
    })),
  fc
    .date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => ({ kind: "date" as const, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })),
  fc
    .tuple(fc.integer({ min: 0, max: 9998 }), fc.integer({ min: 1, max: 20 }))
    .filter(([a, n]) => a + n <= 9999)
    .map(([a, n]) => ({ kind: "years" as const, from: a, to: a + n })),
);

describe("period properties", () => {
  it("formatPeriod(parsePeriod(s)) === s, and the schema accepts s", () => {
    fc.assert(
      fc.property(period, (p) => {
        const s = formatPeriod(p);
        expect(formatPeriod(parsePeriod(s))).toBe(s);
        expect(parsePeriod(s)).toEqual(p);
        expect(PeriodSchema.safeParse(s).success).toBe(true);
      }),
    );
  });

  it("any string parsePeriod accepts formats back to itself", () => {
    const chars = fc.constantFrom(..."0123456789-/HQ");
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 16 }), (s) => {
        let p: Period;
        try {
          p = parsePeriod(s);
        } catch (e) {
          expect(e).toBeInstanceOf(PeriodParseError);
          expect(PeriodSchema.safeParse(s).success).toBe(false);
          return;
        }
        expect(formatPeriod(p)).toBe(s);
        expect(PeriodSchema.safeParse(s).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("bounds are ISO dates with start ≤ end, consistent with comparePeriods", () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const ba = periodBounds(a);
        expect(ba.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ba.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ba.start <= ba.end).toBe(true);
        const c = comparePeriods(a, b);
        expect(c).toBe(-comparePeriods(b, a) || 0);
        if (periodBounds(a).start < periodBounds(b).start) expect(c).toBe(-1);
      }),
    );
  });
});

describe("periodBounds takes a string like its siblings", () => {
  it("gives the same bounds for a period string and its parsed form, and throws on a non-period", () => {
    for (const p of ["2023", "2023-H2", "2023-Q3", "2024-02", "2023-01/2023-05", "2023-12-31", "2021/2023"])
      expect(periodBounds(p)).toEqual(periodBounds(parsePeriod(p)));
    expect(periodBounds("2024-02").end).toBe("2024-02-29");
    expect(() => periodBounds("上半年")).toThrow();
  });
});
