import type { Category, Direction, Indicator, PriceBasis } from "./indicator.js";
import type { Dimension } from "./units.js";

type Row = readonly [
  id: string,
  zh: string,
  en: string,
  category: Category,
  dimension: Dimension,
  unit: string,
  direction: Direction,
  keywords: readonly string[],
  extra?: Extra,
];

/**
 * What a row may add. Not `Partial<Indicator>`: an indicator's id type is derived from these rows, so the
 * rows cannot refer to it.
 */
type Extra = { bounds?: [number, number]; headline?: boolean; priceBasis?: PriceBasis };

const RATE: Extra = { bounds: [0, 100] };
const H: Extra = { headline: true };
/** Growth stated at comparable (constant) prices: never the ratio of two printed nominal levels. */
const REAL: Extra = { priceBasis: "comparable" };
/** Growth stated at current prices: the ratio of the two printed levels. */
const NOM: Extra = { priceBasis: "nominal" };

/**
 * Indicators that recur across Chinese local government work reports, from towns to provinces.
 * Keywords are the phrases that name them in report text (used by extraction to suggest a match).
 */
// biome-ignore format: one indicator a row reads as a table
const ROWS = [
  // economy
  ["gdp", "地区生产总值", "Gross domestic product", "economy", "currency", "亿元", "higher_is_better", ["地区生产总值", "生产总值", "GDP"], { ...H, ...REAL }],
  ["gdp_growth", "地区生产总值增速", "GDP growth", "economy", "percent", "%", "higher_is_better", ["生产总值增长", "经济增长"], REAL],
  ["tax_revenue", "税收", "Tax revenue", "economy", "currency", "亿元", "higher_is_better", ["税收", "完成税收", "税收收入"], { ...H, ...NOM }],
  ["tax_revenue_growth", "税收增速", "Tax revenue growth", "economy", "percent", "%", "higher_is_better", ["税收增长", "税收增幅"], NOM],
  ["general_public_budget_revenue_growth", "一般公共预算收入增速", "General public budget revenue growth", "economy", "percent", "%", "higher_is_better", ["一般公共预算收入增长", "财政收入增长"], NOM],
  ["industrial_output_growth", "规模以上工业增加值增速", "Growth of value added of industry above designated size", "economy", "percent", "%", "higher_is_better", ["规模以上工业增加值增长", "规上工业增加值增长"], REAL],
  ["foreign_trade_growth", "进出口总额增速", "Growth of imports and exports", "economy", "percent", "%", "higher_is_better", ["进出口总值增长", "进出口总额增长", "外贸进出口增长"], NOM],
  ["disposable_income_growth", "居民人均可支配收入增速", "Growth of per-capita disposable income", "economy", "percent", "%", "higher_is_better", ["居民人均可支配收入增长"], NOM],
  ["consumer_price_increase", "居民消费价格涨幅", "Consumer price increase", "economy", "percent", "%", "lower_is_better", ["居民消费价格指数涨幅", "居民消费价格涨幅", "居民消费价格上涨"]],
  ["fixed_asset_investment_growth", "固定资产投资增速", "Fixed-asset investment growth", "economy", "percent", "%", "higher_is_better", ["固定资产投资增长"], NOM],
  ["retail_sales_growth", "社会消费品零售总额增速", "Retail sales growth", "economy", "percent", "%", "higher_is_better", ["社会消费品零售总额增长"], NOM],
  ["district_fiscal_revenue", "区级财政收入", "District-level fiscal revenue", "economy", "currency", "亿元", "higher_is_better", ["区级财政收入", "区级地方财政收入"], { ...H, ...NOM }],
  ["general_public_budget_revenue", "一般公共预算收入", "General public budget revenue", "economy", "currency", "亿元", "higher_is_better", ["一般公共预算收入", "地方财政收入", "公共财政预算收入", "财政收入"], { ...H, ...NOM }],
  ["general_public_budget_expenditure", "一般公共预算支出", "General public budget expenditure", "economy", "currency", "亿元", "neutral", ["一般公共预算支出", "公共财政预算支出", "公共预算支出", "财政支出"], NOM],
  ["fixed_asset_investment", "固定资产投资", "Fixed-asset investment", "economy", "currency", "亿元", "higher_is_better", ["固定资产投资"], { ...H, ...NOM }],
  ["retail_sales", "社会消费品零售总额", "Retail sales of consumer goods", "economy", "currency", "亿元", "higher_is_better", ["社会消费品零售总额", "社会消费品零售额"], NOM],
  ["industrial_output", "规模以上工业增加值", "Value added of industry above designated size", "economy", "currency", "亿元", "higher_is_better", ["规模以上工业增加值", "规上工业增加值"], REAL],
  ["foreign_trade", "进出口总额", "Imports and exports", "economy", "currency", "亿元", "higher_is_better", ["进出口总额", "外贸进出口"], NOM],
  ["foreign_investment_actual", "实际利用外资", "Foreign investment used", "economy", "currency", "亿美元", "higher_is_better", ["实际利用外资", "实际使用外资"], NOM],
  ["investment_attracted", "招商引资", "Investment attracted", "economy", "currency", "亿元", "higher_is_better", ["招商引资", "引进资金", "到位资金"], H],
  ["new_enterprises", "新增企业", "New enterprises registered", "economy", "count", "家", "higher_is_better", ["新增企业", "新增企业注册", "新注册企业", "新登记企业"], H],
  ["registered_enterprises", "在册企业", "Enterprises on the register", "economy", "count", "家", "higher_is_better", ["户管清单", "在册企业", "企业总数"]],
  ["new_jobs", "新增就业岗位", "New jobs", "economy", "count", "个", "higher_is_better", ["新增就业岗位", "新增就业", "城镇新增就业", "新增城镇就业"], H],
  ["urban_unemployment_rate", "城镇登记失业率", "Registered urban unemployment rate", "economy", "percent", "%", "lower_is_better", ["登记失业率", "调查失业率"], RATE],
  ["urban_disposable_income", "城镇居民人均可支配收入", "Urban per-capita disposable income", "economy", "currency", "元", "higher_is_better", ["城镇居民人均可支配收入", "城镇常住居民人均可支配收入"], NOM],
  ["rural_disposable_income", "农村居民人均可支配收入", "Rural per-capita disposable income", "economy", "currency", "元", "higher_is_better", ["农村居民人均可支配收入", "农牧民人均可支配收入", "农民人均纯收入"], NOM],
  ["grain_output", "粮食产量", "Grain output", "economy", "mass", "万吨", "higher_is_better", ["粮食产量", "粮食总产"]],
  ["tourist_visits", "接待游客", "Tourist visits", "economy", "count", "万人次", "higher_is_better", ["接待游客", "游客", "旅游接待人数", "接待旅游者", "旅游人数"]],
  ["tourism_revenue", "旅游收入", "Tourism revenue", "economy", "currency", "亿元", "higher_is_better", ["旅游收入", "旅游总收入"], NOM],
  ["audit_reduction_amount", "审计核减金额", "Amount cut by audit", "party_integrity", "currency", "万元", "neutral", ["核减金额"]],
  ["audit_reduction_rate", "审计核减率", "Audit reduction rate", "party_integrity", "percent", "%", "neutral", ["核减率"], RATE],
  // urban development
  ["illegal_construction_removed_count", "拆除违法建筑(处)", "Illegal structures removed (sites)", "urban_development", "count", "处", "higher_is_better", ["拆除违建", "拆除违法建筑", "拆违"], H],
  ["illegal_construction_removed_area", "拆除违法建筑面积", "Illegal structures removed (area)", "urban_development", "area", "平方米", "higher_is_better", ["拆除违建", "拆除违法建筑面积", "拆违面积"], H],
  ["elevators_added_signed", "既有多层住宅加装电梯签约", "Elevators to add to old buildings (signed)", "urban_development", "count", "台", "higher_is_better", ["加装电梯", "新增签约"]],
  ["elevators_added_completed", "既有多层住宅加装电梯竣工", "Elevators added to old buildings (completed)", "urban_development", "count", "台", "higher_is_better", ["加装电梯", "竣工"], H],
  ["old_housing_renovated_area", "旧住房综合修缮面积", "Old housing renovated (area)", "urban_development", "area", "万平方米", "higher_is_better", ["旧住房", "综合整新", "综合修缮", "外墙外保温修缮"]],
  ["old_communities_renovated", "老旧小区改造", "Old residential compounds renovated", "urban_development", "count", "个", "higher_is_better", ["老旧小区改造", "老旧小区"]],
  ["ev_charging_ports", "电动自行车充电端口", "E-bike charging ports", "urban_development", "count", "个", "higher_is_better", ["充电端口", "充电桩"]],
  ["road_built_length", "新建改建道路", "Roads built or rebuilt", "urban_development", "length", "公里", "higher_is_better", ["新建道路", "改建道路", "道路", "农村公路", "公路"]],
  ["housing_resettlement", "征收安置", "Households relocated", "urban_development", "count", "户", "neutral", ["征收", "动迁", "居民"]],
  ["land_reduction", "减量化", "Construction land reduced", "urban_development", "area", "公顷", "higher_is_better", ["减量化"]],
  ["urbanization_rate", "城镇化率", "Urbanization rate", "urban_development", "percent", "%", "higher_is_better", ["城镇化率"], RATE],
  // environment
  ["waste_recycling_rate", "生活垃圾资源化利用率", "Household waste recycling rate", "environment", "percent", "%", "higher_is_better", ["生活垃圾资源化利用率", "资源化利用率", "回收利用率"], { ...RATE, headline: true }],
  ["waste_sorting_compliance_rate", "垃圾分类达标率", "Waste sorting compliance rate", "environment", "percent", "%", "higher_is_better", ["垃圾分类达标率", "达标率"], RATE],
  ["forest_patrol_rate", "巡林率", "Forest patrol rate", "environment", "percent", "%", "higher_is_better", ["巡林率"], RATE],
  ["greening_added_area", "新增绿化面积", "Green space added", "environment", "area", "平方米", "higher_is_better", ["恢复绿化", "新增绿地", "绿化面积"]],
  ["afforestation_area", "造林面积", "Afforestation", "environment", "area", "亩", "higher_is_better", ["造林", "植树造林"]],
  ["forest_coverage_rate", "森林覆盖率", "Forest coverage", "environment", "percent", "%", "higher_is_better", ["森林覆盖率", "绿化覆盖率"], RATE],
  ["river_treatment_length", "河道治理长度", "River length treated", "environment", "length", "公里", "higher_is_better", ["河道", "小流域", "水系"]],
  ["rivers_treated", "河道治理", "Rivers treated", "environment", "count", "条", "higher_is_better", ["河道", "小流域"]],
  ["good_air_days", "空气质量优良天数", "Days of good air quality", "environment", "duration", "天", "higher_is_better", ["优良天数", "空气质量优良"]],
  ["good_air_rate", "空气质量优良率", "Good air quality rate", "environment", "percent", "%", "higher_is_better", ["优良率"], RATE],
  ["solar_capacity", "光伏装机容量", "Solar capacity", "environment", "power", "兆瓦", "higher_is_better", ["光伏"]],
  ["energy_intensity_reduction", "单位生产总值能耗下降", "Reduction in energy use per unit of GDP", "environment", "percent", "%", "higher_is_better", ["单位生产总值能耗", "万元GDP能耗", "单位GDP能耗"]],
  ["sewage_treated_households", "农户生活污水治理", "Rural households with sewage treatment", "environment", "count", "户", "higher_is_better", ["生活污水治理", "污水治理"]],
  ["garbage_removed", "清除垃圾", "Refuse cleared", "environment", "mass", "吨", "higher_is_better", ["清除", "垃圾"]],
  // safety
  ["safety_inspections_staff", "安全检查出动人次", "Safety inspection staff deployed", "safety", "count", "人次", "higher_is_better", ["出动检查"]],
  ["safety_inspection_sites", "安全检查点位", "Sites inspected", "safety", "count", "家次", "higher_is_better", ["检查点位"]],
  ["hazards_rectified", "隐患整改", "Hazards found and rectified", "safety", "count", "条", "higher_is_better", ["整改隐患", "查出并整改隐患", "隐患"]],
  ["gas_hose_replacement", "燃具软管更换", "Gas hoses replaced", "safety", "count", "户", "higher_is_better", ["燃具软管更换", "燃气软管"]],
  ["gas_alarm_installation", "燃气报警器加装", "Gas alarms installed", "safety", "count", "户", "higher_is_better", ["燃气报警器"]],
  ["smoke_alarms_installed", "烟感报警器安装", "Smoke alarms installed", "safety", "count", "个", "higher_is_better", ["烟感"]],
  ["duty_attendance_rate", "值班在岗率", "On-duty attendance rate", "safety", "percent", "%", "higher_is_better", ["在岗率"], RATE],
  ["food_safety_inspections", "食品安全检查", "Food safety inspections", "safety", "count", "家", "higher_is_better", ["食堂", "食品安全"]],
  ["production_safety_deaths", "生产安全事故死亡人数", "Deaths in workplace accidents", "safety", "count", "人", "lower_is_better", ["安全事故死亡"]],
  ["group_rentals_rectified", "整治群租房", "Illegal group rentals rectified", "safety", "count", "套", "higher_is_better", ["群租"]],
  // social services
  ["elderly_home_adaptation", "居家环境适老化改造", "Homes adapted for the elderly", "social_services", "count", "户", "higher_is_better", ["适老化改造"]],
  ["elderly_benefits_amount", "敬老福利发放", "Benefits paid to the elderly", "social_services", "currency", "万元", "higher_is_better", ["敬老", "福利"]],
  ["elderly_health_checks", "老年人健康体检", "Health checks for the elderly", "social_services", "count", "名", "higher_is_better", ["老年人健康体检", "老年人体检"]],
  ["assistance_amount", "帮困补助金额", "Hardship assistance paid", "social_services", "currency", "万元", "higher_is_better", ["补助金额", "帮困", "救助"]],
  ["charity_donations", "慈善捐款", "Charitable donations raised", "social_services", "currency", "万元", "higher_is_better", ["善款", "捐款", "联合捐"]],
  ["childcare_places", "托育托额", "Childcare places", "social_services", "count", "个", "higher_is_better", ["托额", "托位", "托育"]],
  ["health_screenings_women", "妇女两病筛查", "Women screened for cervical and breast cancer", "social_services", "count", "人", "higher_is_better", ["两病筛查"]],
  ["disabled_health_checks", "残疾人体检", "Health checks for people with disabilities", "social_services", "count", "名", "higher_is_better", ["残疾人体检"]],
  ["veteran_visits", "优抚慰问", "Veterans and military families visited", "social_services", "count", "人次", "higher_is_better", ["慰问", "优抚"]],
  ["pension_coverage", "养老保险参保", "Pension insurance enrolment", "social_services", "count", "万人", "higher_is_better", ["养老保险", "参保"]],
  ["medical_insurance_coverage", "医疗保险参保", "Medical insurance enrolment", "social_services", "count", "万人", "higher_is_better", ["医疗保险", "医保"]],
  ["schools_built", "新建改扩建学校", "Schools built or expanded", "social_services", "count", "所", "higher_is_better", ["学校", "中小学", "幼儿园"]],
  ["poverty_alleviated", "脱贫人口", "People lifted out of poverty", "social_services", "count", "人", "higher_is_better", ["脱贫", "贫困人口"]],
  ["youth_served", "服务青少年", "Young people served", "social_services", "count", "人", "higher_is_better", ["青少年"]],
  // culture
  ["cultural_event_participation", "文化活动参与", "Participation in cultural events", "culture", "count", "人次", "higher_is_better", ["参与", "文化节"]],
  ["cultural_teams", "文化团队", "Community cultural teams", "culture", "count", "支", "higher_is_better", ["文化团队"]],
  ["volunteer_participation", "志愿者参与", "Volunteer participation", "culture", "count", "人次", "higher_is_better", ["志愿者"]],
  ["media_reports", "主流媒体报道", "Reports in mainstream media", "culture", "count", "篇次", "higher_is_better", ["媒体报道", "报道"]],
  ["social_media_followers", "政务新媒体粉丝量", "Government social media followers", "culture", "count", "万", "higher_is_better", ["粉丝量", "粉丝"]],
  ["social_media_reads", "政务新媒体阅读量", "Government social media reads", "culture", "count", "万人次", "higher_is_better", ["阅读总数", "阅读量"]],
  // governance
  ["hotline_tickets", "热线及工单受理量", "Hotline and service tickets received", "governance", "count", "件", "neutral", ["工单", "市民服务热线", "12345"]],
  ["hotline_timely_handling_rate", "12345热线及时处置率", "12345 hotline: timely handling rate", "governance", "percent", "%", "higher_is_better", ["及时处置率", "及时办结率"], { ...RATE, headline: true }],
  ["hotline_resolution_rate", "12345热线实际解决率", "12345 hotline: resolution rate", "governance", "percent", "%", "higher_is_better", ["实际解决率", "解决率"], { ...RATE, headline: true }],
  ["hotline_satisfaction_rate", "12345热线市民满意率", "12345 hotline: citizen satisfaction rate", "governance", "percent", "%", "higher_is_better", ["市民满意率", "满意率"], { ...RATE, headline: true }],
  ["documents_filed", "备案公文", "Official documents filed", "governance", "count", "件", "neutral", ["备案公文"]],
  ["documents_disclosed", "主动公开公文", "Documents proactively disclosed", "governance", "count", "件", "higher_is_better", ["主动公开"]],
  ["documents_exempt", "免于公开公文", "Documents exempt from disclosure", "governance", "count", "件", "lower_is_better", ["免于公开"]],
  ["disclosure_rate", "主动公开率", "Proactive disclosure rate", "governance", "percent", "%", "higher_is_better", ["主动公开率", "公开率"], { ...RATE, headline: true }],
  ["deputy_suggestions_handled", "代表建议办理", "Deputies' suggestions handled", "governance", "count", "条", "higher_is_better", ["代表书面建议", "代表建议", "人大代表建议"]],
  ["deputy_satisfaction_rate", "代表满意率", "Deputies' satisfaction rate", "governance", "percent", "%", "higher_is_better", ["代表满意率"], RATE],
  ["disputes_resolved", "化解纠纷", "Disputes resolved", "governance", "count", "起", "higher_is_better", ["化解各类纠纷", "纠纷", "矛盾纠纷"]],
  ["labour_disputes_mediated", "劳动人事争议调解", "Labour disputes mediated", "governance", "count", "件", "higher_is_better", ["成功调解", "劳动人事争议"]],
  ["legal_consultations", "法律咨询", "Legal consultations", "governance", "count", "次", "higher_is_better", ["法律咨询"]],
  ["contracts_reviewed", "合同审核", "Contracts reviewed", "governance", "count", "份", "higher_is_better", ["审核", "合同"]],
  ["administrative_cases_lost_rate", "行政诉讼败诉率", "Administrative litigation loss rate", "governance", "percent", "%", "lower_is_better", ["败诉率"], RATE],
  ["grid_cells", "网格数量", "Grid management cells", "governance", "count", "个", "neutral", ["网格", "微网格"]],
  ["grid_staff", "网格员", "Grid staff", "governance", "count", "名", "neutral", ["网格员", "网格长"]],
  ["research_topics", "调研课题", "Research topics", "governance", "count", "个", "neutral", ["调研课题"]],
  ["self_governance_projects", "自治金项目", "Residents' self-governance fund projects", "governance", "count", "个", "higher_is_better", ["自治金", "立项"]],
  ["self_governance_funds", "自治金立项金额", "Self-governance fund committed", "governance", "currency", "万元", "higher_is_better", ["立项金额"]],
  ["owners_committees", "业委会换届", "Owners' committees re-elected", "governance", "count", "个", "higher_is_better", ["业委会"]],
  ["trainings_held", "培训场次", "Training sessions held", "governance", "count", "次", "higher_is_better", ["培训", "实训"]],
  // party building and integrity
  ["party_organizations_partnered", "党组织共建单位", "Party organizations in co-building", "party_integrity", "count", "家", "neutral", ["党组织共建单位", "共建单位"]],
  ["audit_projects", "工程审价项目", "Projects price-audited", "party_integrity", "count", "项", "neutral", ["工程审价", "审价", "投资监理"]],
  ["discipline_cases", "纪律审查立案", "Disciplinary cases opened", "party_integrity", "count", "件", "neutral", ["立案", "审查调查"]],
] as const satisfies readonly Row[];

