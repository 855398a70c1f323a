import { CATALOGUE, comparePeriods, type Indicator, type Observation, type Report } from "@govreport/schema";
import { indicatorOf, printedOf } from "./loaded.js";

export interface HeadlineValue {
  obs: Observation;
  printed: string;
  /** A stated baseline, when the sentence compares with one (比去年同期13.88亿元). */
  baseline?: { printed: string; period: string };
  /** The stated change, as printed: 6.39亿元, 45.4%, 3个百分点. */
  change?: string;
  percent?: string;
  points?: string;
  direction?: "increase" | "decrease";
}

export interface HeadlineCard {
  indicator: Indicator;
  /** The values shown: the actuals of the latest period (several when split by subject). */
  values: HeadlineValue[];
  /** How many other observations of this indicator the report has (targets, earlier periods…). */
  more: number;
}

const ROLE_RANK = { actual: 0, target: 1, plan: 2, baseline: 3 } as const;

/** Words that make a figure a per-day, per-person, per-mu… average rather than a level or a total. */
const AVERAGE_WORDS = ["日均", "月均", "年均", "人均", "户均", "亩均", "平均", "每天", "每日", "每月", "每人", "每户"];

/**
 * Whether the figure is an average of the indicator's quantity (平均每天新增企业超过320家 is not
 * 新增企业, 亩均税收 is not 税收收入): its subject says so and the indicator's name does not (人均可支配收入
 * is itself an average). Such a figure is not the indicator's headline.
 */
export function isAverageOf(obs: Observation, indicator: Indicator): boolean {
  const subject = obs.subject ?? "";
  return AVERAGE_WORDS.some((w) => subject.includes(w) && !indicator.name.zh.includes(w));
}

function headlineValue(obs: Observation): HeadlineValue {
  const c = obs.comparison;
  return {
    obs,
    printed: printedOf(obs.quantity),
    ...(c?.baseline ? { baseline: { printed: printedOf(c.baseline.quantity), period: c.baseline.period } } : {}),
    ...(c?.change ? { change: printedOf(c.change) } : {}),
    ...(c?.percent ? { percent: printedOf(c.percent) } : {}),
    ...(c?.points ? { points: printedOf(c.points) } : {}),
    ...(c ? { direction: c.direction } : {}),
  };
}

/**
 * The catalogue's headline indicators that the report has (and its own indicators marked
 * headline), in catalogue order. Each card shows the best-ranked role (actual before target
 * before plan), its latest period, and every such observation (one per subject), at most three;
 * a role other than actual is shown as such on the card. An average of the indicator's quantity
 * (per day, per person…) is never its headline.
 */
export function headlineCards(report: Report, max = 3): HeadlineCard[] {
  const byIndicator = new Map<string, Observation[]>();
  for (const obs of report.observations) {
    const indicator = indicatorOf(report, obs);
    if (!indicator?.headline || isAverageOf(obs, indicator)) continue;
    const list = byIndicator.get(obs.indicator) ?? [];
    list.push(obs);
    byIndicator.set(obs.indicator, list);
  }
  const order = [...CATALOGUE.map((i) => i.id), ...report.indicators.map((i) => i.id)];
  const cards: HeadlineCard[] = [];
  for (const id of order) {
    const list = byIndicator.get(id);
    if (!list) continue;
    byIndicator.delete(id);
    const indicator = indicatorOf(report, list[0] as Observation) as Indicator;
    const bestRole = Math.min(...list.map((o) => ROLE_RANK[o.role]));
    const ofRole = list.filter((o) => ROLE_RANK[o.role] === bestRole);
    const latest = ofRole.reduce((a, o) => (comparePeriods(o.period, a.period) > 0 ? o : a));
    const shown = ofRole.filter((o) => comparePeriods(o.period, latest.period) === 0).slice(0, max);
    cards.push({ indicator, values: shown.map(headlineValue), more: list.length - shown.length });
  }
  return cards;
}
