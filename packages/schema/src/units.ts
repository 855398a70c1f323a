import { z } from "zod";

/**
 * What a unit measures. Counts are one dimension, but a count of households (户) cannot be
 * converted into a count of people (人): `base` says which counts are commensurable.
 */
export const DIMENSIONS = [
  "currency",
  "area",
  "length",
  "mass",
  "volume",
  "power",
  "energy",
  "duration",
  "percent",
  "percentage_point",
  "multiple",
  "concentration",
  "count",
] as const;
/** The zod schema of {@link Dimension}. */
export const DimensionSchema = z.enum(DIMENSIONS).describe("What a unit measures");
/**
 * What a unit measures: currency, area, length, mass, volume, power, energy, duration, percent, percentage
 * points, multiple, concentration (微克/立方米) or a count.
 */
export type Dimension = z.infer<typeof DimensionSchema>;

/** The zod schema of {@link UnitDef}. */
export const UnitDefSchema = z
  .object({
    id: z.string().min(1).describe("The unit as printed, e.g. 亿元, 万平方米, 人次"),
    zh: z.string().min(1).describe("Chinese name"),
    en: z.string().min(1).describe("English name"),
    dimension: DimensionSchema,
    base: z.string().describe("The base unit of the same dimension that this unit converts to"),
    scale: z.number().positive().describe("How many base units one of this unit is"),
    symbol: z
      .string()
      .min(1)
      .optional()
      .describe("Short English unit without a multiplier (CNY for 亿元, m² for 万平方米, kWh); counts have none"),
  })
  .strict()
  .describe("A unit of measurement: id as printed, dimension, and conversion to its base unit");
/** A unit of measurement: its id as printed, names, dimension, and conversion to its base unit. */
export type UnitDef = z.infer<typeof UnitDefSchema>;

type Row = readonly [
  id: string,
  zh: string,
  en: string,
  dimension: Dimension,
  base: string,
  scale: number,
  symbol: string,
];

