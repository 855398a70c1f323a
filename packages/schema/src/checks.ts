import { indicatorLookup } from "./catalogue.js";
import type { CheckedFigure, CheckedRelation, CoverageKind } from "./checks-coverage.js";
import { coverageCounter } from "./checks-coverage.js";
import { checkCount, checkSequence } from "./checks-lists.js";
import { codePointToIndex, indexToCodePoint } from "./code-points.js";
import { type CheckResult, FINDING_CODES, type Finding, type FindingCode } from "./finding.js";
import type { Indicator, Localized, PriceBasis } from "./indicator.js";
import {
  add,
  div,
  formatInterval,
  type Interval,
  interval,
  mul,
  overlaps,
  printedRange,
  root,
  scale,
  sub,
  sum,
} from "./interval.js";
import { findQuantities, normalizeDigits, parseQuantity } from "./parse-quantity.js";
import { parsePeriod, periodBounds } from "./period.js";
import { formatQuantity, type Quantity, quantityInterval } from "./quantity.js";
import { type AcknowledgedFinding, type Observation, type Relation, type Report, relationRefs } from "./report.js";
import { normalizeSourceText } from "./source-text.js";
import { resolveUnit, type UnitDef } from "./units.js";

/** Options of {@link checkReport}: the source text, to check quotes, offsets and printed figures against it. */
export interface CheckOptions {
  /**
   * The full source text the quotes come from; without it provenance is not checked. It is
   * normalised (`normalizeSourceText`: no BOM, LF line breaks) before quotes are looked up.
   */
  sourceText?: string;
  /**
   * Takes each finding as it is made, instead of the result's `findings` list, which is then empty
   * (`summary` and `valid` still count every finding). For a caller that keeps only some, so that a
   * text raising a finding for most of its 400,000 figures does not hold them all (issue 10).
   */
  onFinding?: (finding: Finding) => void;
  /** Takes each relation checked as it is made, instead of `coverage.relations`, which is then empty (its counts stay whole). */
  onChecked?: (relation: CheckedRelation) => void;
  /**
   * How many characters, in all, searches of the whole text for misplaced quotes may read before
   * the rest get `provenance.quote_not_searched` (default: 64 reads of a 20 MB text). A quote near its
   * recorded offset is always found; this bounds a report whose quotes occur nowhere (issue 10).
   */
  quoteSearchBudget?: number;
}

type Draft = Omit<Finding, "severity" | "acknowledged">;

export { codePointToIndex, indexToCodePoint };

const fmt = (i: Interval, unit: string, decimals = 4) => `${formatInterval(i, decimals)}${unit}`;

/**
 * The values a printed figure stands for. A whole count of single units (4718家, 42件) is exact:
 * nobody rounds a count of documents, and treating it as ±0.5 would let a breakdown of three or
 * more parts be off by one unnoticed. Scaled counts (1.6万条) and measures are rounded.
 */
export function figureInterval(q: Quantity, declared: readonly UnitDef[] = []): Interval {
  if (q.qualifier === "exact" && q.decimals === 0 && q.max === undefined && q.unit !== "") {
    const u = resolveUnit(q.unit, declared);
    if (u && u.dimension === "count" && u.scale === 1) return interval(q.value);
  }
  return quantityInterval(q);
}

/** The interval a quantity stands for, expressed in `unit` (which must be commensurable). */
function inUnit(q: Quantity, unit: string, declared: readonly UnitDef[]): Interval | undefined {
  const from = resolveUnit(q.unit, declared);
  const to = resolveUnit(unit, declared);
  if (!from || !to || from.dimension !== to.dimension || from.base !== to.base) return undefined;
  return scale(figureInterval(q, declared), from.scale / to.scale);
}

/**
 * Runs every consistency check on a parsed report. Returns all findings, acknowledged ones
 * marked as such; `valid` is false when an unacknowledged error remains.
 *
 * @example
 * const r = parseReport(YAML.parse(readFileSync("report.yaml", "utf8")));
 * if (r.success) {
 *   const { valid, findings } = checkReport(r.report, { sourceText: readFileSync("source.txt", "utf8") });
 *   for (const f of findings) console.log(f.severity, f.code, f.message.en);
 * }
 */
export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [];
  const summary = { error: 0, warning: 0, info: 0, acknowledged: 0 };
  const covering = acknowledgementIndex(report.acknowledged);
  const noAcknowledgements = report.acknowledged.length === 0;
  const take = options.onFinding ?? ((f: Finding) => findings.push(f));
  // Each finding is completed (severity, acknowledgement) and counted as it is made.
  const push = (d: Draft) => {
    const first = noAcknowledgements ? undefined : covering(d)[0];
    const ack = first === undefined ? undefined : report.acknowledged[first];
    const f = d as Finding;
    f.severity = FINDING_CODES[d.code];
    f.acknowledged = !!ack;
    if (ack) f.explanation = ack.explanation;
    if (f.acknowledged) summary.acknowledged++;
    else summary[f.severity]++;
    take(f);
  };
  const declared = report.units;
  const coverage = coverageCounter(options.onChecked === undefined);
  const record = (c: CheckedRelation) => {
    coverage.add(c);
    options.onChecked?.(c);
  };
  const indicatorOf = indicatorLookup(report.indicators);
  const basisOf = (o: Observation) => indicatorOf(o.indicator)?.priceBasis;
  const byId = new Map<string, Observation>();

  // Ids
  report.observations.forEach((o, i) => {
    if (byId.has(o.id)) {
      push({
        code: "report.duplicate_id",
        observations: [o.id],
        path: `$.observations[${i}].id`,
        message: { zh: `观测编号 ${o.id} 重复`, en: `observation id ${o.id} is used more than once` },
      });
    } else byId.set(o.id, o);
  });
  const relationIds = new Set<string>();
  report.relations.forEach((r, i) => {
    if (relationIds.has(r.id) || byId.has(r.id))
      push({
        code: "report.duplicate_id",
        observations: [],
        relation: r.id,
        path: `$.relations[${i}].id`,
        message: { zh: `关系编号 ${r.id} 重复`, en: `relation id ${r.id} is used more than once` },
      });
    relationIds.add(r.id);
  });
  const localIds = new Set<string>();
  report.indicators.forEach((ind, i) => {
    if (localIds.has(ind.id))
      push({
        code: "report.duplicate_id",
        observations: [],
        path: `$.indicators[${i}].id`,
        message: { zh: `指标编号 ${ind.id} 重复`, en: `indicator id ${ind.id} is defined more than once` },
      });
    localIds.add(ind.id);
  });

  report.observations.forEach((o, i) => {
    checkObservation(o, i, report, indicatorOf, declared, push, record);
  });
  report.relations.forEach((r, i) => {
    checkRelation(r, i, byId, declared, push, record, basisOf);
  });
  if (options.sourceText !== undefined) {
    // Quotes and offsets refer to the normalised text (source-text.ts): a CRLF or BOM copy checks the same.
    const text = normalizeSourceText(options.sourceText);
    const search = quoteSearch(text, options.quoteSearchBudget);
    report.observations.forEach((o, i) => {
      checkProvenance(o, i, text, search, declared, push);
    });
  } else {
    push({
      code: "provenance.no_source",
      observations: [],
      message: {
        zh: "未提供原文,未核对引文出处",
        en: "no source text given: quotes were not checked against the source",
      },
    });
  }
  return { findings, summary, valid: summary.error === 0, coverage: coverage.result() };
}

