import { z } from "zod";
import { type IndicatorId, IndicatorSchema, LocalizedSchema } from "./indicator.js";
import { PeriodSchema } from "./period.js";
import { QuantitySchema } from "./quantity.js";
import { typedString } from "./typed-string.js";
import { UnitDefSchema } from "./units.js";

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const IdSchema = z.string().regex(ID, { message: "ids are letters, digits, '.', '_' or '-'" });
const DateSchema = z.iso.date().describe("An ISO date, YYYY-MM-DD");

/** The roles an observation can have, in display order: actual, target, plan, baseline. */
export const ROLES = ["actual", "target", "plan", "baseline"] as const;
/** The zod schema of {@link Role}. */
export const RoleSchema = z
  .enum(ROLES)
  .describe(
    "actual: achieved in the period; target: a goal (力争, 确保, 不低于); plan: work scheduled (年内完成, 推进); baseline: a reference figure stated for comparison",
  );
/** What an observation states: an actual result, a target, planned work, or a baseline for comparison. */
export type Role = z.infer<typeof RoleSchema>;

/** The zod schema of {@link SourceQuote}. */
export const SourceQuoteSchema = z
  .object({
    quote: z.string().min(1).describe("Verbatim text from the source containing the figure"),
    offset: z
      .number()
      .int()
      .min(0)
      .describe("Where the quote starts in the source text, in Unicode code points from the start"),
  })
  .strict()
  .describe("A verbatim quote and where it stands in the source text");
/**
 * Where an observation is printed: the verbatim quote and its offset in code points into the normalised source
 * text.
 */
export type SourceQuote = z.infer<typeof SourceQuoteSchema>;

/** The zod schema of {@link Comparison}. */
export const ComparisonSchema = z
  .object({
    baseline: z
      .object({ quantity: QuantitySchema, period: PeriodSchema })
      .strict()
      .optional()
      .describe("The figure compared against, as stated (比去年同期13.88亿元)"),
    direction: z.enum(["increase", "decrease"]).describe("增长/提高 or 下降/减少"),
    change: QuantitySchema.optional().describe(
      "Stated absolute change, unsigned, in a unit of the value (增长6.39亿元)",
    ),
    percent: QuantitySchema.optional().describe("Stated relative change in % (增幅45.4%), unsigned"),
    points: QuantitySchema.optional().describe("Stated change in percentage points (提高3个百分点), unsigned"),
  })
  .strict()
  .describe("A comparison stated in the sentence: baseline, absolute change, percent or point change");
/**
 * A figure stated against a baseline: the baseline (with its period), the direction, and the printed change,
 * percent or points.
 */
export type Comparison = z.infer<typeof ComparisonSchema>;

/** The zod schema of {@link Observation}. */
export const ObservationSchema = z
  .object({
    id: IdSchema.describe("Unique within the report"),
    indicator: typedString<IndicatorId>(
      z.string().min(1).describe("A catalogue indicator id or one of the report's own indicators"),
    ),
    role: RoleSchema,
    period: PeriodSchema,
    quantity: QuantitySchema,
    subject: z.string().optional().describe("The phrase the figure measures, as printed (完成税收)"),
    comparison: ComparisonSchema.optional(),
    section: z.array(z.string()).describe("Headings from the outermost down: [第一部分, 一、, (一)]"),
    source: SourceQuoteSchema,
    notes: z.string().optional(),
  })
  .strict()
  .describe("One quantitative fact stated in the report");
/** One quantitative fact a report states: which indicator, role, period and quantity, and where it is printed. */
export type Observation = z.infer<typeof ObservationSchema>;
/** An {@link Observation} as written in a file, before defaults are filled in. */
export type ObservationInput = z.input<typeof ObservationSchema>;

/** Words of the text a relation is about, as printed, and where they start. */
const PrintedWordsSchema = z
  .object({
    printed: z.string().min(1).describe("The words as printed: （三）, 八个方面, 奶业"),
    quote: z.string().min(1).describe("The clause they are printed in, verbatim (it contains them)"),
    offset: z.number().int().min(0).describe("Where the quote starts in the source text, in code points"),
  })
  .strict();
