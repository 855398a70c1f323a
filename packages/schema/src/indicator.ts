import { z } from "zod";
import type { CatalogueIndicatorId } from "./catalogue.js";
import { typedString } from "./typed-string.js";
import { DimensionSchema } from "./units.js";

/** The policy areas an indicator can belong to, in display order. */
export const CATEGORIES = [
  "economy",
  "urban_development",
  "environment",
  "safety",
  "social_services",
  "culture",
  "governance",
  "party_integrity",
] as const;
/** The zod schema of {@link Category}. */
export const CategorySchema = z.enum(CATEGORIES).describe("The policy area an indicator belongs to");
/** The policy area an indicator belongs to: economy, urban development, environment, safety…. */
export type Category = z.infer<typeof CategorySchema>;

/** Each category's name in Chinese and English, for labels. */
export const CATEGORY_NAMES: Readonly<Record<Category, { zh: string; en: string }>> = {
  economy: { zh: "经济发展", en: "Economy" },
  urban_development: { zh: "城市建设", en: "Urban development" },
  environment: { zh: "生态环境", en: "Environment" },
  safety: { zh: "安全稳定", en: "Safety" },
  social_services: { zh: "民生服务", en: "Social services" },
  culture: { zh: "文化建设", en: "Culture" },
  governance: { zh: "社会治理与政务", en: "Governance" },
  party_integrity: { zh: "党建与廉政", en: "Party building and integrity" },
};

/** The zod schema of {@link Direction}. */
export const DirectionSchema = z
  .enum(["higher_is_better", "lower_is_better", "neutral"])
  .describe("Which way the indicator should move");
/** Whether a higher value of an indicator is better, worse, or neither. */
export type Direction = z.infer<typeof DirectionSchema>;

/** The zod schema of {@link Localized}: a Chinese text and its English translation. */
export const LocalizedSchema = z
  .object({ zh: z.string().min(1), en: z.string().min(1) })
  .strict()
  .describe("Text in Chinese and English");
/** A text in Chinese (`zh`) and English (`en`). */
export type Localized = z.infer<typeof LocalizedSchema>;

/** The price bases a growth rate can be stated at: comparable prices (可比价) or nominal (current) prices. */
export const PRICE_BASES = ["comparable", "nominal"] as const;
/** The zod schema of {@link PriceBasis}. */
export const PriceBasisSchema = z
  .enum(PRICE_BASES)
  .describe(
    "How the report states the growth of an amount: comparable (constant) prices (GDP, value added: its growth is never the ratio of two printed levels) or nominal (fiscal revenue, tax, trade: the ratio of the levels is the growth)",
  );
/** Whether an indicator's growth is at comparable (可比价) or nominal prices. */
export type PriceBasis = z.infer<typeof PriceBasisSchema>;

/** The form of an indicator id: lower-case words joined by `_`, `-` or `.`, e.g. `tax_revenue`. */
export const INDICATOR_ID = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

/**
 * A report-local indicator id (one a report defines): a string that came through the schema or
 * {@link indicatorId}, so that a bare string does not pass for one.
 */
export type LocalIndicatorId = string & z.$brand<"IndicatorId">;

/**
 * An indicator id: one of the catalogue's ids as a literal (`"tax_revenue"`), or a checked
 * {@link LocalIndicatorId}. A mistyped catalogue literal (`"tax_revenu"`) does not compile.
 */
export type IndicatorId = CatalogueIndicatorId | LocalIndicatorId;

/**
 * Checks a string has the form of an indicator id ({@link INDICATOR_ID}) and returns it typed as one;
 * throws a TypeError otherwise. For ids built or read at run time (a report's own indicators, user input).
 * Whether the id is in the catalogue or among a report's indicators is for {@link findIndicator} and the checks.
 *
 * @example
 * indicatorId("tax_revenue") // "tax_revenue"
 * indicatorId("Tax Revenue") // throws TypeError
 */
export function indicatorId(s: string): IndicatorId {
  if (!INDICATOR_ID.test(s))
    throw new TypeError(`"${s}" is not an indicator id: use lower-case words joined by _, - or .`);
  return s as IndicatorId;
}

/** The zod schema of {@link Indicator}. */
export const IndicatorSchema = z
  .object({
    id: typedString<IndicatorId>(
      z
        .string()
        .regex(INDICATOR_ID, { message: "indicator ids are lower-case words joined by _, - or ." })
        .describe("Stable identifier, e.g. tax_revenue"),
    ),
    name: LocalizedSchema,
    category: CategorySchema,
    dimension: DimensionSchema,
    unit: z.string().optional().describe("The unit the indicator is usually reported in"),
    direction: DirectionSchema,
    bounds: z
      .tuple([z.number(), z.number()])
      .optional()
      .describe("Inclusive range a value must fall in, in `unit` (a rate is [0, 100])"),
    priceBasis: PriceBasisSchema.optional(),
    description: LocalizedSchema.optional(),
    headline: z.boolean().optional().describe("Shown first on dashboards and in `govreport show`"),
    keywords: z.array(z.string()).optional().describe("Phrases that name this indicator in report text"),
  })
  .strict()
  .describe("An indicator definition: what is measured, in which dimension, and which way is better");
/**
 * An indicator: a stable id, its names, category, unit dimension and direction (a catalogue entry or one a
 * report defines).
 */
export type Indicator = z.infer<typeof IndicatorSchema>;