const FIXED: readonly Row[] = [
  ["元", "元", "yuan", "currency", "元", 1, "CNY"],
  ["万元", "万元", "10k yuan", "currency", "元", 1e4, "CNY"],
  ["百万元", "百万元", "million yuan", "currency", "元", 1e6, "CNY"],
  ["亿元", "亿元", "100 million yuan", "currency", "元", 1e8, "CNY"],
  ["万亿元", "万亿元", "trillion yuan", "currency", "元", 1e12, "CNY"],
  ["美元", "美元", "US dollars", "currency", "美元", 1, "USD"],
  ["万美元", "万美元", "10k US dollars", "currency", "美元", 1e4, "USD"],
  ["亿美元", "亿美元", "100 million US dollars", "currency", "美元", 1e8, "USD"],
  ["平方米", "平方米", "square metres", "area", "平方米", 1, "m²"],
  ["平米", "平方米", "square metres", "area", "平方米", 1, "m²"],
  ["万平方米", "万平方米", "10k square metres", "area", "平方米", 1e4, "m²"],
  ["万平米", "万平方米", "10k square metres", "area", "平方米", 1e4, "m²"],
  ["亩", "亩", "mu", "area", "平方米", 10000 / 15, "mu"],
  ["万亩", "万亩", "10k mu", "area", "平方米", 1e8 / 15, "mu"],
  ["公顷", "公顷", "hectares", "area", "平方米", 1e4, "ha"],
  ["平方公里", "平方公里", "square kilometres", "area", "平方米", 1e6, "km²"],
  ["米", "米", "metres", "length", "米", 1, "m"],
  ["公里", "公里", "kilometres", "length", "米", 1e3, "km"],
  ["千米", "千米", "kilometres", "length", "米", 1e3, "km"],
  ["万公里", "万公里", "10k kilometres", "length", "米", 1e7, "km"],
  ["吨", "吨", "tonnes", "mass", "吨", 1, "t"],
  ["万吨", "万吨", "10k tonnes", "mass", "吨", 1e4, "t"],
  ["亿吨", "亿吨", "100 million tonnes", "mass", "吨", 1e8, "t"],
  ["公斤", "公斤", "kilograms", "mass", "吨", 1e-3, "kg"],
  ["斤", "斤", "jin", "mass", "吨", 5e-4, "jin"],
  ["万斤", "万斤", "10k jin", "mass", "吨", 5, "jin"],
  ["亿斤", "亿斤", "100 million jin", "mass", "吨", 5e4, "jin"],
  ["立方米", "立方米", "cubic metres", "volume", "立方米", 1, "m³"],
  ["万立方米", "万立方米", "10k cubic metres", "volume", "立方米", 1e4, "m³"],
  ["亿立方米", "亿立方米", "100 million cubic metres", "volume", "立方米", 1e8, "m³"],
  ["瓦", "瓦", "watts", "power", "瓦", 1, "W"],
  ["千瓦", "千瓦", "kilowatts", "power", "瓦", 1e3, "kW"],
  ["万千瓦", "万千瓦", "10k kilowatts", "power", "瓦", 1e7, "kW"],
  ["兆瓦", "兆瓦", "megawatts", "power", "瓦", 1e6, "MW"],
  ["千瓦时", "千瓦时", "kilowatt-hours", "energy", "千瓦时", 1, "kWh"],
  ["度", "度", "kilowatt-hours", "energy", "千瓦时", 1, "kWh"],
  ["万千瓦时", "万千瓦时", "10k kilowatt-hours", "energy", "千瓦时", 1e4, "kWh"],
  ["亿千瓦时", "亿千瓦时", "100 million kilowatt-hours", "energy", "千瓦时", 1e8, "kWh"],
  ["吨标准煤", "吨标准煤", "tonnes of coal equivalent", "energy", "吨标准煤", 1, "tce"],
  ["万吨标准煤", "万吨标准煤", "10k tonnes of coal equivalent", "energy", "吨标准煤", 1e4, "tce"],
  ["秒", "秒", "seconds", "duration", "秒", 1, "s"],
  ["分钟", "分钟", "minutes", "duration", "秒", 60, "min"],
  ["小时", "小时", "hours", "duration", "秒", 3600, "h"],
  ["天", "天", "days", "duration", "秒", 86400, "d"],
  ["个工作日", "个工作日", "working days", "duration", "个工作日", 1, "working days"],
  ["周", "周", "weeks", "duration", "秒", 604800, "weeks"],
  ["个月", "个月", "months", "duration", "个月", 1, "months"],
  ["年", "年", "years", "duration", "个月", 12, "years"],
  ["岁", "岁", "years of age", "duration", "个月", 12, "years of age"],
  ["周岁", "周岁", "years of age", "duration", "个月", 12, "years of age"],
  ["%", "百分比", "percent", "percent", "%", 1, "%"],
  ["‰", "千分比", "per mille", "percent", "%", 0.1, "‰"],
  ["个百分点", "个百分点", "percentage points", "percentage_point", "个百分点", 1, "pp"],
  ["倍", "倍", "times", "multiple", "倍", 1, "times"],
  // PM2.5 and PM10 concentrations (微克/立方米); the air-quality figures of most reports.
  ["微克/立方米", "微克/立方米", "micrograms per cubic metre", "concentration", "微克/立方米", 1, "µg/m³"],
  ["毫克/立方米", "毫克/立方米", "milligrams per cubic metre", "concentration", "微克/立方米", 1e3, "mg/m³"],
  ["成", "成", "tenths", "percent", "%", 10, "tenths"],
];

/**
 * Classifiers (量词) of counts. Each is its own base: 3 户 and 3 人 are both counts but not
 * the same thing. Scaled forms (万人次, 万户, 千人) are built from these by `resolveUnit`.
 */
