import { z } from "zod";
import { DimensionSchema } from "./units.js";

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
export const CategorySchema = z.enum(CATEGORIES).describe("The policy area an indicator belongs to");
export type Category = z.infer<typeof CategorySchema>;

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

export const DirectionSchema = z
  .enum(["higher_is_better", "lower_is_better", "neutral"])
  .describe("Which way the indicator should move");
export type Direction = z.infer<typeof DirectionSchema>;

export const LocalizedSchema = z
  .object({ zh: z.string().min(1), en: z.string().min(1) })
  .strict()
  .describe("Text in Chinese and English");
export type Localized = z.infer<typeof LocalizedSchema>;

export const PRICE_BASES = ["comparable", "nominal"] as const;
export const PriceBasisSchema = z
  .enum(PRICE_BASES)
  .describe(
    "How the report states the growth of an amount: comparable (constant) prices (GDP, value added: its growth is never the ratio of two printed levels) or nominal (fiscal revenue, tax, trade: the ratio of the levels is the growth)",
  );
export type PriceBasis = z.infer<typeof PriceBasisSchema>;

export const INDICATOR_ID = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

export const IndicatorSchema = z
  .object({
    id: z
      .string()
      .regex(INDICATOR_ID, { message: "indicator ids are lower-case words joined by _, - or ." })
      .describe("Stable identifier, e.g. tax_revenue"),
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
export type Indicator = z.infer<typeof IndicatorSchema>;
