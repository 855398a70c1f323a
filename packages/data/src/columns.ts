import {
  CATEGORIES,
  DIMENSIONS,
  findIndicator,
  type Observation,
  PERIOD_PATTERN,
  parsePeriod,
  periodBounds,
  QUALIFIERS,
  type Quantity,
  type Report,
  ROLES,
  resolveUnit,
  unitMeasure,
} from "@govreport/schema";
import { reportOrigin } from "./origin.js";
import { OBS_STATUSES, observationStatus } from "./status.js";

/** One CSV row's worth of context: an observation and the report it belongs to. */
export interface ObservationRow {
  report: Report;
  observation: Observation;
}

/** Table Schema field types used by the tables. */
export type FieldType = "string" | "number" | "integer" | "date" | "array";

export interface FieldConstraints {
  required?: true;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

/** A cell before serialisation; `undefined` is an empty cell (a missing value). */
export type CellValue = string | number | readonly string[] | undefined;

/**
 * One column of a table (`observations.csv`, `indicators.csv`, `units.csv`). The CSV header, the
 * cells, the Frictionless Table Schema and the data dictionary are all derived from the column
 * lists, so they cannot disagree.
 */
export interface Column<Row = ObservationRow> {
  /** The CSV header and Table Schema field name, e.g. `unit_mult`. */
  name: string;
  /** The Table Schema field type. */
  type: FieldType;
  /** What the column holds, for the Table Schema and the data dictionary. */
  description: string;
  /** Table Schema constraints (required, enum, pattern…). */
  constraints?: FieldConstraints;
  /** The cell of this column for one row. */
  get(row: Row): CellValue;
}

/**
 * A JavaScript regular expression as a Table Schema pattern: XML Schema syntax, which anchors
 * implicitly (so no ^ and $) and has no \/ escape.
 */
export function tableSchemaPattern(re: RegExp): string {
  return re.source.replace(/^\^/, "").replace(/\$$/, "").replaceAll("\\/", "/");
}

const ID_PATTERN = tableSchemaPattern(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const PERIOD_PATTERN_SOURCE = tableSchemaPattern(PERIOD_PATTERN);

/** Drops float noise from unit scaling: 20.17 × 1e8 is 2017000000, not 2017000000.0000002. */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

function inBaseUnit(row: ObservationRow, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const unit = resolveUnit(row.observation.quantity.unit, row.report.units);
  return unit ? clean(value * unit.scale) : undefined;
}

function indicatorOf(row: ObservationRow) {
  return findIndicator(row.observation.indicator, row.report.indicators);
}

function bounds(row: ObservationRow) {
  return periodBounds(parsePeriod(row.observation.period));
}

/** value, value_max, unit, decimals, qualifier, printed for one quantity. */
function quantityColumns(
  prefix: string,
  what: string,
  pick: (o: Observation) => Quantity | undefined,
  required: boolean,
): Column[] {
  const req = required ? ({ required: true } as const) : {};
  const q = (row: ObservationRow) => pick(row.observation);
  const when = required ? "" : ` Empty when the report states no ${what}.`;
  return [
    {
      name: `${prefix}value`,
      type: "number",
      description: `The ${what} as printed, in \`${prefix}unit\` (20.17 for 20.17亿元); the lower end of a printed range.${when}`,
      constraints: req,
      get: (row) => q(row)?.value,
    },
    {
      name: `${prefix}value_max`,
      type: "number",
      description: `Upper end of a printed range (2 for 1-2个月), in \`${prefix}unit\`. Empty for a single figure.`,
      get: (row) => q(row)?.max,
    },
    {
      name: `${prefix}unit`,
      type: "string",
      description: `The unit of the ${what} as printed (亿元, 万条, %, 个百分点). Empty for a bare number${required ? "" : `, or when there is no ${what}`}.`,
      get: (row) => {
        const unit = q(row)?.unit;
        return unit === "" ? undefined : unit;
      },
    },
    {
      name: `${prefix}decimals`,
      type: "integer",
      description: `Digits printed after the decimal point of the ${what} (590.20 has 2): the figure stands for every value that rounds to it.`,
      constraints: { ...req, minimum: 0, maximum: 12 },
      get: (row) => q(row)?.decimals,
    },
    {
      name: `${prefix}qualifier`,
      type: "string",
      description: `How the report qualifies the ${what}: exact; more_than (余, 多, 超过); nearly (近); approximately (约, 左右); at_least (不低于, 以上); at_most (以内, 不超过).`,
      constraints: { ...req, enum: QUALIFIERS },
      get: (row) => q(row)?.qualifier,
    },
    {
      name: `${prefix}printed`,
      type: "string",
      description: `The ${what} exactly as printed in the source (近1.6万条), when the data records it.`,
      get: (row) => q(row)?.printed,
    },
  ];
}

/**
 * The columns of `observations.csv`, in order: name, Table Schema type, description and how each is read from
 * an observation.
 */
export const OBSERVATION_COLUMNS: readonly Column[] = [
  {
    name: "report_id",
    type: "string",
    description: "The report the observation comes from; `reports/<report_id>.json` holds the whole report.",
    constraints: { required: true, pattern: ID_PATTERN },
    get: (row) => row.report.id,
  },
  {
    name: "observation_id",
    type: "string",
    description: "Identifier of the observation, unique within its report.",
    constraints: { required: true, pattern: ID_PATTERN },
    get: (row) => row.observation.id,
  },
  {
    name: "indicator_id",
    type: "string",
    description: "What is measured: a catalogue indicator id (see the indicator catalogue) or one the report defines.",
    constraints: { required: true },
    get: (row) => row.observation.indicator,
  },
  {
    name: "indicator_zh",
    type: "string",
    description: "Chinese name of the indicator.",
    constraints: { required: true },
    get: (row) => indicatorOf(row)?.name.zh,
  },
  {
    name: "indicator_en",
    type: "string",
    description: "English name of the indicator.",
    constraints: { required: true },
    get: (row) => indicatorOf(row)?.name.en,
  },
  {
    name: "category",
    type: "string",
    description: "Policy area of the indicator.",
    constraints: { required: true, enum: CATEGORIES },
    get: (row) => indicatorOf(row)?.category,
  },
  {
    name: "dimension",
    type: "string",
    description: "What the indicator's unit measures (currency, area, count, percent…).",
    constraints: { required: true, enum: DIMENSIONS },
    get: (row) => indicatorOf(row)?.dimension,
  },
  {
    name: "indicator_direction",
    type: "string",
    description: "Which way the indicator should move: higher_is_better, lower_is_better or neutral.",
    constraints: { required: true, enum: ["higher_is_better", "lower_is_better", "neutral"] },
    get: (row) => indicatorOf(row)?.direction,
  },
  {
    name: "role",
    type: "string",
    description:
      "actual: achieved in the period; target: a goal (力争, 确保, 不低于); plan: work scheduled (年内完成, 推进); baseline: a reference figure stated for comparison.",
    constraints: { required: true, enum: ROLES },
    get: (row) => row.observation.role,
  },
  {
    name: "obs_status",
    type: "string",
    description:
      "What kind of figure this is, derived from `role`, `qualifier` and the dates (in the spirit of SDMX OBS_STATUS): target (role target or plan); estimate (an actual for a period that had not ended when the report was delivered); lower_bound (余, 多, 超过, 以上, 不低于); upper_bound (以内, 不超过); about (近, 约, 左右); actual (an exact figure of a period that is over).",
    constraints: { required: true, enum: OBS_STATUSES },
    get: (row) => observationStatus(row.report, row.observation),
  },
  {
    name: "period",
    type: "string",
    description:
      "The period the figure covers: 2023 (year), 2023-H1 (half), 2023-Q3 (quarter), 2023-06 (month), 2023-01/2023-05 (months), 2023-12-31 (as of a date), 2021/2023 (years).",
    constraints: { required: true, pattern: PERIOD_PATTERN_SOURCE },
    get: (row) => row.observation.period,
  },
  {
    name: "period_start",
    type: "date",
    description: "First day of the period (ISO date).",
    constraints: { required: true },
    get: (row) => bounds(row).start,
  },
  {
    name: "period_end",
    type: "date",
    description: "Last day of the period (ISO date); equal to period_start for an as-of date.",
    constraints: { required: true },
    get: (row) => bounds(row).end,
  },
  ...quantityColumns("", "figure", (o) => o.quantity, true),
  {
    name: "unit_mult",
    type: "integer",
    description:
      "The power of ten the printed unit multiplies by (SDMX UNIT_MULT): 8 for 亿元, 4 for 万平方米 or 万人次, 0 for 元 or 千米. `value` × 10^`unit_mult` is in `unit_en`. Empty when the unit is unknown.",
    constraints: { minimum: 0 },
    get: (row) => unitMeasure(row.observation.quantity.unit, row.report.units)?.multiplier,
  },
  {
    name: "unit_en",
    type: "string",
    description:
      "The unit multiplied, as a short English unit (SDMX UNIT_MEASURE in spirit): CNY for 亿元 and 万元, m² for 万平方米, kWh, pp for 个百分点, households for 万户. Empty for a bare number or an unknown unit.",
    get: (row) => unitMeasure(row.observation.quantity.unit, row.report.units)?.en,
  },
  {
    name: "value_in_base_unit",
    type: "number",
    description:
      "`value` converted to `base_unit` (20.17亿元 → 2017000000 元), so figures in 万元 and 亿元 compare directly. Same qualifier and rounding as `value`. Empty when the unit is unknown.",
    get: (row) => inBaseUnit(row, row.observation.quantity.value),
  },
  {
    name: "value_max_in_base_unit",
    type: "number",
    description: "`value_max` converted to `base_unit`. Empty for a single figure.",
    get: (row) => inBaseUnit(row, row.observation.quantity.max),
  },
  {
    name: "base_unit",
    type: "string",
    description:
      "The base unit of `unit` (元, 平方米, 人次…). Counts keep their classifier: 万户 → 户, 万人次 → 人次. Empty for a bare number or an unknown unit.",
    get: (row) => resolveUnit(row.observation.quantity.unit, row.report.units)?.base || undefined,
  },
  ...quantityColumns("baseline_", "baseline", (o) => o.comparison?.baseline?.quantity, false),
  {
    name: "baseline_period",
    type: "string",
    description: "The period of the baseline figure (比去年同期 → the same period a year earlier).",
    constraints: { pattern: PERIOD_PATTERN_SOURCE },
    get: (row) => row.observation.comparison?.baseline?.period,
  },
  {
    name: "change_direction",
    type: "string",
    description: "Direction of a stated comparison: increase (增长, 提高) or decrease (下降, 减少). Empty without one.",
    constraints: { enum: ["increase", "decrease"] },
    get: (row) => row.observation.comparison?.direction,
  },
  ...quantityColumns("change_", "absolute change", (o) => o.comparison?.change, false),
  ...quantityColumns("percent_change_", "percent change", (o) => o.comparison?.percent, false),
  ...quantityColumns("point_change_", "change in percentage points", (o) => o.comparison?.points, false),
  {
    name: "section",
    type: "array",
    description:
      'Headings above the figure, outermost first, as a JSON array of strings (["第一部分 上半年主要工作情况", "一、…"]).',
    constraints: { required: true },
    get: (row) => row.observation.section,
  },
  {
    name: "subject",
    type: "string",
    description: "The phrase the figure measures, as printed (完成税收).",
    get: (row) => row.observation.subject,
  },
  {
    name: "quote",
    type: "string",
    description: "Verbatim text of the source containing the figure.",
    constraints: { required: true },
    get: (row) => row.observation.source.quote,
  },
  {
    name: "quote_offset",
    type: "integer",
    description:
      "Where `quote` starts in the report's source text, in Unicode code points from its start (Python: text[offset:]).",
    constraints: { required: true, minimum: 0 },
    get: (row) => row.observation.source.offset,
  },
  {
    name: "notes",
    type: "string",
    description: "Remarks of the data author.",
    get: (row) => row.observation.notes,
  },
  {
    name: "source_title",
    type: "string",
    description: "Title of the source text, Chinese (English). Origin fields follow Our World in Data's origins.",
    constraints: { required: true },
    get: (row) => reportOrigin(row.report).title,
  },
  {
    name: "source_producer",
    type: "string",
    description: "Who produced and published the source text, Chinese (English). Empty when not recorded.",
    get: (row) => reportOrigin(row.report).producer,
  },
  {
    name: "source_url",
    type: "string",
    description: "Where the source text was published. Empty when not recorded: a URL is never guessed.",
    get: (row) => reportOrigin(row.report).url,
  },
  {
    name: "source_date_published",
    type: "date",
    description: "When the source text was published.",
    get: (row) => reportOrigin(row.report).datePublished,
  },
  {
    name: "source_date_accessed",
    type: "date",
    description: "When the source text was retrieved from `source_url`. Empty when not recorded.",
    get: (row) => reportOrigin(row.report).dateAccessed,
  },
  {
    name: "source_citation",
    type: "string",
    description: "A full citation of the source text, saying what of its origin is not recorded.",
    constraints: { required: true },
    get: (row) => reportOrigin(row.report).citation,
  },
];

/** Every observation of every report, in report order then document order. */
export function observationRows(reports: readonly Report[]): ObservationRow[] {
  return reports.flatMap((report) => report.observations.map((observation) => ({ report, observation })));
}
