import { MAX_DECIMALS, QUALIFIER_WORDS, type Qualifier, type Quantity } from "./quantity.js";
import { COUNT_CLASSIFIERS, resolveUnit, UNITS, type UnitDef } from "./units.js";

/** Thrown by {@link parseQuantity} and {@link parseChineseNumber} when a text is not one printed quantity; the message says why and where. */
export class QuantityParseError extends Error {
  override name = "QuantityParseError";
  constructor(
    message: string,
    readonly input: string,
    /** Index in `input` where reading failed. */
    readonly index: number,
  ) {
    super(message);
  }
}

/** A quantity found in text, with where it was printed (UTF-16 indices into the text searched). */
export interface ParsedQuantity extends Quantity {
  printed: string;
  start: number;
  end: number;
}

const FULL_WIDTH: Record<string, string> = { "．": ".", "％": "%", "，": "，", "－": "-", "～": "~", "＋": "+" };

/**
 * Maps full-width digits and signs to ASCII one character for one character, so that indices
 * into the normalized text are indices into the original.
 */
export function normalizeDigits(text: string): string {
  return text.replace(/[０-９．％－～＋]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return FULL_WIDTH[c] ?? c;
  });
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads a Chinese numeral below 万: 三 → 3, 十二 → 12, 一百二十 → 120, 两千零五 → 2005. */
export function parseChineseNumber(s: string): number {
  if (s.length === 0) throw new QuantityParseError("empty Chinese numeral", s, 0);
  let total = 0;
  let digit: number | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if (c in CN_DIGITS) {
      if (digit !== undefined && digit !== 0 && CN_DIGITS[c] !== 0)
        throw new QuantityParseError(`"${s}" has two digits in a row`, s, i);
      digit = CN_DIGITS[c];
    } else if (c in CN_UNITS) {
      const u = CN_UNITS[c] ?? 1;
      // 十二 starts with a bare 十: one ten.
      total += (digit ?? (i === 0 ? 1 : Number.NaN)) * u;
      if (Number.isNaN(total)) throw new QuantityParseError(`"${s}" has ${c} without a digit`, s, i);
      digit = undefined;
    } else {
      throw new QuantityParseError(`"${c}" is not a Chinese numeral`, s, i);
    }
  }
  return total + (digit ?? 0);
}

const SCALES = ["万亿", "亿", "万", "千", "百万"] as const;

/** Units and classifiers, longest first, so 平方公里 wins over 平方米 and 个百分点 over 个. */
const UNIT_WORDS: readonly string[] = [...UNITS.keys()].filter((u) => u !== "").sort((a, b) => b.length - a.length);
/**
 * UNIT_WORDS by first character, each list in UNIT_WORDS order: a word can start at s[i] only if
 * its first character is s[i], so a read tries those few instead of every unit.
 */
const UNIT_WORDS_BY_FIRST = new Map<string, string[]>();
for (const w of UNIT_WORDS) {
  const first = w[0] ?? "";
  const list = UNIT_WORDS_BY_FIRST.get(first);
  if (list) list.push(w);
  else UNIT_WORDS_BY_FIRST.set(first, [w]);
}
const NO_WORDS: readonly string[] = [];
const unitWordsAt = (s: string, i: number): readonly string[] => UNIT_WORDS_BY_FIRST.get(s[i] ?? "") ?? NO_WORDS;

const BEFORE = (Object.entries(QUALIFIER_WORDS) as [Qualifier, { before: string[] }][])
  .flatMap(([q, w]) => w.before.map((word) => [word, q] as const))
  .sort((a, b) => b[0].length - a[0].length);
const AFTER_UNIT = (Object.entries(QUALIFIER_WORDS) as [Qualifier, { after: string[] }][])
  .flatMap(([q, w]) => w.after.filter((a) => a !== "余" && a !== "多").map((word) => [word, q] as const))
  .sort((a, b) => b[0].length - a[0].length);

