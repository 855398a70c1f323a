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

/**
 * Averages that make a series of their own (a keyword without them names another indicator):
 * 平均每天新增企业 and 亩均税收 are not 新增企业 and 税收.
 */
const AVERAGES = /日均|人均|户均|亩均|地均|(?:平均)?每(?:天|日)|平均每(?:月|年|人|户|亩)/g;

/** Words that say how a figure was reached rather than what it measures. */
const NOISE = /年均|同比|累计|累积|全年|分别|共计|合计|总计|达到|达|实现|完成/g;

/**
 * Words before a subject that say where, when or by what work a figure was reached, not what it
 * measures: 全省, 五年, 力争, 新建, 建设改造, 发放. 新增 is not among them: new additions are a
 * series of their own, not the total (新增企业 is not 企业总数).
 */
const LEAD =
  /^(?:全省|全市|全区|全县|全旗|全镇|我省|我市|我区|我县|我旗|本市|本区|全年|今年|去年|上年|当年|年内|五年来|五年|其中|累计|累积|共计|合计|总计|共有|共|已经|已|并|就是要|要|全力|力争|确保|争取|预计|预期|继续|加快推进|加快|推进|推动|抓好|做好|办好|高标准完成|全面|实施|完成了|完成|实现|建设|新建|建成|交付|改造|改扩建|改建|扩建|修建|启动|开工|办理|办复|解决|发放|压减)+/;
/** Words after a subject that say how the figure stands (超, 以上, 全面, 均) or a verb of the work (压减, 建设). */
const TRAIL = /(?:等|分别|均|共|累计|达到|达|为|超过|超|突破|以上|全面|实现|完成|保持在|控制在|建设|创建|压减|任务)+$/;
/** Growth words after a subject: the figure is a rate of change of what the subject names. */
const GROWTH_TAIL = /(?:比上年|同比|年均|平均)?(?:增长|增速|增幅|递增|提高|提升|下降|降低|减少|增加)(?:率|幅度|了)?$/;

/**
 * What a subject names, as a stable key for a report-local indicator: NFKC, no spaces, quotes or
 * list punctuation, and without the framing, work verbs and trailing words of `LEAD` and `TRAIL`
 * (新建口袋公园 and 口袋公园 are one series; 力争研发经费投入超 is 研发经费投入). A growth rate keeps
 * one word for it (地区生产总值增长 → 地区生产总值增速), a level does not (`rate`: whether the figure
 * is a percent).
 */
