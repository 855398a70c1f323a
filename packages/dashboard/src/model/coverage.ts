import { type CheckedRelation, COVERAGE_NAMES, type CoverageKind, type Verdict } from "@govreport/schema";
import type { Lang } from "../i18n.js";

/** The part a figure plays in a relation, as the checker names it (value, parts[0], factors[1], …). */
const ROLES: Readonly<Record<string, { zh: string; en: string }>> = {
  value: { zh: "本期值", en: "value" },
  baseline: { zh: "基期值", en: "baseline" },
  change: { zh: "增减量", en: "change" },
  percent: { zh: "增幅", en: "growth %" },
  points: { zh: "百分点", en: "points" },
  total: { zh: "总数", en: "total" },
  parts: { zh: "分项", en: "part" },
  whole: { zh: "整体", en: "whole" },
  numerator: { zh: "部分", en: "part" },
  denominator: { zh: "整体", en: "whole" },
  ratio: { zh: "比重", en: "share" },
  base: { zh: "基数", en: "base" },
  rate: { zh: "增速", en: "rate" },
  target: { zh: "目标", en: "target" },
  actual: { zh: "实绩", en: "actual" },
  from: { zh: "起点", en: "start level" },
  to: { zh: "终点", en: "end level" },
  done: { zh: "已完成", en: "done" },
  remaining: { zh: "剩余", en: "remaining" },
  factors: { zh: "因数", en: "factor" },
  product: { zh: "乘积", en: "product" },
  markers: { zh: "序号", en: "marker" },
  count: { zh: "总数", en: "count" },
  items: { zh: "所列项", en: "item" },
};

/**
 * A figure's role in words: parts[0] → 分项1 / part 1. A role the checker adds later and this list
 * does not know yet is shown as the checker names it (undefined `known` tells the view to mark it English).
 */
export function roleName(role: string, lang: Lang): { text: string; known: boolean } {
  const m = /^([a-z_]+)(?:\[(\d+)\])?$/.exec(role);
  const name = m?.[1] ? ROLES[m[1]] : undefined;
  if (!m || !name) return { text: role, known: false };
  const index = m[2] === undefined ? "" : lang === "zh" ? String(Number(m[2]) + 1) : ` ${Number(m[2]) + 1}`;
  return { text: `${name[lang]}${index}`, known: true };
}

/** The kind of relation, in the words of the coverage line (growth rate / 增速). */
export function kindName(kind: CoverageKind, lang: Lang): string {
  const names = COVERAGE_NAMES[kind];
  if (!names) return kind;
  return lang === "zh" ? names.zh : names.en[0];
}

const VERDICT_ORDER: Record<Verdict, number> = { inconsistent: 0, not_checked: 1, consistent: 2 };

/** Inconsistencies first, then relations read but not checked, then consistent ones; the checker's order within. */
export function orderRelations(relations: readonly CheckedRelation[]): CheckedRelation[] {
  return relations
    .map((r, i) => ({ r, i }))
    .sort((a, b) => VERDICT_ORDER[a.r.verdict] - VERDICT_ORDER[b.r.verdict] || a.i - b.i)
    .map(({ r }) => r);
}
