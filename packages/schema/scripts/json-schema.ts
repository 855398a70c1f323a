import { z } from "zod";
import pkg from "../package.json" with { type: "json" };
import {
  AcknowledgedFindingSchema,
  ComparisonSchema,
  DimensionSchema,
  IndicatorSchema,
  JurisdictionSchema,
  LocalizedSchema,
  ObservationSchema,
  PeriodSchema,
  QualifierSchema,
  QuantitySchema,
  RelationSchema,
  ReportSchema,
  RoleSchema,
  SourceQuoteSchema,
  UnitDefSchema,
} from "../src/index.js";

/** Schemas that get a name in `$defs` (and `$ref`s where they are used) instead of being inlined. */
const NAMED: ReadonlyMap<z.ZodType, string> = new Map<z.ZodType, string>([
  [LocalizedSchema, "Localized"],
  [PeriodSchema, "Period"],
  [QualifierSchema, "Qualifier"],
  [QuantitySchema, "Quantity"],
  [DimensionSchema, "Dimension"],
  [UnitDefSchema, "UnitDef"],
  [IndicatorSchema, "Indicator"],
  [RoleSchema, "Role"],
  [SourceQuoteSchema, "SourceQuote"],
  [ComparisonSchema, "Comparison"],
  [ObservationSchema, "Observation"],
  [RelationSchema, "Relation"],
  [AcknowledgedFindingSchema, "AcknowledgedFinding"],
  [JurisdictionSchema, "Jurisdiction"],
]);

/** The global registry's metadata (descriptions), plus an id for each named schema. */
class NamingRegistry extends z.core.$ZodRegistry<z.core.GlobalMeta> {
  override get(schema: z.core.$ZodType) {
    const meta = z.globalRegistry.get(schema);
    const id = NAMED.get(schema as z.ZodType);
    return id ? { ...meta, id } : meta;
  }
}

export const SCHEMA_ID = `https://unpkg.com/${pkg.name}@${pkg.version}/dist/report.schema.json`;

/**
 * The JSON Schema of a report file as its author writes it (`io: "input"`: fields with
 * defaults are optional). Refinements zod runs in code are not in it: see docs/schema-reference.md.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, {
    target: "draft-2020-12",
    io: "input",
    metadata: new NamingRegistry(),
    unrepresentable: "throw",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: "Government work report (govreport)",
    description:
      "A Chinese government work report as data: identity, source text, observations with verbatim quotes, relations between them and acknowledged findings. Generated from the zod schemas of @govreport/schema.",
    ...rest,
  };
}