/**
 * Whether an acknowledgement covers a finding: same code, every observation it names involved, and
 * its relation if it names one. One naming neither observations nor a relation covers nothing.
 */
export function acknowledges(a: AcknowledgedFinding, f: Pick<Finding, "code" | "observations" | "relation">): boolean {
  return (
    a.code === f.code &&
    (a.relation === undefined || a.relation === f.relation) &&
    a.observations.every((id) => f.observations.includes(id)) &&
    (a.relation !== undefined || a.observations.length > 0)
  );
}

type Covered = Pick<Finding, "code" | "observations" | "relation">;

/**
 * The acknowledgements that cover a finding, as indices into the list, in order. Each is keyed once
 * by code and its relation or, naming none, its first observation — which a finding it covers must
 * involve — so that matching every finding against every acknowledgement is not n × m.
 */
function acknowledgementIndex(acks: readonly AcknowledgedFinding[]): (f: Covered) => number[] {
  const byKey = new Map<string, number[]>();
  acks.forEach((a, i) => {
    const key =
      a.relation !== undefined
        ? `${a.code}\0r\0${a.relation}`
        : a.observations.length > 0
          ? `${a.code}\0o\0${a.observations[0]}`
          : undefined;
    if (key === undefined) return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  return (f) => {
    const keys = new Set(f.observations.map((id) => `${f.code}\0o\0${id}`));
    if (f.relation !== undefined) keys.add(`${f.code}\0r\0${f.relation}`);
    const out: number[] = [];
    for (const key of keys)
      for (const i of byKey.get(key) ?? []) if (acknowledges(acks[i] as AcknowledgedFinding, f)) out.push(i);
    return out.sort((x, y) => x - y);
  };
}

/** Indices into `report.acknowledged` of the acknowledgements that cover none of `findings` (stale ones). */
export function unusedAcknowledgements(report: Pick<Report, "acknowledged">, findings: readonly Finding[]): number[] {
  const covering = acknowledgementIndex(report.acknowledged);
  const used = new Set<number>();
  for (const f of findings) for (const i of covering(f)) used.add(i);
  return report.acknowledged.flatMap((_, i) => (used.has(i) ? [] : [i]));
}

function checkObservation(
  o: Observation,
  i: number,
  report: Report,
  indicatorOf: (id: string) => Indicator | undefined,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
  record: Record_,
) {
  const at = `$.observations[${i}]`;
  const ind = indicatorOf(o.indicator);
  if (!ind) {
    push({
      code: "indicator.unknown",
      observations: [o.id],
      path: `${at}.indicator`,
      message: {
        zh: `指标 ${o.indicator} 既不在指标目录中,也未在报告中定义`,
        en: `indicator ${o.indicator} is neither in the catalogue nor defined by the report`,
      },
    });
  }
  // An achievement cannot be reported for a period that had not begun when the report was given.
  if (o.role === "actual") {
    const limit = report.delivered ?? periodBounds(parsePeriod(report.period)).end;
    const { start } = periodBounds(parsePeriod(o.period));
    if (start > limit)
      push({
        code: "period.outside_report",
        observations: [o.id],
        path: `${at}.period`,
        stated: o.period,
        computed: `≤ ${limit}`,
        message: {
          zh: `实际完成值的期间 ${o.period} 晚于报告(${limit}),应为目标或计划?`,
          en: `an actual for ${o.period}, which begins after the report (${limit}): a target or plan?`,
        },
      });
  }
  const unit = resolveUnit(o.quantity.unit, declared);
  if (!unit) {
    push({
      code: "unit.unknown",
      observations: [o.id],
      path: `${at}.quantity.unit`,
      message: {
        zh: `单位"${o.quantity.unit}"不在单位表中,请在报告的 units 中声明`,
        en: `unit "${o.quantity.unit}" is not in the registry; declare it in the report's units`,
      },
    });
  }
  if (ind && unit && ind.dimension !== unit.dimension) {
    push({
      code: "unit.dimension_mismatch",
      observations: [o.id],
      path: `${at}.quantity.unit`,
      message: {
        zh: `指标 ${ind.name.zh} 的量纲是 ${ind.dimension},而单位 ${o.quantity.unit} 的量纲是 ${unit.dimension}`,
        en: `indicator ${ind.id} measures ${ind.dimension}, but unit ${o.quantity.unit} is ${unit.dimension}`,
      },
    });
  }
  if (ind?.bounds && unit && ind.dimension === unit.dimension) {
    const [lo, hi] = ind.bounds;
    const target = ind.unit ?? o.quantity.unit;
    const to = resolveUnit(target, declared);
    const factor = to && to.base === unit.base ? unit.scale / to.scale : 1;
    const v = o.quantity.value * factor;
    const top = (o.quantity.max ?? o.quantity.value) * factor;
    if (v < lo || top > hi) {
      push({
        code: "value.out_of_bounds",
        observations: [o.id],
        path: `${at}.quantity.value`,
        stated: formatQuantity(o.quantity),
        computed: `[${lo}, ${hi}]${target}`,
        message: {
          zh: `${ind.name.zh} 应在 ${lo}-${hi} 之间,报告为 ${formatQuantity(o.quantity)}`,
          en: `${ind.name.en} must be within ${lo}-${hi}, but is ${formatQuantity(o.quantity)}`,
        },
      });
    }
  }
  for (const [key, q] of comparisonQuantities(o)) {
    if (!resolveUnit(q.unit, declared)) {
      push({
        code: "unit.unknown",
        observations: [o.id],
        path: `${at}.comparison.${key}.unit`,
        message: {
          zh: `单位"${q.unit}"不在单位表中`,
          en: `unit "${q.unit}" is not in the registry`,
        },
      });
    }
  }
  if (o.comparison) checkComparison(o, at, declared, push, record, ind?.priceBasis);
}

function comparisonQuantities(o: Observation): [string, Quantity][] {
  const c = o.comparison;
  if (!c) return [];
  const out: [string, Quantity][] = [];
  if (c.baseline) out.push(["baseline.quantity", c.baseline.quantity]);
  if (c.change) out.push(["change", c.change]);
  if (c.percent) out.push(["percent", c.percent]);
  if (c.points) out.push(["points", c.points]);
  return out;
}

/** Records one checked relation. */
type Record_ = (c: CheckedRelation) => void;

const fig = (o: Observation, role: string, q: Quantity = o.quantity): CheckedFigure => ({
  role,
  observation: o.id,
  printed: formatQuantity(q),
  quote: o.source.quote,
  offset: o.source.offset,
});
/** A computed number for the arithmetic line: to `decimals` places, without trailing zeros. */
const num = (x: number, decimals: number) => Number(x.toFixed(Math.max(0, decimals))).toString();
const mid = (i: Interval) => (i.lo + i.hi) / 2;
const finite = (i: Interval) => Number.isFinite(i.lo) && Number.isFinite(i.hi);

/** What a printed figure would have to be, to its own decimals, for the others to hold: 6.28 to 6.30亿元. */
function expectedOf(allowed: Interval, stated: Quantity, unit = stated.unit): string | undefined {
  if (stated.qualifier !== "exact" || stated.max !== undefined) return undefined;
  const r = printedRange(allowed, stated.decimals);
  if (!r) return undefined;
  const f = (x: number) => x.toFixed(stated.decimals);
  return r[0] === r[1] ? `${f(r[0])}${unit}` : `${f(r[0])} to ${f(r[1])}${unit}`;
}

const COMPARABLE: Localized = {
  zh: "该指标的增速按可比价计算,不等于两个现价总量之比,未核对",
  en: "this indicator's growth is stated at comparable prices, which is not the ratio of two nominal levels: not checked",
};

function checkComparison(
  o: Observation,
  at: string,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
  record: Record_,
  basis: PriceBasis | undefined,
) {
  const c = o.comparison;
  if (!c) return;
  const value = figureInterval(o.quantity, declared);
  const u = o.quantity.unit;
  const sign = c.direction === "increase" ? 1 : -1;
  const dirZh = c.direction === "increase" ? "增长" : "下降";
  const mismatch = (code: FindingCode, what: Localized, stated: string, computed: string, path: string) =>
    push({
      code,
      observations: [o.id],
      path,
      stated,
      computed,
      message: {
        zh: `${what.zh}:报告为 ${stated},按报告中的数字计算应为 ${computed}`,
        en: `${what.en}: the report states ${stated}, its own figures give ${computed}`,
      },
    });
  const V = fig(o, "value");
  /**
   * Records a stated growth rate against the one the printed figures give, and raises the percent
   * mismatch, unless the indicator's growth is at comparable prices (then it is read, not checked).
   */
  const growthRate = (
    percent: Quantity,
    ratio: Interval,
    figures: CheckedFigure[],
    formula: string,
    arithmetic: string,
  ) => {
    const ok = overlaps(quantityInterval(percent), ratio);
    const allowed = fmt(ratio, "%", percent.decimals + 2);
    const cr: CheckedRelation = {
      kind: "growth_rate",
      id: o.id,
      observations: [o.id],
      figures,
      formula,
      arithmetic,
      allowed,
      stated: formatQuantity(percent),
      verdict: basis === "comparable" ? "not_checked" : ok ? "consistent" : "inconsistent",
    };
    const e = expectedOf(ratio, percent);
    if (e) cr.expected = e;
    if (basis === "comparable") cr.reason = COMPARABLE;
    else if (!ok) {
      cr.finding = "comparison.percent_mismatch";
      mismatch(
        "comparison.percent_mismatch",
        { zh: `${dirZh}幅度`, en: "percent change" },
        formatQuantity(percent),
        allowed,
        `${at}.comparison.percent.value`,
      );
    }
    record(cr);
  };

  const base = c.baseline ? inUnit(c.baseline.quantity, u, declared) : undefined;
  if (c.baseline && !base) {
    push({
      code: "relation.unit_mismatch",
      observations: [o.id],
      path: `${at}.comparison.baseline.quantity.unit`,
      message: {
        zh: `基数单位 ${c.baseline.quantity.unit} 与数值单位 ${u} 不可比`,
        en: `baseline unit ${c.baseline.quantity.unit} is not comparable with ${u}`,
      },
    });
    return;
  }
  const b = c.baseline?.quantity;
  if (base && b && finite(value) && finite(base)) {
    const B = fig(o, "baseline", b);
    const diff = sub(value, base);
    const d = Math.max(o.quantity.decimals, b.decimals);
    const wrongWay = (sign > 0 && diff.hi < 0) || (sign < 0 && diff.lo > 0);
    if (!c.change && !c.percent && !c.points) {
      // 由162.4亿元增加到287.9亿元: with nothing else stated, the direction is what the two levels say.
      const [x, y] = sign > 0 ? [o.quantity, b] : [b, o.quantity];
      const cr: CheckedRelation = {
        kind: "direction",
        id: o.id,
        observations: [o.id],
        figures: [V, B],
        formula: sign > 0 ? "value − baseline > 0 (an increase)" : "baseline − value > 0 (a decrease)",
        arithmetic: `${formatQuantity(x)} − ${formatQuantity(y)} = ${num(sign * mid(diff), d)}${u === "%" ? "个百分点" : u}`,
        allowed: `${fmt(scale(diff, sign), u === "%" ? "个百分点" : u, d + 2)}`,
        stated: sign > 0 ? "增加" : "减少",
        verdict: wrongWay ? "inconsistent" : "consistent",
      };
      if (wrongWay) cr.finding = "comparison.direction_mismatch";
      record(cr);
    }
    if (wrongWay) {
      mismatch(
        "comparison.direction_mismatch",
        { zh: `变化方向(${dirZh})`, en: `direction (${c.direction})` },
        `${dirZh}`,
        fmt(diff, u),
        `${at}.comparison.direction`,
      );
    }
    if (c.change) {
      const stated = inUnit(c.change, u, declared);
      if (!stated) {
        push({
          code: "relation.unit_mismatch",
          observations: [o.id],
          path: `${at}.comparison.change.unit`,
          message: {
            zh: `变化量单位 ${c.change.unit} 与数值单位 ${u} 不可比`,
            en: `change unit ${c.change.unit} is not comparable with ${u}`,
          },
        });
      } else {
        const computed = scale(diff, sign);
        const ok = overlaps(stated, computed);
        const allowed = fmt(computed, u, c.change.decimals + 2);
        const [x, y] = sign > 0 ? [o.quantity, b] : [b, o.quantity];
        const cr: CheckedRelation = {
          kind: "change",
          id: o.id,
          observations: [o.id],
          figures: [V, B, fig(o, "change", c.change)],
          formula: sign > 0 ? "value − baseline = increase" : "baseline − value = decrease",
          arithmetic: `${formatQuantity(x)} − ${formatQuantity(y)} = ${num(mid(computed), d)}${u}`,
          allowed,
          stated: formatQuantity(c.change),
          verdict: ok ? "consistent" : "inconsistent",
        };
        const e = expectedOf(scale(computed, figureScale(u, c.change.unit, declared)), c.change);
        if (e) cr.expected = e;
        if (!ok) {
          cr.finding = "comparison.change_mismatch";
          mismatch(
            "comparison.change_mismatch",
            { zh: `${dirZh}量`, en: `${c.direction === "increase" ? "increase" : "decrease"}` },
            formatQuantity(c.change),
            allowed,
            `${at}.comparison.change.value`,
          );
        }
        record(cr);
      }
    }
    if (c.percent && base.lo > 0) {
      const ratio = scale(sub(div(value, base), interval(1)), 100 * sign);
      growthRate(
        c.percent,
        ratio,
        [V, B, fig(o, "percent", c.percent)],
        sign > 0 ? "(value ÷ baseline − 1) × 100 = growth %" : "(1 − value ÷ baseline) × 100 = decline %",
        `${sign > 0 ? `(${formatQuantity(o.quantity)} ÷ ${formatQuantity(b)} − 1)` : `(1 − ${formatQuantity(o.quantity)} ÷ ${formatQuantity(b)})`} × 100 = ${num(mid(ratio), c.percent.decimals + 2)}%`,
      );
    }
    if (c.points && u === "%") {
      const computed = scale(diff, sign);
      const stated = quantityInterval(c.points);
      const ok = overlaps(stated, computed);
      const allowed = fmt(computed, "个百分点", c.points.decimals + 2);
      const [x, y] = sign > 0 ? [o.quantity, b] : [b, o.quantity];
      const cr: CheckedRelation = {
        kind: "points",
        id: o.id,
        observations: [o.id],
        figures: [V, B, fig(o, "points", c.points)],
        formula: sign > 0 ? "value − baseline = rise in points" : "baseline − value = fall in points",
        arithmetic: `${formatQuantity(x)} − ${formatQuantity(y)} = ${num(mid(computed), d)}个百分点`,
        allowed,
        stated: formatQuantity(c.points),
        verdict: ok ? "consistent" : "inconsistent",
      };
      const e = expectedOf(computed, c.points);
      if (e) cr.expected = e;
      if (!ok) {
        cr.finding = "comparison.points_mismatch";
        mismatch(
          "comparison.points_mismatch",
          { zh: "百分点变化", en: "change in percentage points" },
          formatQuantity(c.points),
          allowed,
          `${at}.comparison.points.value`,
        );
      }
      record(cr);
    }
  } else if (!c.baseline && c.change && c.percent && finite(value) && u !== "%") {
    // 比上年增加X, 增长Y%, 达到Z: the base is Z − X, so the growth is X ÷ (Z − X).
    const ch = inUnit(c.change, u, declared);
    if (ch && finite(ch) && ch.lo >= 0) {
      const den = sign > 0 ? interval(value.lo - ch.hi, value.hi - ch.lo) : add(value, ch);
      if (den.lo > 0) {
        // Bound by bound, since X is in both numerator and denominator (a naive quotient is too wide).
        const ratio =
          sign > 0
            ? interval((100 * ch.lo) / (value.hi - ch.lo), (100 * ch.hi) / (value.lo - ch.hi))
            : interval((100 * ch.lo) / (value.hi + ch.lo), (100 * ch.hi) / (value.lo + ch.hi));
        const change = (ch.lo + ch.hi) / 2;
        const v = (value.lo + value.hi) / 2;
        growthRate(
          c.percent,
          ratio,
          [V, fig(o, "change", c.change), fig(o, "percent", c.percent)],
          sign > 0
            ? "increase ÷ (value − increase) × 100 = growth %"
            : "decrease ÷ (value + decrease) × 100 = decline %",
          `${formatQuantity(c.change)} ÷ (${formatQuantity(o.quantity)} ${sign > 0 ? "−" : "+"} ${formatQuantity(c.change)}) × 100 = ${num((100 * change) / (v - sign * change), c.percent.decimals + 2)}%`,
        );
      }
    }
  }
  if (c.percent && u === "%" && !c.points) {
    push({
      code: "comparison.percent_for_points",
      observations: [o.id],
      path: `${at}.comparison.percent`,
      stated: formatQuantity(c.percent),
      message: {
        zh: `比率 ${formatQuantity(o.quantity)} 的变化写作 ${formatQuantity(c.percent)},可能应为"个百分点"`,
        en: `the change of a rate (${formatQuantity(o.quantity)}) is printed as ${formatQuantity(c.percent)}; percentage points may be meant`,
      },
    });
  }
}

/** The factor from one unit to another of the same dimension (1 when either is unknown). */
function figureScale(from: string, to: string, declared: readonly UnitDef[]): number {
  const a = resolveUnit(from, declared);
  const b = resolveUnit(to, declared);
  return a && b && a.base === b.base ? a.scale / b.scale : 1;
}

function checkRelation(
  r: Relation,
  i: number,
  byId: Map<string, Observation>,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
  record: Record_,
  basisOf: (o: Observation) => PriceBasis | undefined,
) {
  const at = `$.relations[${i}]`;
  // Lists and counts are about printed words, not observations (checks-lists.ts).
  if (r.kind === "sequence") return checkSequence(r, at, push, record);
  if (r.kind === "count") return checkCount(r, at, push, record);
  const refs = relationRefs(r);
  let missing = false;
  for (const [key, id] of refs) {
    if (!byId.has(id)) {
      missing = true;
      push({
        code: "report.unknown_reference",
        observations: [],
        relation: r.id,
        path: `${at}.${key}`,
        message: {
          zh: `关系 ${r.id} 引用了不存在的观测 ${id}`,
          en: `relation ${r.id} refers to observation ${id}, which does not exist`,
        },
      });
    }
  }
  if (missing) return;
  const get = (id: string) => byId.get(id) as Observation;
  const ids = refs.map(([, id]) => id);
  const figures = refs.map(([role, id]) => fig(get(id), role));
  const unitMismatch = (a: Observation, b: Observation) =>
    push({
      code: "relation.unit_mismatch",
      observations: [a.id, b.id],
      relation: r.id,
      path: at,
      message: {
        zh: `关系 ${r.id}:${a.quantity.unit} 与 ${b.quantity.unit} 不可比`,
        en: `relation ${r.id}: ${a.quantity.unit || "(number)"} and ${b.quantity.unit || "(number)"} are not comparable`,
      },
    });
  const mismatch = (code: FindingCode, what: Localized, stated: string, computed: string) =>
    push({
      code,
      observations: ids,
      relation: r.id,
      path: at,
      stated,
      computed,
      message: {
        zh: `${what.zh}:报告为 ${stated},按报告中的数字计算应为 ${computed}`,
        en: `${what.en}: the report states ${stated}, its own figures give ${computed}`,
      },
    });
  /** Records the check and raises its finding when the stated figure falls outside what is allowed. */
  const verdict = (
    kind: CoverageKind,
    code: FindingCode,
    what: Localized,
    stated: Quantity,
    allowed: Interval,
    ok: boolean,
    formula: string,
    arithmetic: string,
    unit = stated.unit,
  ) => {
    const computed = fmt(allowed, unit, stated.decimals + 2);
    const cr: CheckedRelation = {
      kind,
      id: r.id,
      relation: r.id,
      observations: ids,
      figures,
      formula,
      arithmetic,
      allowed: computed,
      stated: formatQuantity(stated),
      verdict: ok ? "consistent" : "inconsistent",
    };
    const e = expectedOf(allowed, stated, unit);
    if (e) cr.expected = e;
    if (!ok) {
      cr.finding = code;
      mismatch(code, what, formatQuantity(stated), computed);
    }
    record(cr);
  };
  const list = (qs: Quantity[], op: string) => qs.map((q) => formatQuantity(q)).join(op);

  switch (r.kind) {
    case "sum":
    case "part": {
      const total = get(r.kind === "sum" ? r.total : r.whole);
      const parts: Interval[] = [];
      for (const p of r.parts) {
        const part = get(p);
        const iv = inUnit(part.quantity, total.quantity.unit, declared);
        if (!iv) return unitMismatch(total, part);
        parts.push(iv);
      }
      const computed = sum(parts);
      const stated = figureInterval(total.quantity, declared);
      const u = total.quantity.unit;
      // A loop, not Math.max(...parts): a list of 200,000 parts would overflow the call stack.
      let d = total.quantity.decimals;
      for (const p of r.parts) d = Math.max(d, get(p).quantity.decimals);
      const added = `${list(
        r.parts.map((p) => get(p).quantity),
        " + ",
      )} = ${num(mid(computed), d)}${u}`;
      if (!finite(computed) || !finite(stated)) return;
      if (r.kind === "sum")
        verdict(
          "sum",
          "relation.sum_mismatch",
          { zh: "分项之和", en: "sum of parts" },
          total.quantity,
          computed,
          overlaps(stated, computed),
          "part + part + … = total",
          added,
        );
      else
        verdict(
          "part",
          "relation.part_exceeds_whole",
          { zh: "部分之和不应大于整体", en: "parts larger than their whole" },
          total.quantity,
          interval(computed.lo, Number.POSITIVE_INFINITY),
          computed.lo <= stated.hi,
          "part + … ≤ whole",
          `${r.parts.length === 1 ? formatQuantity(get(r.parts[0] as string).quantity) : added} ≤ ${formatQuantity(total.quantity)}`,
        );
      return;
    }
    case "remainder": {
      const total = get(r.total);
      const u = total.quantity.unit;
      const done = inUnit(get(r.done).quantity, u, declared);
      if (!done) return unitMismatch(total, get(r.done));
      const left = inUnit(get(r.remaining).quantity, u, declared);
      if (!left) return unitMismatch(total, get(r.remaining));
      const computed = add(done, left);
      if (!finite(computed)) return;
      const d = Math.max(total.quantity.decimals, get(r.done).quantity.decimals, get(r.remaining).quantity.decimals);
      verdict(
        "remainder",
        "relation.remainder_mismatch",
        { zh: "已完成与剩余之和", en: "done plus remaining" },
        total.quantity,
        computed,
        overlaps(figureInterval(total.quantity, declared), computed),
        "done + remaining = total",
        `${list([get(r.done).quantity, get(r.remaining).quantity], " + ")} = ${num(mid(computed), d)}${u}`,
      );
      return;
    }
    case "product": {
      const product = get(r.product);
      const pu = resolveUnit(product.quantity.unit, declared);
      const units = r.factors.map((f) => resolveUnit(get(f).quantity.unit, declared));
      if (!pu || units.some((x) => !x)) return;
      // Counts multiply as plain numbers; at most one factor carries a dimension, and it is the product's.
      const dims = units.filter((x) => x?.dimension !== "count");
      const dim = dims[0];
      if (dims.length > 1 || (dim ? dim.dimension !== pu.dimension || dim.base !== pu.base : pu.dimension !== "count"))
        return unitMismatch(get(r.factors[0] as string), product);
      let computed = interval(1);
      r.factors.forEach((f, k) => {
        computed = mul(computed, scale(figureInterval(get(f).quantity, declared), units[k]?.scale ?? 1));
      });
      computed = scale(computed, 1 / pu.scale);
      if (!finite(computed)) return;
      const factors = r.factors.map((f) => get(f).quantity);
      const value = factors.reduce((a, q, k) => a * q.value * (units[k]?.scale ?? 1), 1) / pu.scale;
      verdict(
        "product",
        "relation.product_mismatch",
        { zh: "乘积", en: "product" },
        product.quantity,
        computed,
        overlaps(figureInterval(product.quantity, declared), computed),
        "factor × factor = product",
        `${list(factors, " × ")} = ${num(value, product.quantity.decimals + 2)}${product.quantity.unit}`,
      );
      return;
    }
    case "growth": {
      const from = get(r.from);
      const to = get(r.to);
      const rate = get(r.rate);
      const u = rate.quantity.unit;
      if (u !== "%" && u !== "倍") return;
      const a = inUnit(from.quantity, to.quantity.unit, declared);
      if (!a) return unitMismatch(from, to);
      const b = figureInterval(to.quantity, declared);
      if (!finite(a) || !finite(b) || a.lo <= 0) return;
      const ratio = div(b, a);
      const rv = to.quantity.value / mid(a);
      // Which way the levels moved decides the formula; that they moved the way the words say is the
      // direction check's.
      const down = rv < 1;
      if (down && u === "倍") return;
      const levels = `${formatQuantity(to.quantity)} ÷ ${formatQuantity(from.quantity)}`;
      let computed: Interval;
      let formula: string;
      let arithmetic: string;
      if (u === "%") {
        computed = down ? scale(sub(interval(1), ratio), 100) : scale(sub(ratio, interval(1)), 100);
        formula = down ? "(1 − to ÷ from) × 100 = decline %" : "(to ÷ from − 1) × 100 = growth %";
        arithmetic = `${down ? `(1 − ${levels})` : `(${levels} − 1)`} × 100 = ${num(Math.abs(rv - 1) * 100, rate.quantity.decimals + 2)}%`;
      } else {
        // 增长27倍 means 28 times the start by the book, but reports print it for 27 times as well:
        // both readings are allowed, and a multiple outside both is a slip.
        computed = interval(ratio.lo - 1, ratio.hi);
        formula = "to ÷ from − 1 = growth in 倍 (to ÷ from also allowed: 增长N倍 is often printed for N times)";
        arithmetic = `${levels} − 1 = ${num(rv - 1, rate.quantity.decimals + 2)}倍`;
      }
      if ([from, to].some((o) => basisOf(o) === "comparable")) {
        record({
          kind: "growth_rate",
          id: r.id,
          relation: r.id,
          observations: ids,
          figures,
          formula,
          arithmetic,
          allowed: fmt(computed, u, rate.quantity.decimals + 2),
          stated: formatQuantity(rate.quantity),
          verdict: "not_checked",
          reason: COMPARABLE,
        });
        return;
      }
      verdict(
        "growth_rate",
        "relation.growth_mismatch",
        {
          zh: down ? "下降幅度" : "增长幅度",
          en: down ? "decline between the two levels" : "growth between the two levels",
        },
        rate.quantity,
        computed,
        overlaps(quantityInterval(rate.quantity), computed),
        formula,
        arithmetic,
        u,
      );
      return;
    }
    case "per_capita": {
      const total = get(r.total);
      const pop = get(r.population);
      const each = get(r.perCapita);
      const pu = resolveUnit(pop.quantity.unit, declared);
      if (!pu || pu.dimension !== "count") return unitMismatch(pop, each);
      const t = inUnit(total.quantity, each.quantity.unit, declared);
      if (!t) return unitMismatch(total, each);
      const n = scale(figureInterval(pop.quantity, declared), pu.scale);
      if (!finite(t) || !finite(n) || n.lo <= 0) return;
      const computed = div(t, n);
      const people = pop.quantity.value * pu.scale;
      const tv = total.quantity.value * figureScale(total.quantity.unit, each.quantity.unit, declared);
      verdict(
        "per_capita",
        "relation.per_capita_mismatch",
        { zh: "人均数(总量÷人数)", en: "per-capita figure (total ÷ people)" },
        each.quantity,
        computed,
        overlaps(figureInterval(each.quantity, declared), computed),
        "total ÷ population = per-capita (per-capita × population = total)",
        `${formatQuantity(total.quantity)} ÷ ${formatQuantity(pop.quantity)} = ${num(tv / people, each.quantity.decimals + 2)}${each.quantity.unit}`,
      );
      return;
    }
    case "average_growth": {
      const to = get(r.to);
      const rate = get(r.rate);
      const b = figureInterval(to.quantity, declared);
      if (!finite(b) || rate.quantity.unit !== "%") return;
      let computed: Interval;
      let formula: string;
      let ratioText: string;
      let ratioValue: number;
      const from = r.from ? get(r.from) : undefined;
      if (from) {
        const a = inUnit(from.quantity, to.quantity.unit, declared);
        if (!a) return unitMismatch(from, to);
        if (a.lo <= 0 || !finite(a)) return;
        computed = scale(sub(root(div(b, a), r.years), interval(1)), 100);
        formula = "((to ÷ from)^(1 ÷ years) − 1) × 100 = average yearly growth %";
        ratioText = `${formatQuantity(to.quantity)} ÷ ${formatQuantity(from.quantity)}`;
        ratioValue = to.quantity.value / mid(a);
      } else {
        // 完成30788元,比2010年增加13480元: the earlier level is the later one less the change.
        const c = to.comparison;
        const ch = c?.change ? inUnit(c.change, to.quantity.unit, declared) : undefined;
        if (!c?.change || !ch || !finite(ch)) return;
        const sign = c.direction === "increase" ? 1 : -1;
        // to ÷ (to ∓ change), bound by bound: the change is in both.
        const lo = sign > 0 ? b.lo / (b.lo - ch.lo) : b.lo / (b.lo + ch.hi);
        const hi = sign > 0 ? b.hi / (b.hi - ch.hi) : b.hi / (b.hi + ch.lo);
        if (!(b.lo - ch.hi > 0) || !(lo > 0) || !(hi >= lo)) return;
        computed = scale(sub(root(interval(lo, hi), r.years), interval(1)), 100);
        const op = sign > 0 ? "−" : "+";
        formula = `((to ÷ (to ${op} change))^(1 ÷ years) − 1) × 100 = average yearly growth %`;
        ratioText = `${formatQuantity(to.quantity)} ÷ (${formatQuantity(to.quantity)} ${op} ${formatQuantity(c.change)})`;
        ratioValue = to.quantity.value / (to.quantity.value - sign * mid(ch));
        figures.push(fig(to, "change", c.change));
      }
      const v = (ratioValue ** (1 / r.years) - 1) * 100;
      const arithmetic = `((${ratioText})^(1/${r.years}) − 1) × 100 = ${num(v, rate.quantity.decimals + 2)}%`;
      if ([from, to, rate].some((o) => o && basisOf(o) === "comparable")) {
        record({
          kind: "average_growth",
          id: r.id,
          relation: r.id,
          observations: ids,
          figures,
          formula,
          arithmetic,
          allowed: fmt(computed, "%", rate.quantity.decimals + 2),
          stated: formatQuantity(rate.quantity),
          verdict: "not_checked",
          reason: COMPARABLE,
        });
        return;
      }
      verdict(
        "average_growth",
        "relation.average_growth_mismatch",
        { zh: `${r.years}年的年均增速`, en: `average yearly growth over ${r.years} years` },
        rate.quantity,
        computed,
        overlaps(quantityInterval(rate.quantity), computed),
        formula,
        arithmetic,
        "%",
      );
      return;
    }
    case "ratio": {
      const numr = get(r.numerator);
      const den = get(r.denominator);
      const ratio = get(r.ratio);
      const n = inUnit(numr.quantity, den.quantity.unit, declared);
      if (!n) return unitMismatch(numr, den);
      const d = figureInterval(den.quantity, declared);
      if (d.lo <= 0 || !finite(d) || !finite(n)) return;
      const factor = ratio.quantity.unit === "%" ? 100 : ratio.quantity.unit === "‰" ? 1000 : 1;
      const computed = scale(div(n, d), factor);
      const times = factor === 1 ? "" : ` × ${factor}`;
      verdict(
        "share",
        "relation.ratio_mismatch",
        { zh: "比率", en: "ratio" },
        ratio.quantity,
        computed,
        overlaps(quantityInterval(ratio.quantity), computed),
        `part ÷ whole${times} = share`,
        `${formatQuantity(numr.quantity)} ÷ ${formatQuantity(den.quantity)}${times} = ${num((mid(n) / den.quantity.value) * factor, ratio.quantity.decimals + 2)}${ratio.quantity.unit}`,
      );
      return;
    }
    case "derived_target": {
      const base = get(r.base);
      const rate = get(r.rate);
      const growth = add(interval(1), scale(quantityInterval({ ...rate.quantity, qualifier: "exact" }), 0.01));
      const computed = mul(quantityInterval({ ...base.quantity, qualifier: "exact" }), growth);
      if (r.target) {
        const target = get(r.target);
        const t = inUnit(target.quantity, base.quantity.unit, declared);
        if (!t) return unitMismatch(target, base);
        // The target in its own unit, so the arithmetic and what it would have to be read as printed.
        const k = figureScale(base.quantity.unit, target.quantity.unit, declared);
        verdict(
          "target",
          "relation.derived_target_mismatch",
          { zh: "目标值(基数×(1+增速))", en: "target (base × (1 + rate))" },
          target.quantity,
          scale(computed, k),
          overlaps(t, computed),
          "base × (1 + rate ÷ 100) = target",
          `${formatQuantity(base.quantity)} × (1 + ${rate.quantity.value}%) = ${num(base.quantity.value * k * (1 + rate.quantity.value / 100), target.quantity.decimals + 2)}${target.quantity.unit}`,
        );
      } else {
        push({
          code: "relation.derived_target",
          observations: ids,
          relation: r.id,
          path: at,
          computed: fmt(computed, base.quantity.unit, base.quantity.decimals + 1),
          message: {
            zh: `${formatQuantity(base.quantity)} 增长 ${formatQuantity(rate.quantity)} 的目标值为 ${fmt(computed, base.quantity.unit, base.quantity.decimals)}`,
            en: `${formatQuantity(base.quantity)} grown by ${formatQuantity(rate.quantity)} gives a target of ${fmt(computed, base.quantity.unit, base.quantity.decimals)}`,
          },
        });
      }
      return;
    }
    case "progress": {
      const actual = get(r.actual);
      const target = get(r.target);
      const a = inUnit({ ...actual.quantity, qualifier: "exact" }, target.quantity.unit, declared);
      if (!a) return unitMismatch(actual, target);
      const t = figureInterval({ ...target.quantity, qualifier: "exact" }, declared);
      if (t.lo <= 0) return;
      const pct = scale(div(a, t), 100);
      push({
        code: "relation.progress",
        observations: ids,
        relation: r.id,
        path: at,
        stated: `${formatQuantity(actual.quantity)} / ${formatQuantity(target.quantity)}`,
        computed: fmt(pct, "%", 1),
        message: {
          zh: `已完成目标的 ${formatInterval(pct, 1)}%(${formatQuantity(actual.quantity)} / ${formatQuantity(target.quantity)})`,
          en: `${formatInterval(pct, 1)}% of the target reached (${formatQuantity(actual.quantity)} of ${formatQuantity(target.quantity)})`,
        },
      });
      return;
    }
  }
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return (
    Math.abs(a.value - b.value) < 1e-9 &&
    a.unit === b.unit &&
    a.decimals === b.decimals &&
    (a.max ?? null) === (b.max ?? null)
  );
}

/** How far around its recorded offset a misplaced quote is looked for before the whole text is searched. */
const QUOTE_WINDOW = 4096;

/**
 * How many characters the searches of whole texts for misplaced quotes may read in one run, in all:
 * 64 searches of a 20 MB text, a few seconds here. A report file can hold 100,000 quotes that occur
 * nowhere, and one scan of the text each would take hours (issue 10); past the budget a quote gets
 * `provenance.quote_not_searched`, an error, so such a report still fails and says why.
 */
const WHOLE_TEXT_BUDGET = 64 * 20 * 1024 * 1024;

/** Where a misplaced quote is; `undefined` once the budget for whole-text searches is spent. */
type QuoteSearch = (quote: string, near: number) => number | undefined;

/**
 * Where a quote that is not at its recorded place occurs: the occurrence nearest that place within
 * a window around it (a quote moved by an edit, or an offset counted a little off, is near it; and a
 * passage printed twice is placed on the copy meant), else its first occurrence in the text. A
 * report whose offsets are all a little off then costs a window per quote, not a scan of the whole
 * text per quote; a quote searched for in the whole text is remembered, and those searches share
 * `WHOLE_TEXT_BUDGET` (issue 10).
 */
function quoteSearch(text: string, budget = WHOLE_TEXT_BUDGET): QuoteSearch {
  const first = new Map<string, number>();
  let left = budget;
  return (quote, near) => {
    const from = Math.max(0, near - QUOTE_WINDOW);
    const window = text.slice(from, Math.min(text.length, near + QUOTE_WINDOW + quote.length));
    let best = -1;
    for (let i = window.indexOf(quote); i >= 0; i = window.indexOf(quote, i + 1)) {
      const at = from + i;
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
      if (at > near) break;
    }
    if (best >= 0) return best;
    const known = first.get(quote);
    if (known !== undefined) return known;
    if (left <= 0) return undefined;
    const at = text.indexOf(quote);
    left -= at < 0 ? text.length : at + quote.length;
    first.set(quote, at);
    return at;
  };
}

function checkProvenance(
  o: Observation,
  i: number,
  text: string,
  search: QuoteSearch,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
) {
  const at = `$.observations[${i}].source`;
  const { quote, offset } = o.source;
  const idx = codePointToIndex(text, offset);
  if (text.slice(idx, idx + quote.length) !== quote) {
    const found = search(quote, idx);
    if (found === undefined) {
      push({
        code: "provenance.quote_not_searched",
        observations: [o.id],
        path: `${at}.quote`,
        stated: quote,
        message: {
          zh: `引文「${quote}」不在记录的位置附近;此前错位的引文过多,未再全文查找`,
          en: `the quote "${quote}" is not at or near its recorded offset, and was not searched for in the whole text: too many misplaced quotes before it`,
        },
      });
      return;
    }
    if (found < 0) {
      push({
        code: "provenance.quote_not_found",
        observations: [o.id],
        path: `${at}.quote`,
        stated: quote,
        message: { zh: `原文中找不到引文「${quote}」`, en: `the quote "${quote}" does not occur in the source text` },
      });
      return;
    }
    const actual = indexToCodePoint(text, found);
    push({
      code: "provenance.offset_mismatch",
      observations: [o.id],
      path: `${at}.offset`,
      stated: String(offset),
      computed: String(actual),
      message: {
        zh: `引文位置应为 ${actual},记录为 ${offset}`,
        en: `the quote starts at offset ${actual}, not ${offset}`,
      },
    });
  }
  const q = o.quantity;
  if (q.printed !== undefined) {
    if (!normalizeDigits(quote).includes(normalizeDigits(q.printed))) {
      push({
        code: "provenance.figure_not_in_quote",
        observations: [o.id],
        path: `$.observations[${i}].quantity.printed`,
        stated: q.printed,
        message: {
          zh: `数字「${q.printed}」不在引文「${quote}」中`,
          en: `the figure "${q.printed}" is not in the quote "${quote}"`,
        },
      });
      return;
    }
    let parsed: Quantity | undefined;
    try {
      // A figure a hard-wrapped text splits over two lines (85\n00亿元) is printed with its line break.
      parsed = parseQuantity(q.printed.replace(/[ \t\u3000]*\n[ \t\u3000]*/g, ""), { units: declared });
    } catch {
      parsed = undefined;
    }
    if (!parsed || !sameQuantity(parsed, q) || parsed.qualifier !== q.qualifier) {
      push({
        code: "provenance.value_mismatch",
        observations: [o.id],
        path: `$.observations[${i}].quantity`,
        stated: q.printed,
        computed: formatQuantity(q),
        message: {
          zh: `原文印作「${q.printed}」,数据记为 ${formatQuantity(q)}`,
          en: `the source prints "${q.printed}" but the data records ${formatQuantity(q)}`,
        },
      });
    }
    return;
  }
  const candidates = findQuantities(quote, { units: declared, chinese: true, bare: q.unit === "" });
  if (!candidates.some((c) => sameQuantity(c, q))) {
    push({
      code: "provenance.figure_not_in_quote",
      observations: [o.id],
      path: `$.observations[${i}].quantity`,
      stated: formatQuantity(q),
      message: {
        zh: `引文「${quote}」中没有 ${formatQuantity(q)}`,
        en: `the quote "${quote}" does not print ${formatQuantity(q)}`,
      },
    });
  }
}