const CLASSIFIERS: readonly (readonly [string, string])[] = [
  ["", "(number)"],
  ["家", "entities"],
  ["个", "items"],
  ["处", "sites"],
  ["项", "items"],
  ["条", "items"],
  ["人", "people"],
  ["名", "people"],
  ["人次", "person-times"],
  ["户", "households"],
  ["台", "units"],
  ["套", "sets"],
  ["间", "rooms"],
  ["组", "groups"],
  ["块", "pieces"],
  ["场", "events"],
  ["件", "cases"],
  ["起", "cases"],
  ["份", "copies"],
  ["篇", "articles"],
  ["篇次", "article-times"],
  ["支", "teams"],
  ["宗", "cases"],
  ["次", "times"],
  ["所", "institutions"],
  ["座", "structures"],
  ["辆", "vehicles"],
  ["家次", "visit-times"],
  ["个次", "times"],
  ["批", "batches"],
  ["张", "sheets"],
  ["株", "plants"],
  ["棵", "trees"],
  ["头", "head (livestock)"],
  ["只", "head"],
  ["口", "units"],
  ["眼", "wells"],
  ["根", "rods"],
  ["盏", "lamps"],
  ["部", "units"],
  ["位", "people"],
  ["对", "pairs"],
  ["届", "editions"],
  ["期", "sessions"],
  ["班", "classes"],
  ["栋", "buildings"],
  ["幢", "buildings"],
  ["层", "floors"],
  ["床", "beds"],
  ["张床", "beds"],
  ["所次", "institution-times"],
  ["架次", "flights"],
  ["车次", "vehicle trips"],
  ["艘", "vessels"],
  ["标箱", "TEU"],
  ["门", "courses"],
  ["类", "categories"],
  ["村", "villages"],
  ["镇", "towns"],
  ["片", "areas"],
  ["点", "points"],
  ["人/次", "person-times"],
  ["片区", "areas"],
  ["领域", "fields"],
  ["列", "trains"],
  ["枚", "medals"],
  ["金", "gold medals"],
];

const SCALE_PREFIXES: readonly (readonly [string, number, string])[] = [
  ["万亿", 1e12, "trillion"],
  ["亿", 1e8, "100 million"],
  ["千万", 1e7, "10 million"],
  ["百万", 1e6, "million"],
  ["十万", 1e5, "100k"],
  ["万", 1e4, "10k"],
  ["千", 1e3, "thousand"],
];

const REGISTRY = new Map<string, UnitDef>();
for (const [id, zh, en, dimension, base, scale, symbol] of FIXED) {
  REGISTRY.set(id, { id, zh, en, dimension, base, scale, symbol });
}
for (const [id, en] of CLASSIFIERS) {
  REGISTRY.set(id, { id, zh: id || "数", en, dimension: "count", base: id, scale: 1 });
}

/** Every unit the registry knows by name, scaled count forms excluded (they are derived). */
export const UNITS: ReadonlyMap<string, UnitDef> = REGISTRY;

/** The count classifiers, in registry order. */
export const COUNT_CLASSIFIERS: readonly string[] = CLASSIFIERS.map(([id]) => id);

/**
 * Looks a unit up: a registry unit, a scaled count (万人次 = 10k 人次, 万 = 10k of a bare
 * number), a count of "major" items (大类 = 类), or one of the `declared` units a report
 * brings for what the registry lacks.
 */
export function resolveUnit(id: string, declared: readonly UnitDef[] = []): UnitDef | undefined {
  const found = REGISTRY.get(id) ?? declared.find((u) => u.id === id);
  if (found) return found;
  // 8大类, 2大片区: 大 ("major") before a classifier counts in that classifier.
  if (id.startsWith("大")) {
    const inner = REGISTRY.get(id.slice(1)) ?? declared.find((u) => u.id === id.slice(1));
    if (inner && inner.dimension === "count" && inner.id !== "") {
      return { id, zh: id, en: `major ${inner.en}`, dimension: "count", base: inner.base, scale: inner.scale };
    }
  }
  for (const [prefix, factor, en] of SCALE_PREFIXES) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    const inner = REGISTRY.get(rest) ?? declared.find((u) => u.id === rest);
    if (inner && (inner.dimension === "count" || rest === "")) {
      return {
        id,
        zh: id,
        en: `${en} ${inner.en}`,
        dimension: inner.dimension,
        base: inner.base,
        scale: inner.scale * factor,
      };
    }
  }
  return undefined;
}

