import { z } from "zod";
import { type Interval, interval, rounded } from "./interval.js";
import { resolveUnit } from "./units.js";

/**
 * How a printed figure qualifies its number. Reports rarely print bare numbers: 300余家,
 * 近1.6万条, 约11万平方米, 不低于10%, 95%以上 all mean something other than exactly that number.
 */
export const QUALIFIERS = ["exact", "more_than", "nearly", "approximately", "at_least", "at_most"] as const;
/** The zod schema of {@link Qualifier}. */
export const QualifierSchema = z
  .enum(QUALIFIERS)
  .describe(
    "exact; more_than (余, 多, 超过, 超); nearly (近, 将近); approximately (约, 左右); at_least (不低于, 以上, 至少); at_most (以内, 不超过, 以下)",
  );
/**
 * How a printed figure qualifies its number: exact, more than (余), nearly (近), approximately (约), at least
 * (以上), at most (以内).
 */
export type Qualifier = z.infer<typeof QualifierSchema>;

/** The words that print each qualifier, most specific first (so 不低于 is not read as 低于). */
export const QUALIFIER_WORDS: Readonly<Record<Exclude<Qualifier, "exact">, { before: string[]; after: string[] }>> = {
  more_than: { before: ["超过", "逾", "超"], after: ["余", "多"] },
  nearly: { before: ["将近", "接近", "近"], after: [] },
  approximately: { before: ["约", "大约"], after: ["左右"] },
  at_least: { before: ["不低于", "不少于", "至少"], after: ["以上"] },
  at_most: { before: ["不超过", "不高于", "控制在"], after: ["以内", "以下"] },
};

/** The most digits after the decimal point a {@link Quantity} may carry. */
export const MAX_DECIMALS = 12;

/** The zod schema of {@link Quantity}. */
export const QuantitySchema = z
  .object({
    value: z.number().finite().describe("The number as printed, in `unit` (20.17 for 20.17亿元)"),
    max: z
      .number()
      .finite()
      .optional()
      .describe("Upper end of a printed range (2 for 1-2个月); `value` is then the lower end"),
    unit: z.string().describe('The unit as printed, e.g. 亿元, 万条, %, 个百分点; "" for a bare number'),
    decimals: z
      .number()
      .int()
      .min(0)
      .max(MAX_DECIMALS)
      .describe("Digits printed after the decimal point: 590.20 has 2, so it stands for [590.195, 590.205]"),
    qualifier: QualifierSchema.default("exact"),
    printed: z
      .string()
      .optional()
      .describe("The figure exactly as printed in the source, e.g. 近1.6万条 (used by the provenance check)"),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.max !== undefined && q.max <= q.value) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `range end ${q.max} is not above its start ${q.value}` });
    }
  })
  .describe("A printed quantity: value, unit, printed decimals and qualifier");
/**
 * A printed quantity: value (and range end), unit as printed, decimals printed, qualifier, and the figure as
 * printed.
 */
export type Quantity = z.output<typeof QuantitySchema>;
/** A {@link Quantity} as written in a file, before defaults (the qualifier defaults to exact). */
export type QuantityInput = z.input<typeof QuantitySchema>;

/**
 * The place value of a figure's last non-zero digit. 余, 近 and 约 count in that step:
 * 250余 is 250-260, 300余 is 300-400, 1.63万余 is 1.63-1.64万.
 */
export function lastDigitPlace(value: number, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  let v = Math.abs(Math.round(value));
  if (v === 0) return 1;
  let place = 1;
  while (v % 10 === 0) {
    v /= 10;
    place *= 10;
  }
  return place;
}

/**
 * The interval of true values a printed quantity is consistent with, in its own unit.
 * exact: half a unit in the last printed digit either side; more_than: up to the next step
 * of its last digit; nearly: down to the previous step; approximately: one step either side;
 * at_least / at_most: unbounded on one side.
 */
export function quantityInterval(q: Pick<Quantity, "value" | "decimals" | "qualifier" | "max">): Interval {
  const r = rounded(q.value, q.decimals);
  const top = q.max !== undefined ? rounded(q.max, q.decimals).hi : r.hi;
  const step = lastDigitPlace(q.value, q.decimals);
  switch (q.qualifier) {
    case "exact":
      return interval(r.lo, top);
    case "more_than":
      return interval(q.value, q.value + step);
    case "nearly":
      return interval(q.value - step, q.value);
    case "approximately":
      return interval(q.value - step, q.value + step);
    case "at_least":
      return interval(r.lo, Number.POSITIVE_INFINITY);
    case "at_most":
      return interval(Number.NEGATIVE_INFINITY, top);
  }
}

const QUALIFIER_ZH: Record<Qualifier, [string, string]> = {
  exact: ["", ""],
  more_than: ["", "余"],
  nearly: ["近", ""],
  approximately: ["约", ""],
  at_least: ["不低于", ""],
  at_most: ["不超过", ""],
};

/** Formats a quantity the way a report prints it: 20.17亿元, 近1.6万条, 1-2个月. */
export function formatQuantity(q: Pick<Quantity, "value" | "decimals" | "qualifier" | "max" | "unit">): string {
  const n = (x: number) => x.toFixed(q.decimals);
  const [pre, post] = QUALIFIER_ZH[q.qualifier];
  const num = q.max !== undefined ? `${n(q.value)}-${n(q.max)}` : n(q.value);
  if (!post) return `${pre}${num}${q.unit}`;
  // 余 follows the number and any scale prefix, before the rest of the unit: 250余人次,
  // 1.63万余人次, 5亿余元, 1万余平方米 (never 250人次余). 千 is a scale only before a
  // count (5千余户), not inside 千米 or 千瓦.
  const scale = SCALE_PREFIXES.find((p) => {
    if (!q.unit.startsWith(p)) return false;
    const rest = resolveUnit(q.unit.slice(p.length));
    return p === "千" ? rest?.dimension === "count" : rest !== undefined;
  });
  const at = scale?.length ?? 0;
  return `${pre}${num}${q.unit.slice(0, at)}${post}${q.unit.slice(at)}`;
}

const SCALE_PREFIXES = ["万亿", "百万", "亿", "万", "千"];