/** An ordinal or a count printed in words, with the number it stands for. */
const PrintedNumberSchema = PrintedWordsSchema.extend({
  value: z.number().int().min(0).describe("The number the words stand for: 3 for （三）, 8 for 八个方面"),
}).strict();

/** The zod schema of {@link Relation}. */
export const RelationSchema = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("sum"),
        id: IdSchema,
        total: z.string().describe("The observation that is the whole"),
        parts: z.array(z.string()).min(2).describe("The observations that add up to it"),
        note: z.string().optional(),
      })
      .strict()
      .describe("Parts that add up to a total (4718家 = 2506家 + 2212家)"),
    z
      .object({
        kind: z.literal("ratio"),
        id: IdSchema,
        numerator: z.string(),
        denominator: z.string(),
        ratio: z.string().describe("The observation stating numerator / denominator, in % or 倍"),
        note: z.string().optional(),
      })
      .strict()
      .describe("A share or rate stated alongside its parts (主动公开率98% = 42件 / 43件)"),
    z
      .object({
        kind: z.literal("derived_target"),
        id: IdSchema,
        base: z.string().describe("The base figure (2022年税收30.20亿元)"),
        rate: z.string().describe("The growth rate target in %"),
        target: z.string().optional().describe("The printed target, when the report states one"),
        note: z.string().optional(),
      })
      .strict()
      .describe("A target derived from a base and a growth rate: target = base × (1 + rate)"),
    z
      .object({
        kind: z.literal("progress"),
        id: IdSchema,
        actual: z.string().describe("What was achieved so far"),
        target: z.string().describe("The goal for the same indicator over a longer period"),
        note: z.string().optional(),
      })
      .strict()
      .describe("An actual to date measured against a target for the same indicator"),
    z
      .object({
        kind: z.literal("average_growth"),
        id: IdSchema,
        from: z
          .string()
          .optional()
          .describe(
            "The earlier level (由2010年的162.4亿元); absent when the text prints the change instead (完成30788元,比2010年增加13480元), which is then read from the later level's comparison",
          ),
        to: z.string().describe("The later level (增加到2015年的287.9亿元)"),
        rate: z.string().describe("The stated average annual growth in % (年均增长12.1%)"),
        years: z.number().int().min(1).describe("Years between the two levels (2015 − 2010 = 5)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("An average annual growth between two levels: (to ÷ from)^(1 ÷ years) − 1 = rate"),
    z
      .object({
        kind: z.literal("part"),
        id: IdSchema,
        whole: z.string().describe("The observation that is the whole (脱贫300户)"),
        parts: z.array(z.string()).min(1).describe("Parts of it that may not name all of it (其中…)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("Parts that can never exceed their whole: sum of parts ≤ whole (其中 lists, 占)"),
    z
      .object({
        kind: z.literal("remainder"),
        id: IdSchema,
        total: z.string().describe("The whole task (共20项)"),
        done: z.string().describe("What is done (已完成12项)"),
        remaining: z.string().describe("What is left (剩余8项, 尚有8项)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("What is done and what remains make the whole: done + remaining = total"),
    z
      .object({
        kind: z.literal("product"),
        id: IdSchema,
        factors: z.array(z.string()).min(2).describe("The figures multiplied (8名专家, 每人4名)"),
        product: z.string().describe("The stated product (共32名)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("A count or amount stated per item and in total: factor × factor = product"),
    z
      .object({
        kind: z.literal("growth"),
        id: IdSchema,
        from: z.string().describe("The earlier level (从14.8亿元)"),
        to: z.string().describe("The later level (跃升至422.7亿元)"),
        rate: z.string().describe("The stated growth or decline between them, in % or 倍 (增长27倍, 降幅近40%)"),
        note: z.string().optional(),
      })
      .strict()
      .describe(
        "A growth stated between two printed levels: (to ÷ from − 1) × 100 = growth %, (1 − to ÷ from) × 100 = decline %, to ÷ from − 1 = growth in 倍",
      ),
    z
      .object({
        kind: z.literal("per_capita"),
        id: IdSchema,
        total: z.string().describe("The total (发放救助金9.2亿元)"),
        population: z.string().describe("The people or households it is spread over (惠及12万人)"),
        perCapita: z.string().describe("The amount per person or household (人均7667元)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("An amount per person printed with its total and the people: per-capita × population = total"),
    z
      .object({
        kind: z.literal("sequence"),
        id: IdSchema,
        markers: z
          .array(PrintedNumberSchema)
          .min(2)
          .describe("The ordinal markers of one list, in text order (一是, 二是, 三是 / （一）, （二）)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("Ordinal markers of one list, numbered 1, 2, 3, … with no gap and no repeat"),
    z
      .object({
        kind: z.literal("count"),
        id: IdSchema,
        count: PrintedNumberSchema.describe("The count printed (八个方面, 五大工程, 双下降)"),
        items: z
          .array(PrintedWordsSchema)
          .min(1)
          .describe("The items the text then names (the headings （一）…（八）, or 奶业、蔬菜、…)"),
        note: z.string().optional(),
      })
      .strict()
      .describe("A count printed with the items it announces: count = number of items named"),
  ])
  .describe("A relation the text implies between observations");
/**
 * A relation between observations that the checks verify: a sum, a ratio, a part, a remainder, a product, an
 * average growth, a target derived from a base, or progress to a target.
 */
export type Relation = z.infer<typeof RelationSchema>;
/** The kind of a {@link Relation}, e.g. `"sum"`. */
export type RelationKind = Relation["kind"];

/** The observations a relation refers to, by role (total, parts, …), in the order the schema lists them. */
export function relationRefs(r: Relation): [role: string, id: string][] {
  switch (r.kind) {
    case "sum":
      return [["total", r.total], ...r.parts.map((p, k): [string, string] => [`parts[${k}]`, p])];
    case "ratio":
      return [
        ["numerator", r.numerator],
        ["denominator", r.denominator],
        ["ratio", r.ratio],
      ];
    case "derived_target":
      return [["base", r.base], ["rate", r.rate], ...(r.target ? [["target", r.target] as [string, string]] : [])];
    case "progress":
      return [
        ["actual", r.actual],
        ["target", r.target],
      ];
    case "average_growth":
      return [...(r.from ? [["from", r.from] as [string, string]] : []), ["to", r.to], ["rate", r.rate]];
    case "part":
      return [["whole", r.whole], ...r.parts.map((p, k): [string, string] => [`parts[${k}]`, p])];
    case "remainder":
      return [
        ["total", r.total],
        ["done", r.done],
        ["remaining", r.remaining],
      ];
    case "product":
      return [...r.factors.map((p, k): [string, string] => [`factors[${k}]`, p]), ["product", r.product]];
    case "growth":
      return [
        ["from", r.from],
        ["to", r.to],
        ["rate", r.rate],
      ];
    case "per_capita":
      return [
        ["total", r.total],
        ["population", r.population],
        ["perCapita", r.perCapita],
      ];
    // Words, not observations: an ordinal list and a counted list refer to no figure.
    case "sequence":
    case "count":
      return [];
  }
}

/** The severities of check findings, most serious first. */
export const SEVERITIES = ["error", "warning", "info"] as const;
/** The zod schema of {@link Severity}. */
export const SeveritySchema = z.enum(SEVERITIES);
/** How serious a finding is: an error makes a report invalid, a warning and info do not. */
export type Severity = z.infer<typeof SeveritySchema>;

/** The zod schema of {@link AcknowledgedFinding}. */
export const AcknowledgedFindingSchema = z
  .object({
    code: z.string().min(1).describe("The finding code this acknowledges, e.g. comparison.change_mismatch"),
    observations: z.array(z.string()).default([]).describe("The observations involved"),
    relation: z.string().optional().describe("The relation involved, for relation findings"),
    explanation: LocalizedSchema.describe("Why the printed report is as it is, and what the data keeps"),
  })
  .strict()
  .describe("A known inconsistency in the printed report, kept as printed and explained");
/**
 * A finding the editors have looked at and explained (a typo in the source kept as printed): it is still
 * reported, but does not make the report invalid.
 */
export type AcknowledgedFinding = z.infer<typeof AcknowledgedFindingSchema>;

/** The levels of government, from the nation down to the street (街道). */
export const JURISDICTION_LEVELS = [
  "national",
  "provincial",
  "prefecture",
  "county",
  "district",
  "town",
  "township",
  "street",
] as const;
/** The zod schema of {@link JurisdictionLevel}. */
export const JurisdictionLevelSchema = z.enum(JURISDICTION_LEVELS);
/** A level of government: national, provincial, prefecture, county, district, town, township or street. */
export type JurisdictionLevel = z.infer<typeof JurisdictionLevelSchema>;

const PlaceSchema = z.object({ name: LocalizedSchema, level: JurisdictionLevelSchema }).strict();

/** The zod schema of {@link Jurisdiction}. */
export const JurisdictionSchema = z
  .object({
    name: LocalizedSchema,
    level: JurisdictionLevelSchema,
    parents: z.array(PlaceSchema).default([]).describe("From the province down to the direct parent"),
    code: z
      .string()
      .regex(/^\d{6}(\d{3})?$/, { message: "an administrative division code is 6 or 9 digits" })
      .optional()
      .describe("Administrative division code (GB/T 2260, or 9 digits for towns)"),
  })
  .strict();
/**
 * The government that delivers a report: its name in Chinese and English, level, and the jurisdictions it
 * belongs to.
 */
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

/**
 * The zod schema of a report, the source of `report.schema.json`. Prefer {@link parseReport}, which also
 * returns issues with paths.
 */
export const ReportSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema.describe("Stable report id, e.g. zhangjiang-2023-h1"),
    title: LocalizedSchema,
    jurisdiction: JurisdictionSchema,
    session: z
      .object({
        body: LocalizedSchema.describe("The congress, e.g. 张江镇第五届人民代表大会"),
        term: z.number().int().positive().optional(),
        meeting: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    delivered: DateSchema.optional().describe("When the report was delivered"),
    published: DateSchema.optional().describe("When the text was published"),
    speaker: z
      .object({ zh: z.string().min(1), en: z.string().optional(), title: LocalizedSchema.optional() })
      .strict()
      .optional(),
    source: z
      .object({
        file: z.string().optional().describe("Path of the source text, relative to the report file"),
        url: z
          .string()
          .optional()
          .describe("Where the text was published; leave it out when it is not known (never a guess)"),
        producer: LocalizedSchema.optional().describe(
          "Who produced and published the text (the 发布机构 a government portal prints), e.g. 张江镇人民政府",
        ),
        accessed: DateSchema.optional().describe(
          "When the text was retrieved from `url`; leave it out when not recorded",
        ),
        note: z.string().min(1).optional().describe("How the text was obtained, and what of its origin is not known"),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: "sha256 is 64 lower-case hex digits" }),
        chars: z.number().int().min(0).optional().describe("Length of the source text in code points"),
      })
      .strict()
      .describe("The exact text the quotes come from"),
    period: PeriodSchema.describe("The period the report reviews"),
    units: z.array(UnitDefSchema).default([]).describe("Units the registry lacks, declared here"),
    indicators: z.array(IndicatorSchema).default([]).describe("Report-local indicators"),
    observations: z.array(ObservationSchema),
    relations: z.array(RelationSchema).default([]),
    acknowledged: z.array(AcknowledgedFindingSchema).default([]),
  })
  .strict()
  .describe("A government work report as data: identity, source, observations, relations and known findings");
/**
 * A parsed, typed report: metadata, source, units, indicators, observations, relations and acknowledged
 * findings.
 */
export type Report = z.output<typeof ReportSchema>;
/** A {@link Report} as written in a file, before defaults are filled in. */
export type ReportInput = z.input<typeof ReportSchema>;