/**
 * Whether a unit as printed is in the registry or among `declared`, directly or as a scaled form (万人, 亿元).
 *
 * @example
 * isKnownUnit("万平方米") // true
 */
export function isKnownUnit(id: string, declared: readonly UnitDef[] = []): boolean {
  return resolveUnit(id, declared) !== undefined;
}

/** Thrown by {@link convert} for units that are unknown or measure different things. */
export class UnitConversionError extends Error {
  override name = "UnitConversionError";
}

/** Converts a value between two units of one dimension and base, e.g. 1.01 万平方米 → 10100 平方米. */
export function convert(value: number, from: string, to: string, declared: readonly UnitDef[] = []): number {
  const a = resolveUnit(from, declared);
  const b = resolveUnit(to, declared);
  if (!a) throw new UnitConversionError(`unknown unit "${from}"`);
  if (!b) throw new UnitConversionError(`unknown unit "${to}"`);
  if (a.dimension !== b.dimension || a.base !== b.base) {
    throw new UnitConversionError(
      `cannot convert ${from} (${a.dimension}/${a.base}) to ${to} (${b.dimension}/${b.base})`,
    );
  }
  return (value * a.scale) / b.scale;
}

/** Whether two units measure the same kind of thing, so their values can be added or compared. */
export function commensurable(a: string, b: string, declared: readonly UnitDef[] = []): boolean {
  const ua = resolveUnit(a, declared);
  const ub = resolveUnit(b, declared);
  return !!ua && !!ub && ua.dimension === ub.dimension && ua.base === ub.base;
}

/** Chinese number words that multiply the unit after them, as powers of ten. */
const MULTIPLIERS: readonly (readonly [prefix: string, power: number])[] = [
  ["万亿", 12],
  ["亿", 8],
  ["千万", 7],
  ["百万", 6],
  ["十万", 5],
  ["万", 4],
  ["千", 3],
];

/** A printed unit split into a power-of-ten multiplier and the unit it multiplies. */
export interface UnitMeasure {
  /** The power of ten (SDMX UNIT_MULT): 8 for 亿元, 4 for 万人次, 0 for 元 or 千米. */
  multiplier: number;
  /** The unit multiplied (SDMX UNIT_MEASURE): 元 for 亿元, 人次 for 万人次. */
  unit: UnitDef;
  /** The unit multiplied in short English (CNY, m², kWh, households); undefined for a bare number. */
  en: string | undefined;
}

/**
 * Splits a printed unit as SDMX does (UNIT_MULT and UNIT_MEASURE): 亿元 is 10^8 元, 万千瓦 is 10^4
 * 千瓦, 万 alone is 10^4 of a bare number. 千 is a multiplier only before a count classifier (千人):
 * 千米 and 千瓦 are units in their own right. Undefined for a unit the registry and `declared` lack.
 */
export function unitMeasure(id: string, declared: readonly UnitDef[] = []): UnitMeasure | undefined {
  const unit = resolveUnit(id, declared);
  if (!unit) return undefined;
  const en = (u: UnitDef) => u.symbol ?? (u.id === "" ? undefined : u.en);
  for (const [prefix, power] of MULTIPLIERS) {
    if (!id.startsWith(prefix)) continue;
    const rest = resolveUnit(id.slice(prefix.length), declared);
    if (!rest || rest.dimension !== unit.dimension || rest.base !== unit.base) continue;
    if (prefix === "千" && rest.dimension !== "count") continue;
    // The multiplier must be what the two scales say (万亩 is 10^4 亩), not just a shared prefix.
    if (Math.abs(unit.scale / rest.scale / 10 ** power - 1) > 1e-9) continue;
    return { multiplier: power, unit: rest, en: en(rest) };
  }
  return { multiplier: 0, unit, en: en(unit) };
}
