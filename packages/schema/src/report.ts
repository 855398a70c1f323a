import { z } from "zod";
import { IndicatorSchema, LocalizedSchema } from "./indicator.js";
import { PeriodSchema } from "./period.js";
import { QuantitySchema } from "./quantity.js";
import { UnitDefSchema } from "./units.js";

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const IdSchema = z.string().regex(ID, { message: "ids are letters, digits, '.', '_' or '-'" });
const DateSchema = z.iso.date().describe("An ISO date, YYYY-MM-DD");

export const ROLES = ["actual", "target", "plan", "baseline"] as const;
export const RoleSchema = z
  .enum(ROLES)
  .describe(
    "actual: achieved in the period; target: a goal (力争, 确保, 不低于); plan: work scheduled (年内完成, 推进); baseline: a reference figure stated for comparison",
  );
export type Role = z.infer<typeof RoleSchema>;

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
export type SourceQuote = z.infer<typeof SourceQuoteSchema>;

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
export type Comparison = z.infer<typeof ComparisonSchema>;

export const ObservationSchema = z
  .object({
    id: IdSchema.describe("Unique within the report"),
    indicator: z.string().min(1).describe("A catalogue indicator id or one of the report's own indicators"),
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
export type Observation = z.infer<typeof ObservationSchema>;
export type ObservationInput = z.input<typeof ObservationSchema>;

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
  ])
  .describe("A relation the text implies between observations");
export type Relation = z.infer<typeof RelationSchema>;
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
  }
}

export const SEVERITIES = ["error", "warning", "info"] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const AcknowledgedFindingSchema = z
  .object({
    code: z.string().min(1).describe("The finding code this acknowledges, e.g. comparison.change_mismatch"),
    observations: z.array(z.string()).default([]).describe("The observations involved"),
    relation: z.string().optional().describe("The relation involved, for relation findings"),
    explanation: LocalizedSchema.describe("Why the printed report is as it is, and what the data keeps"),
  })
  .strict()
  .describe("A known inconsistency in the printed report, kept as printed and explained");
export type AcknowledgedFinding = z.infer<typeof AcknowledgedFindingSchema>;

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
export const JurisdictionLevelSchema = z.enum(JURISDICTION_LEVELS);
export type JurisdictionLevel = z.infer<typeof JurisdictionLevelSchema>;

const PlaceSchema = z.object({ name: LocalizedSchema, level: JurisdictionLevelSchema }).strict();

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
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

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
export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