export function localName(subject: string, rate = false): string {
  let t = subject
    .normalize("NFKC")
    .replace(/[\s“”"'‘’《》「」『』()()、,,。;;::]/g, "")
    // 地区生产总值增加到2020年年均增长: the level reached is said by the figure, not the subject.
    .replace(/(?:增加|增长|提高|上升|提升|下降|减少|降低)到(?:\d{4}年(?:底|末)?)?/, "");
  let growth = false;
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(LEAD, "").replace(TRAIL, "");
    const g = t.replace(GROWTH_TAIL, "");
    if (g !== t) {
      growth = true;
      t = g;
    }
  }
  return rate && growth ? `${t}增速` : t;
}

/**
 * A name too general to be one series across a report (投资, 总投资, 计划投资, 里程, a lone
 * character): every figure of it measures the project its sentence is about.
 */
const GENERIC =
  /^(?:计划|完成|实际|年度|当年|项目)?(?:投资|总投资|投入|资金|金额|总额|里程|总里程|长度|面积|总面积|规模|总规模|产能|人数|数量|总数|总量|个数|项目|改造任务|占比|比重|比例|增速)$/;
export const isGenericName = (name: string) => [...name].length <= 1 || GENERIC.test(name);

/**
 * Catalogue indicators counted in another unit besides their own: new jobs are counted in jobs
 * (个) or in people (人); deputies' suggestions in 条 or 件.
 */
const ALSO_COUNTED: Record<string, readonly string[]> = {
  new_jobs: ["人"],
  deputy_suggestions_handled: ["件"],
};

/**
 * What may follow a keyword and still leave it the head: a measure of it (数, 总量, 面积, 增长), the
 * work done on it (小流域治理, 报警器加装) or one character (群租房).
 */
const MEASURE_WORD =
  /^(?:.|(?:总)?(?:数|人数|户数|个数|数量|量|总量|额|总额|金额|规模|面积|长度|里程|人次|率|增长|增速|增幅|收入)|工作|建设|改造|工程|治理|整治|整改|安装|加装|更换|修缮|验收|检查|办理|完成)$/;

/** Words before a whole's keyword that make the figure a part of it (工业固定资产投资, 区本级固定资产投资). */
const PART_OF = /(?:本级|工业|民间|农业|制造业|服务业|基础设施|房地产|科技型中小|中小)$/;

/**
 * Catalogue indicators whose keywords name the subject and whose dimension fits the unit,
 * best first. A count must also count the same thing (户 is not 人), unless the figure is a
 * bare number. The confidence grows with how much of the subject the keyword covers: a keyword
 * that is a small part of the subject (达标率 in 饮用水源水质达标率) names something else.
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
  // A rate's core keeps one growth word (地区生产总值年均增长 → 地区生产总值增速), which the growth
  // indicators' derived keywords name.
  const core = localName(subject, u.dimension === "percent") || bare;
  const averages = subject.match(AVERAGES) ?? [];
  const out: IndicatorSuggestion[] = [];
  for (const { ind, iu, keywords } of catalogueOf(u.dimension)) {
    const sameBase = (!!iu && iu.base === u.base) || (ALSO_COUNTED[ind.id]?.includes(u.base) ?? false);
    if (u.dimension === "count" && !sameBase && u.base !== "") continue;
    let best: IndicatorSuggestion | undefined;
    for (const kw of keywords) {
      // 日均新增企业 is not 新增企业, 人均收入 is not 收入: an average makes another series.
      if (averages.some((a) => !kw.includes(a))) continue;
      const at = core.indexOf(kw);
      const inSubject = at >= 0 || subject.includes(kw) || bare.includes(kw) || printedSubject.includes(kw);
      // 拆除新增违建 names 拆除违建 with a word inserted.
      const spread = !inSubject && kw.length >= 3 && (spreadIn(kw, core) || spreadIn(kw, subject));
      const inContext = !inSubject && !spread && context.includes(kw);
      if (!inSubject && !spread && !inContext) continue;
      const before = at >= 0 ? core.slice(0, at) : subject.slice(0, Math.max(0, subject.indexOf(kw)));
      // 新增参保人数 is not 参保: new additions are another series than the total.
      if (!kw.includes("新增") && !ind.name.zh.includes("新增") && /新增/.test(before)) continue;
      if (PART_OF.test(before) && !PART_OF.test(ind.name.zh)) continue;
      // A keyword that is most of the subject names it; one that is a small part of it may not.
      // Chinese puts the head last: a keyword that ends the subject names what it is (节日慰问,
      // 实训等培训), except a bare rate word (达标率 of what?).
      const head = u.dimension !== "percent" && at >= 0 && at + kw.length === core.length;
      const cover = Math.max(head ? 0.6 : 0, Math.min(1, kw.length / Math.max(1, core.length)));
      // A keyword followed by more than a measure word is a modifier of what is measured (学校运动场).
      const tail = at >= 0 ? core.slice(at + kw.length) : "";
      const modifier = tail !== "" && !MEASURE_WORD.test(tail);
      let c = modifier ? -0.15 : 0;
      c += inSubject ? 0.35 + 0.5 * cover : spread ? 0.3 + 0.45 * cover : 0.2 + 0.1 * cover;
      if (sameBase) c += 0.05;
      if (ind.unit === unit) c += 0.05;
      if (kw.length >= 4) c += 0.05;
      c = Math.min(0.95, Math.round(c * 100) / 100);
      if (!best || c > best.confidence) best = { id: ind.id, confidence: c, keyword: kw };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.confidence - a.confidence || b.keyword.length - a.keyword.length);
}

/** The catalogue's indicators of each dimension, in catalogue order, with their units resolved: built once, not per figure. */
type Entry = { ind: Indicator; iu: UnitDef | undefined; keywords: readonly string[] };
let byDimension: Map<Dimension, Entry[]> | undefined;
/** Growth words that, after a level's keyword, name its growth rate (地区生产总值 + 增长). */
const GROWTH_WORDS = ["增长", "增速", "增幅"];
function catalogueOf(dimension: Dimension): readonly Entry[] {
  if (!byDimension) {
    byDimension = new Map();
    for (const ind of CATALOGUE) {
      const list = byDimension.get(ind.dimension) ?? [];
      // A growth rate (`<id>_growth`) is also named by its level's keywords and a growth word.
      const level = ind.id.endsWith("_growth") ? CATALOGUE.find((i) => `${i.id}_growth` === ind.id) : undefined;
      const derived = (level?.keywords ?? []).flatMap((k) => GROWTH_WORDS.map((g) => k + g));
      const keywords = [...new Set([...(ind.keywords ?? []), ...derived])];
      list.push({ ind, iu: ind.unit ? resolveUnit(ind.unit) : undefined, keywords });
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
    // 地方财政总收入 is not 财政收入, nor a rate a level: 总 or 率 inserted makes another series.
    const inserted = [...s.slice(start, j + 1)].filter((c) => !kw.includes(c)).join("");
    if (ok && j - start + 1 <= kw.length + 2 && !/[总率]/.test(inserted)) return true;
  }
  return false;
}

/** A figure where it is printed, with what it measures (for `levelOfRate`). */
export interface PlacedFigure {
  subject: string;
  unit: string;
  /** Where it is printed in the text given to `levelOfRate`, [start, end). */
  start: number;
  end: number;
}

const RELATIVE: ReadonlySet<Dimension> = new Set(["percent", "multiple", "percentage_point"]);
/** A rate's subject that says it is a rate of change (not a share or a rate level like 城镇化率). */
const CHANGE_WORD = /增长|增速|增幅|递增|提高|提升|增加|下降|降低|减少/;
/** What may stand between a rate and the level after it: 地区生产总值增长7.5%，达到309亿元. */
const RATE_THEN_LEVEL = /^[,，、]?(?:并|再)?(?:达到|达|增至|增加到|提高到|突破|为)$/;

/**
 * The level a relative figure (%, 倍, 个百分点) is printed with and is a rate of, if any: the figure
 * right before it in the same sentence naming the same thing (旅游收入达到69亿元，是2010年的2.6倍;
 * 研发经费投入超105亿元、增速超10%), or the level right after a growth rate (地区生产总值增长7.5%，
 * 达到309亿元). Such a rate is named by the level (`rateIndicator`);
 * an average annual growth (年均增长) is a series of its own and is not one.
 */
export function levelOfRate(
  text: string,
  f: PlacedFigure,
  prev?: PlacedFigure,
  next?: PlacedFigure,
): PlacedFigure | undefined {
  const dim = resolveUnit(f.unit)?.dimension;
  if (!dim || !RELATIVE.has(dim) || /年均|平均/.test(f.subject)) return undefined;
  const name = localName(f.subject);
  const isLevel = (x: PlacedFigure) => {
    const d = resolveUnit(x.unit)?.dimension;
    return !!d && (!RELATIVE.has(d) || (d === "percent" && dim === "percentage_point"));
  };
  if (prev && isLevel(prev)) {
    const between = text.slice(prev.end, f.start);
    if (
      between.length <= 20 &&
      // 在2022年(30.20亿元)基础上增长10%: a growth on a base is a growth rate, not the base's.
      !/[。；;！？!?\n]|年均|基础/.test(between) &&
      (name === "" || name === localName(prev.subject))
    )
      return prev;
  }
  if (next && isLevel(next) && CHANGE_WORD.test(f.subject) && name !== "" && name === localName(next.subject)) {
    if (RATE_THEN_LEVEL.test(text.slice(f.end, next.start))) return next;
  }
  return undefined;
}

const CATALOGUE_IDS: ReadonlySet<string> = new Set(CATALOGUE.map((i) => i.id));

/**
 * The catalogue indicator of a rate printed with its level (`levelOfRate`), when the catalogue has
 * one: the growth rate of a catalogue level (地区生产总值增长7.5%，达到309亿元 → gdp_growth). An
 * observation's unit must fit its indicator's dimension, so the rate cannot take the level's own
 * indicator; a rate of a report-local level, or a multiple (是2010年的2.6倍), gets a local one.
 */
export function rateIndicator(levelIndicator: string, unit: string): string | undefined {
  if (resolveUnit(unit)?.dimension !== "percent" || !CATALOGUE_IDS.has(levelIndicator)) return undefined;
  const growth = `${levelIndicator}_growth`;
  return CATALOGUE_IDS.has(growth) ? growth : undefined;
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
 * A report-local indicator for a subject the catalogue does not cover. The id is stable for what
 * the subject names (`localName`: 新建口袋公园 and 口袋公园 are one series) and the kind of unit:
 * `local.<dimension>-<hash>`, e.g. local.count-1x9k2ab. A name too general to be one series
 * (投资, 总里程) is keyed by the clause it is printed in as well, so that the investments of two
 * projects are not one series.
 */
export function localIndicator(
  subject: string,
  unit: string,
  category: Category,
  clause = "",
): Indicator & { dimension: Dimension } {
  const u = resolveUnit(unit);
  const dimension: Dimension = u?.dimension ?? "count";
  const base = u?.base ?? unit;
  const slug = dimension.replace(/_/g, "-");
  const name = localName(subject, dimension === "percent") || subject;
  const key = isGenericName(name) ? `${name}@${clause}` : name;
  const id = `local.${slug}-${fnv1a(`${key}|${dimension}|${base}`).toString(36)}`;
  const zh = name || "(未命名指标)";
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
