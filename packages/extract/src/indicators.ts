import {
  CATALOGUE,
  type Category,
  type Dimension,
  type Indicator,
  indicatorId,
  resolveUnit,
  type UnitDef,
} from "@govreport/schema";

/** A catalogue indicator that fits a figure's subject and unit, with a 0-1 confidence. */
export interface IndicatorSuggestion {
  id: string;
  /** 0-1: how sure the keyword match is. */
  confidence: number;
  /** The catalogue keyword found in the subject. */
  keyword: string;
}

/** Averages that make a series of their own (a keyword without them names another indicator). */
const AVERAGES = ["日均", "人均", "户均"];

/** Words that say how a figure was reached rather than what it measures. */
const NOISE = /年均|同比|累计|累积|全年|分别|共计|合计|总计|达到|达|实现|完成/g;

/**
 * Catalogue indicators whose keywords name the subject and whose dimension fits the unit,
 * best first. A count must also count the same thing (户 is not 人), unless the figure is a
 * bare number.
 */
export function suggestIndicators(
  subject: string,
  unit: string,
  context = "",
  printedSubject = "",
): IndicatorSuggestion[] {
  const u = resolveUnit(unit);
  if (!u) return [];
  const bare = subject.replace(NOISE, "");
  const averages = AVERAGES.filter((a) => subject.includes(a));
  const out: IndicatorSuggestion[] = [];
  for (const { ind, iu } of catalogueOf(u.dimension)) {
    const sameBase = !!iu && iu.base === u.base;
    if (u.dimension === "count" && !sameBase && u.base !== "") continue;
    let best: IndicatorSuggestion | undefined;
    for (const kw of ind.keywords ?? []) {
      // 日均新增企业 is not 新增企业, 人均收入 is not 收入: an average makes another series.
      if (averages.some((a) => !kw.includes(a))) continue;
      const inSubject = subject.includes(kw) || bare.includes(kw) || printedSubject.includes(kw);
      // 拆除新增违建 names 拆除违建 with a word inserted.
      const spread = !inSubject && kw.length >= 3 && spreadIn(kw, subject);
      const inContext = !inSubject && !spread && context.includes(kw);
      if (!inSubject && !spread && !inContext) continue;
      // A keyword that is most of the subject names it; one that is a small part of it may not.
      const cover = Math.min(1, kw.length / Math.max(1, bare.length || subject.length));
      let c = inSubject ? 0.45 + 0.3 * cover : spread ? 0.4 + 0.3 * cover : 0.2 + 0.1 * cover;
      if (sameBase) c += 0.1;
      if (ind.unit === unit) c += 0.1;
      if (kw.length >= 4) c += 0.05;
      c = Math.min(0.95, Math.round(c * 100) / 100);
      if (!best || c > best.confidence) best = { id: ind.id, confidence: c, keyword: kw };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.confidence - a.confidence || b.keyword.length - a.keyword.length);
}

/** The catalogue's indicators of each dimension, in catalogue order, with their units resolved: built once, not per figure. */
let byDimension: Map<Dimension, { ind: Indicator; iu: UnitDef | undefined }[]> | undefined;
function catalogueOf(dimension: Dimension): readonly { ind: Indicator; iu: UnitDef | undefined }[] {
  if (!byDimension) {
    byDimension = new Map();
    for (const ind of CATALOGUE) {
      const list = byDimension.get(ind.dimension) ?? [];
      list.push({ ind, iu: ind.unit ? resolveUnit(ind.unit) : undefined });
      byDimension.set(ind.dimension, list);
    }
  }
  return byDimension.get(dimension) ?? [];
}

/** Whether the characters of `kw` occur in order in `s`, with at most two others between them in all. */
function spreadIn(kw: string, s: string): boolean {
  for (let start = s.indexOf(kw[0] ?? ""); start >= 0; start = s.indexOf(kw[0] ?? "", start + 1)) {
    let j = start;
    let ok = true;
    for (const c of kw.slice(1)) {
      j = s.indexOf(c, j + 1);
      if (j < 0) {
        ok = false;
        break;
      }
    }
    if (ok && j - start + 1 <= kw.length + 2) return true;
  }
  return false;
}

/** Below this a suggestion is listed but the observation gets a report-local indicator. */
export const ASSIGN_THRESHOLD = 0.6;

const CATEGORY_WORDS: Record<Category, RegExp> = {
  economy:
    /经济|税收|财政|收入|企业|招商|投资|产业|就业|消费|工业|农业|农牧|商业|金融|外贸|出口|旅游|游客|产值|增加值|营业|项目|园区|市场|品牌|GDP|生产总值/g,
  urban_development:
    /城市|城镇|城区|道路|公路|铁路|交通|住宅|住房|小区|拆|改造|更新|建设|工程|电梯|停车|充电|管网|供水|供热|燃气管|街区|棚户|土地|用地|地块|轨交|地铁|桥/g,
  environment: /生态|环境|绿化|绿地|林|河|湖|水系|流域|垃圾|污|排放|空气|能耗|节能|碳|光伏|湿地|造林|水土/g,
  safety: /安全|消防|隐患|应急|防汛|事故|燃气|报警|平安|监管|检查|反诈|禁毒|食品/g,
  social_services:
    /民生|养老|老人|老年|救助|帮困|扶贫|脱贫|教育|学校|幼儿园|医疗|医保|卫生|健康|托育|托|残疾|妇女|儿童|保险|社保|保障|就医|低保|优抚|慰问|退役军人/g,
  culture: /文化|文明|志愿|宣传|媒体|报道|体育|图书|阅读|文艺|科普|粉丝/g,
  governance:
    /治理|网格|热线|工单|法|纠纷|调解|政务|公开|居委|居村|自治|代表|建议|提案|社工|业委会|培训|调研|诉讼|复议/g,
  party_integrity: /党|廉|纪|审计|审价|核减|监督|作风|督查/g,
};

const CATEGORIES = Object.entries(CATEGORY_WORDS) as [Category, RegExp][];
const countOf = (re: RegExp, s: string) => s.match(re)?.length ?? 0;
/** The category words counted in each headings string met lately (a bounded cache). */
const headingCounts = new Map<string, number[]>();

/**
 * A category guess for a report-local indicator: the category whose words occur most in the
 * subject (counted thrice), the enclosing headings (twice) and the quote.
 */
export function guessCategory(subject: string, headings: string, quote: string): Category {
  let best: Category = "economy";
  let score = 0;
  let inHeadings = headingCounts.get(headings);
  if (!inHeadings) {
    // Every figure of a section has the same headings: count their words once.
    if (headingCounts.size >= 1000) headingCounts.clear();
    inHeadings = CATEGORIES.map(([, re]) => countOf(re, headings));
    headingCounts.set(headings, inHeadings);
  }
  for (let k = 0; k < CATEGORIES.length; k++) {
    const [cat, re] = CATEGORIES[k] as [Category, RegExp];
    const sc = 3 * countOf(re, subject) + 2 * (inHeadings[k] as number) + countOf(re, quote);
    if (sc > score) {
      best = cat;
      score = sc;
    }
  }
  return best;
}

/** FNV-1a, 32 bits: a short stable hash for ids (not for security). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A report-local indicator for a subject the catalogue does not cover. The id is stable for
 * the same subject and kind of unit: `local.<dimension>-<hash>`, e.g. local.count-1x9k2ab.
 */
export function localIndicator(
  subject: string,
  unit: string,
  category: Category,
): Indicator & { dimension: Dimension } {
  const u = resolveUnit(unit);
  const dimension: Dimension = u?.dimension ?? "count";
  const base = u?.base ?? unit;
  const slug = dimension.replace(/_/g, "-");
  const id = `local.${slug}-${fnv1a(`${subject}|${dimension}|${base}`).toString(36)}`;
  const zh = subject || "(未命名指标)";
  return {
    id: indicatorId(id),
    name: { zh, en: `Draft indicator: ${zh}` },
    category,
    dimension,
    ...(unit ? { unit } : {}),
    direction: "neutral",
    description: {
      zh: "抽取时自动生成的报告内指标,待人工确认",
      en: "Generated by extraction from the figure's subject; to be reviewed and translated",
    },
  };
}