/** The id of a catalogue indicator, as a union of literals: `"gdp" | "tax_revenue" | …`. */
export type CatalogueIndicatorId = (typeof ROWS)[number][0];

/**
 * Every indicator of the catalogue, the shared vocabulary that observations of all reports use (see
 * docs/indicator-catalogue.md).
 */
export const CATALOGUE: readonly Indicator[] = ROWS.map(
  ([id, zh, en, category, dimension, unit, direction, keywords, extra]) => ({
    id,
    name: { zh, en },
    category,
    dimension,
    ...(unit ? { unit } : {}),
    direction,
    keywords: [...keywords],
    ...extra,
  }),
);

const BY_ID = new Map<string, Indicator>(CATALOGUE.map((i) => [i.id, i]));

/** The catalogue indicator with this id, if any. */
export function catalogueIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/**
 * `findIndicator` for many lookups in one list: the report's own indicators keyed once (the first
 * of an id, as `find` returns it), so that looking up every observation's indicator costs n, not
 * n × the number of local indicators.
 */
export function indicatorLookup(local: readonly Indicator[] = []): (id: string) => Indicator | undefined {
  const byId = new Map<string, Indicator>();
  for (const i of local) if (!byId.has(i.id)) byId.set(i.id, i);
  return (id) => byId.get(id) ?? BY_ID.get(id);
}

/** Looks an indicator up in the report's own indicators first, then the catalogue. */
export function findIndicator(id: string, local: readonly Indicator[] = []): Indicator | undefined {
  return local.find((i) => i.id === id) ?? BY_ID.get(id);
}