const ARABIC = /^(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/;
const CHINESE = /^[零〇一二两三四五六七八九十百千]+/;

interface ReadNumber {
  value: number;
  decimals: number;
  length: number;
}

function readNumber(s: string, at: number, chinese: boolean): ReadNumber | undefined {
  const rest = s.slice(at);
  const m = ARABIC.exec(rest);
  if (m) {
    const decimals = m[2] ? m[2].length - 1 : 0;
    // More decimals than a Quantity may carry is no printed figure (a code or a digit run): not read.
    if (decimals > MAX_DECIMALS) return undefined;
    const digits = (m[1] ?? "").replace(/,/g, "") + (m[2] ?? "");
    return { value: Number(digits), decimals, length: m[0].length };
  }
  if (chinese) {
    const c = CHINESE.exec(rest);
    if (c) {
      try {
        return { value: parseChineseNumber(c[0]), decimals: 0, length: c[0].length };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function startsWithAny<T>(s: string, at: number, words: readonly (readonly [string, T])[]) {
  return words.find(([w]) => s.startsWith(w, at));
}

/** Options for reading printed quantities: Chinese numerals, units a report declares, bare numbers. */
export interface ReadOptions {
  /** Read Chinese numerals (三, 十二) as numbers. Off for scanning running text, where 一站式 is no count. */
  chinese?: boolean;
  /** Units the report declares beyond the registry. */
  units?: readonly UnitDef[];
  /** Accept a figure with no unit (a bare number). */
  bare?: boolean;
}

/**
 * Reads one printed quantity starting exactly at `at` (after any qualifier word such as 近 or
 * 不低于). Returns undefined when no quantity starts there.
 */
export function readQuantityAt(text: string, at: number, options: ReadOptions = {}): ParsedQuantity | undefined {
  return readAt(text, normalizeDigits(text), at, options);
}

/** readQuantityAt on a text already normalized once (a scan must not re-normalize per number). */
function readAt(text: string, s: string, at: number, options: ReadOptions): ParsedQuantity | undefined {
  let i = at;
  let qualifier: Qualifier = "exact";
  const before = startsWithAny(s, i, BEFORE);
  if (before) {
    qualifier = before[1];
    i += before[0].length;
    if (s[i] === "\n" && /\d/.test(s[i + 1] ?? "")) i += 1;
  }
  let num = readNumber(s, i, options.chinese ?? false);
  let implicitOne = false;
  if (!num) {
    // 万余人次: a bare 万 with 余/多 means one of it (1万余人次, as parseQuantity reads it). 千余场 and
    // 百余家 are numerals: a thousand, a hundred, of the unit after them (parseQuantity reads 千 and 百
    // as the Chinese numerals they are; reading 1 千场 or 1 百 made the provenance check fail).
    // 近万元, 约万人: 万 after 近 or 约 is likewise one of it.
    const scale =
      /^(万|千|百)(余|多)/.exec(s.slice(i)) ??
      (qualifier === "nearly" || qualifier === "approximately" ? /^(万)(?=[\u4e00-\u9fff])/.exec(s.slice(i)) : null);
    if (!scale) return undefined;
    num =
      scale[1] === "万"
        ? { value: 1, decimals: 0, length: 0 }
        : { value: scale[1] === "千" ? 1000 : 100, decimals: 0, length: 1 };
    implicitOne = true;
  }
  i += num.length;
  let max: number | undefined;
  const range = /^[-~～—―–至到](?=[\d零〇一二两三四五六七八九十])/.exec(s.slice(i));
  if (range && !implicitOne) {
    const upper = readNumber(s, i + range[0].length, options.chinese ?? false);
    if (upper && upper.value > num.value) {
      max = upper.value;
      i += range[0].length + upper.length;
      num = { ...num, decimals: Math.max(num.decimals, upper.decimals) };
    }
  }
  let scale = "";
  for (const sc of SCALES) {
    if (s.startsWith(sc, i)) {
      scale = sc;
      break;
    }
  }
  // 百 alone is only a scale before 余/多 (百余家); 百分点 and 百万 are handled elsewhere.
  if (scale === "" && s.startsWith("百", i) && /^百(余|多)/.test(s.slice(i))) scale = "百";
  if (scale === "千" && !/^千(余|多|[人户家名元米瓦克])/.test(s.slice(i)) && !s.startsWith("千米", i)) scale = "";
  // A registry unit that starts with the scale is read whole: 千瓦时 is not 千 + 瓦 + 时.
  if (scale && unitWordsAt(s, i).some((w) => w.startsWith(scale) && s.startsWith(w, i))) scale = "";
  i += scale.length;
  let approx = false;
  if (/^(余|多)/.test(s.slice(i)) && qualifier === "exact") {
    qualifier = "more_than";
    approx = true;
    i += 1;
    // 180多万人, 2700多万元: 多 before the scale ("more than 180 of 万"), the scale then read as usual.
    if (scale === "" && !implicitOne) {
      const late = SCALES.find((sc) => s.startsWith(sc, i) && (sc !== "千" || /^千[人户家名元]/.test(s.slice(i))));
      if (late) {
        scale = late;
        i += late.length;
      }
    }
  }
  let unit = "";
  const word = unitWordsAt(s, i).find((w) => s.startsWith(w, i) && resolveUnit(scale + w, options.units));
  const declared = options.units?.filter((u) => s.startsWith(u.id, i)).sort((a, b) => b.id.length - a.id.length)[0]?.id;
  // 8大类: 大 before a count classifier is part of the unit.
  const big =
    scale === "" && s.startsWith("大", i)
      ? unitWordsAt(s, i + 1).find((u) => s.startsWith(u, i + 1) && resolveUnit(`大${u}`, options.units))
      : undefined;
  const longest = big && (!word || big.length + 1 > word.length) ? `大${big}` : word;
  const w = declared && (!longest || declared.length > longest.length) ? declared : longest;
  if (w) {
    unit = scale + w;
    i += w.length;
  } else if (scale) {
    unit = scale;
  } else if (w === undefined && s.startsWith("%", i)) {
    unit = "%";
    i += 1;
  }
  if (unit === "" && !options.bare) return undefined;
  if (!approx && qualifier === "exact") {
    const after = startsWithAny(s, i, AFTER_UNIT);
    if (after) {
      qualifier = after[1];
      i += after[0].length;
    }
  }
  // 余/多 after the unit (5万元余) is rare but printed.
  if (qualifier === "exact" && /^(余|多)(?![少样元种])/.test(s.slice(i)) && unit !== "") {
    qualifier = "more_than";
    i += 1;
  }
  const q: ParsedQuantity = {
    value: num.value,
    unit,
    decimals: num.decimals,
    qualifier,
    printed: text.slice(at, i),
    start: at,
    end: i,
  };
  if (max !== undefined) q.max = max;
  return q;
}

/**
 * Parses a whole string as one printed quantity: "近1.6万条", "250余人次", "1,212平方米",
 * "２０.１７亿元", "三个", "1-2个月", "95%以上". Throws QuantityParseError (never returns 0 or
 * NaN) when the string is not exactly one quantity.
 *
 * @example
 * parseQuantity("近1.6万条")
 * // { value: 1.6, unit: "万条", decimals: 1, qualifier: "nearly", printed: "近1.6万条", start: 0, end: 6 }
 */
export function parseQuantity(input: string, options: Omit<ReadOptions, "bare"> = {}): ParsedQuantity {
  const text = input.trim();
  const lead = input.length - input.trimStart().length;
  if (text.length === 0) throw new QuantityParseError("empty text is not a quantity", input, 0);
  const q = readQuantityAt(text, 0, { chinese: true, bare: true, ...options });
  if (!q) throw new QuantityParseError(`"${input}" does not start with a number`, input, lead);
  if (q.end !== text.length) {
    const rest = text.slice(q.end);
    throw new QuantityParseError(
      `"${input}": cannot read "${rest}" after ${q.printed} (unknown unit or trailing text)`,
      input,
      lead + q.end,
    );
  }
  if (!Number.isFinite(q.value) || (q.max !== undefined && !Number.isFinite(q.max)))
    throw new QuantityParseError(`"${input}": the number is out of range`, input, lead);
  return { ...q, start: q.start + lead, end: q.end + lead };
}

/** Options of {@link findQuantities}: those of {@link ReadOptions}, and how many to find at most. */
export interface FindOptions extends ReadOptions {
  /**
   * Stop after this many quantities (the first ones in text order): a caller that reads only so
   * many need not scan the rest of a long text.
   */
  limit?: number;
}

const ORDINAL_BEFORE = /[第]$/;
const WORD_ENDING_IN_QUALIFIER = /^(?:[签预节制公履违集契相邀简]约|[最附就临靠逼贴]近|[赶高]超)$/;
const ID_NEIGHBOUR = /[A-Za-z+＋#№]/;
const DATE_AFTER = /^(年|月|日|号|时|点|届|期|版|级|栋|幢|楼|层|路|弄|室|线|次会议|批次)/;

/**
 * Finds the printed quantities in running text, in order. Dates (2023年, 7月13日), ordinals
 * (第10届), identifiers (13号线, S20, B3-5, 1+X, 12345 hotline) and footnote markers are skipped.
 *
 * @example
 * findQuantities("2023年新增就业5400人,增长3.5%").map((q) => q.printed) // ["5400人", "3.5%"]
 */
export function findQuantities(text: string, options: FindOptions = {}): ParsedQuantity[] {
  const s = normalizeDigits(text);
  const out: ParsedQuantity[] = [];
  const starter = options.chinese ? /[\d零〇一二两三四五六七八九十百万]/g : /[\d万千百]/g;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let m: RegExpExecArray | null;
  starter.lastIndex = 0;
  while (out.length < limit && (m = starter.exec(s))) {
    let at = m.index;
    const prev = s[at - 1] ?? "";
    if (/[\d.]/.test(prev) || ID_NEIGHBOUR.test(prev) || ORDINAL_BEFORE.test(prev)) continue;
    // Include a qualifier word printed just before the number.
    // 超\n1430亿元: a hard line break may stand between the qualifier word and its number.
    const gap = s[at - 1] === "\n" ? 1 : 0;
    let pre = BEFORE.find(([w]) => s.slice(at - gap - w.length, at - gap) === w);
    // 签约17台 is "signed 17", not "about 17": the qualifier character ends another word.
    if (pre && WORD_ENDING_IN_QUALIFIER.test(s.slice(at - gap - pre[0].length - 1, at - gap))) pre = undefined;
    const startNum = at;
    if (pre) at -= pre[0].length + gap;
    let q = readAt(text, s, at, options) ?? (pre ? readAt(text, s, startNum, options) : undefined);
    if (!q) continue;
    // 控制在2%左右: a bound to keep within, stated as an approximate level; the figure is 2%左右.
    if (pre?.[0] === "控制在" && q.start === at && s.startsWith("左右", q.end)) {
      const level = readAt(text, s, startNum, options);
      if (level?.qualifier === "approximately") q = level;
    }
    const after = s.slice(q.end);
    const next = s[q.end] ?? "";
    const isDateLike =
      q.unit === "" || q.unit === "年"
        ? DATE_AFTER.test(after) || (q.unit === "年" && q.decimals === 0 && q.value >= 1900)
        : false;
    // 100周年 is an anniversary, not a hundred weeks.
    const isId =
      ID_NEIGHBOUR.test(next) || /^[-~]\d/.test(after) || /^号/.test(after) || (q.unit === "周" && next === "年");
    const isYear = q.decimals === 0 && q.value >= 1900 && q.value <= 2100 && (q.unit === "" || q.unit === "年");
    if (isDateLike || isId || isYear) {
      starter.lastIndex = Math.max(starter.lastIndex, q.end);
      continue;
    }
    out.push(q);
    starter.lastIndex = Math.max(starter.lastIndex, q.end);
  }
  return out;
}

/** Whether a classifier is a count unit in the registry (家, 人次 …). */
export function isClassifier(word: string): boolean {
  return COUNT_CLASSIFIERS.includes(word);
}
