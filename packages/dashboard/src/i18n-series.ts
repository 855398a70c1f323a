import type { Verdict } from "@govreport/data/panel";
import type { Lang } from "./i18n.js";

/** Words of the series view (several reports), in both languages. */
const zh = {
  title: "多份报告:时间序列与目标完成情况",
  none: "尚未载入多份报告。在“载入报告”中一次选择或拖入几份报告原文(.txt)或报告文件。",
  toLoad: "载入报告",
  reports: (n: number) => `已载入 ${n} 份报告`,
  reportCol: "报告",
  yearCol: "年份",
  roleCol: "类型",
  valueCol: "数值(原文)",
  placeCol: "地区",
  fileCol: "文件",
  observationsCol: "观测",
  seriesTitle: "各指标的时间序列",
  seriesIntro:
    "同一地区历年报告中同一指标的数据连成一条线。指标按目录匹配;目录以外的指标只属于各自的报告,不按相似表述合并。",
  indicator: "指标",
  reportLocal: "本报告自有指标",
  points: (n: number) => `${n} 个数据`,
  noSeries: "这些报告没有按年份的实际或目标数据。",
  lineTitle: (name: string, place: string, unit: string) => `${place} · ${name}${unit ? `(${unit})` : ""}`,
  restated: (ids: string) => `另见于 ${ids}`,
  others: (figs: string) => `其他报告的不同数字:${figs}`,
  promisesTitle: "目标与结果",
  promisesIntro: (tol: number) =>
    `每份报告为当年设定的目标,与下一年报告所述的当年结果配对(与命令行 govreport promises 相同)。“左右/约”按目标的 ±${tol}% 计;“以上/不低于”为下限,“以内/不超过/控制在”为上限。`,
  verdictCol: "结论",
  allVerdicts: (n: number) => `全部(${n})`,
  targetCol: "目标",
  planned: "计划",
  resultCol: "结果",
  reasonCol: "依据",
  quoteButtons: "引文",
  targetQuote: "目标原文",
  resultQuote: "结果原文",
  noPairs: "没有可配对的目标:需要同一地区相邻年份的报告。",
  summary: (pairs: number, absences: number, pending: number) =>
    `${pairs} 个目标已与下一年报告配对;${absences} 个主要目标次年未再设定;${pending} 个目标尚无下一年报告。`,
  chartTitle: "结果占目标的百分比",
  chartNote: (skipped: number) =>
    `只画出有结果、单位可比且目标为正数的配对;上限类目标(如物价涨幅)低于 100% 即为完成。${skipped > 0 ? `另有 ${skipped} 个配对未画出,见下表。` : ""}`,
  percentOfTarget: "占目标",
  verdicts: {
    met: "完成",
    met_within_rounding: "按四舍五入完成",
    missed: "未完成",
    not_comparable: "不可比",
    no_result_stated: "未述结果",
    no_result_found: "未找到结果",
  } satisfies Record<Verdict, string>,
  absencesTitle: "次年未再设定的目标",
  absenceStated: "明确未设定(主要目标清单中没有)",
  absenceNotFound: "未找到(可能是提取遗漏)",
  quoteTitle: "原文",
  quoteEmpty: "点击图中的点或表中的“引文”,在此显示原文。",
  openInSource: "在原文中查看",
  close: "关闭",
  offset: (n: number) => `位置 ${n}(码点)`,
  progress: (done: number, total: number, file: string) => `正在处理 ${done + 1}/${total}:${file}`,
  seriesLoaded: (n: number) => `已载入 ${n} 份报告的序列。`,
  hint: "一次选择或拖入几份报告(如同一地区历年的报告原文),可得到各指标的时间序列,以及每年目标与次年报告所述结果的对照。",
  openSeries: "查看时间序列与目标完成情况",
  target: "目标",
  actual: "实际",
};

type Strings = typeof zh;
type Widen<T> = T extends string
  ? string
  : T extends (...a: infer A) => string
    ? (...a: A) => string
    : { [K in keyof T]: Widen<T[K]> };

const en: Widen<Strings> = {
  title: "Several reports: time series and targets against results",
  none: "No series loaded yet. In “Load”, choose or drop several report texts (.txt) or report files at once.",
  toLoad: "Load reports",
  reports: (n: number) => `${n} reports loaded`,
  reportCol: "Report",
  yearCol: "Year",
  roleCol: "Role",
  valueCol: "Figure as printed",
  placeCol: "Place",
  fileCol: "File",
  observationsCol: "Observations",
  seriesTitle: "Time series per indicator",
  seriesIntro:
    "One indicator of one place across the years' reports makes a line. Indicators are matched through the catalogue; one outside it stays its report's own and is never merged by a similar phrase.",
  indicator: "Indicator",
  reportLocal: "this report's own indicator",
  points: (n: number) => `${n} figures`,
  noSeries: "These reports have no yearly actual or target figures.",
  lineTitle: (name: string, place: string, unit: string) => `${place} · ${name}${unit ? ` (${unit})` : ""}`,
  restated: (ids: string) => `also in ${ids}`,
  others: (figs: string) => `different figures in other reports: ${figs}`,
  promisesTitle: "Targets against results",
  promisesIntro: (tol: number) =>
    `Each report's targets for its year, paired with the result for that year stated in the next report (the same as govreport promises on the command line). 左右/约 (about) allows ±${tol}% of the target; 以上/不低于 is a floor, 以内/不超过/控制在 a ceiling.`,
  verdictCol: "Verdict",
  allVerdicts: (n: number) => `all (${n})`,
  targetCol: "Target",
  planned: "planned work",
  resultCol: "Result",
  reasonCol: "Why",
  quoteButtons: "Quotes",
  targetQuote: "target quote",
  resultQuote: "result quote",
  noPairs: "No target could be paired: that needs reports of one place for consecutive years.",
  summary: (pairs: number, absences: number, pending: number) =>
    `${pairs} targets paired with the next report; ${absences} main targets not set again the next year; ${pending} targets with no next report.`,
  chartTitle: "Result as a percentage of the target",
  chartNote: (skipped: number) =>
    `Only pairs with a result in a comparable unit and a positive target are drawn; a ceiling (such as a price rise) is met below 100%.${skipped > 0 ? ` ${skipped} more pairs are not drawn: see the table.` : ""}`,
  percentOfTarget: "of target",
  verdicts: {
    met: "met",
    met_within_rounding: "met within rounding",
    missed: "missed",
    not_comparable: "not comparable",
    no_result_stated: "no result stated",
    no_result_found: "no result found",
  },
  absencesTitle: "Targets not set again the next year",
  absenceStated: "explicitly not set (not in the list of main targets)",
  absenceNotFound: "not found (may be an extraction miss)",
  quoteTitle: "Quote",
  quoteEmpty: "Click a point in a chart or “quote” in a table to show its text here.",
  openInSource: "Show in the text",
  close: "Close",
  offset: (n: number) => `offset ${n} (code points)`,
  progress: (done: number, total: number, file: string) => `Working on ${done + 1}/${total}: ${file}`,
  seriesLoaded: (n: number) => `Loaded a series of ${n} reports.`,
  hint: "Choose or drop several reports at once (a place's reports over the years, say) for a time series per indicator and each year's targets against the results the next report states.",
  openSeries: "Open the time series and targets against results",
  target: "target",
  actual: "actual",
};

export const SERIES_MESSAGES: Record<Lang, Widen<Strings>> = { zh, en };
