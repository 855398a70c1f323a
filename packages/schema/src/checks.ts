import { findIndicator } from "./catalogue.js";
import { type CheckResult, FINDING_CODES, type Finding, type FindingCode } from "./finding.js";
import type { Localized } from "./indicator.js";
import { add, div, formatInterval, type Interval, interval, mul, overlaps, scale, sub, sum } from "./interval.js";
import { findQuantities, normalizeDigits, parseQuantity } from "./parse-quantity.js";
import { parsePeriod, periodBounds } from "./period.js";
import { formatQuantity, type Quantity, quantityInterval } from "./quantity.js";
import type { AcknowledgedFinding, Observation, Relation, Report } from "./report.js";
import { normalizeSourceText } from "./source-text.js";
import { resolveUnit, type UnitDef } from "./units.js";

export interface CheckOptions {
  /**
   * The full source text the quotes come from; without it provenance is not checked. It is
   * normalised (`normalizeSourceText`: no BOM, LF line breaks) before quotes are looked up.
   */
  sourceText?: string;
}

type Draft = Omit<Finding, "severity" | "acknowledged">;

let lastText: string | undefined;
let lastHasPairs = true;
/**
 * Whether the text has a high surrogate, i.e. code points that take two JS string units. Without
 * one, code-point offsets are string indices; remembered for the last text, since provenance
 * converts an offset into the same source text for every observation.
 */
function hasSurrogatePairs(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastHasPairs = /[\uD800-\uDBFF]/.test(text);
  }
  return lastHasPairs;
}

/** Index into a JS string of a code-point offset (the schema counts offsets in code points). */
export function codePointToIndex(text: string, offset: number): number {
  if (!hasSurrogatePairs(text)) return offset > 0 ? Math.min(Math.ceil(offset), text.length) : 0;
  let index = 0;
  for (let cp = 0; cp < offset && index < text.length; cp++) {
    const c = text.charCodeAt(index);
    index += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return index;
}

/** Code-point offset of a JS string index. */
export function indexToCodePoint(text: string, index: number): number {
  if (!hasSurrogatePairs(text)) return index > 0 ? Math.min(Math.ceil(index), text.length) : 0;
  let cp = 0;
  for (let i = 0; i < index && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return cp;
}

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
 */
export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const out: Draft[] = [];
  const push = (d: Draft) => {
    out.push(d);
  };
  const declared = report.units;
  const byId = new Map<string, Observation>();
  const indexOf = new Map<string, number>();

  // Ids
  report.observations.forEach((o, i) => {
    if (byId.has(o.id)) {
      push({
        code: "report.duplicate_id",
        observations: [o.id],
        path: `$.observations[${i}].id`,
        message: { zh: `观测编号 ${o.id} 重复`, en: `observation id ${o.id} is used more than once` },
      });
    } else {
      byId.set(o.id, o);
      indexOf.set(o.id, i);
    }
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
    checkObservation(o, i, report, declared, push);
  });
  report.relations.forEach((r, i) => {
    checkRelation(r, i, byId, declared, push);
  });
  if (options.sourceText !== undefined) {
    // Quotes and offsets refer to the normalised text (source-text.ts): a CRLF or BOM copy checks the same.
    const text = normalizeSourceText(options.sourceText);
    report.observations.forEach((o, i) => {
      checkProvenance(o, i, text, declared, push);
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
  return finish(out, report);
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

/** Indices into `report.acknowledged` of the acknowledgements that cover none of `findings` (stale ones). */
export function unusedAcknowledgements(report: Pick<Report, "acknowledged">, findings: readonly Finding[]): number[] {
  return report.acknowledged.flatMap((a, i) => (findings.some((f) => acknowledges(a, f)) ? [] : [i]));
}

function finish(drafts: Draft[], report: Report): CheckResult {
  const findings: Finding[] = drafts.map((d) => {
    const ack = report.acknowledged.find((a) => acknowledges(a, d));
    const f: Finding = { ...d, severity: FINDING_CODES[d.code], acknowledged: !!ack };
    if (ack) f.explanation = ack.explanation;
    return f;
  });
  const summary = { error: 0, warning: 0, info: 0, acknowledged: 0 };
  for (const f of findings) {
    if (f.acknowledged) summary.acknowledged++;
    else summary[f.severity]++;
  }
  return { findings, summary, valid: summary.error === 0 };
}

function checkObservation(
  o: Observation,
  i: number,
  report: Report,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
) {
  const at = `$.observations[${i}]`;
  const ind = findIndicator(o.indicator, report.indicators);
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
  if (o.comparison) checkComparison(o, at, declared, push);
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

function checkComparison(o: Observation, at: string, declared: readonly UnitDef[], push: (d: Draft) => void) {
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
  if (base && Number.isFinite(value.lo) && Number.isFinite(value.hi) && Number.isFinite(base.lo)) {
    const diff = sub(value, base);
    if ((sign > 0 && diff.hi < 0) || (sign < 0 && diff.lo > 0)) {
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
        if (!overlaps(stated, computed))
          mismatch(
            "comparison.change_mismatch",
            { zh: `${dirZh}量`, en: `${c.direction === "increase" ? "increase" : "decrease"}` },
            formatQuantity(c.change),
            fmt(computed, u, c.change.decimals + 2),
            `${at}.comparison.change.value`,
          );
      }
    }
    if (c.percent && base.lo > 0) {
      const ratio = scale(sub(div(value, base), interval(1)), 100 * sign);
      const stated = quantityInterval(c.percent);
      if (!overlaps(stated, ratio))
        mismatch(
          "comparison.percent_mismatch",
          { zh: `${dirZh}幅度`, en: "percent change" },
          formatQuantity(c.percent),
          fmt(ratio, "%", c.percent.decimals + 2),
          `${at}.comparison.percent.value`,
        );
    }
    if (c.points && u === "%") {
      const computed = scale(diff, sign);
      const stated = quantityInterval(c.points);
      if (!overlaps(stated, computed))
        mismatch(
          "comparison.points_mismatch",
          { zh: "百分点变化", en: "change in percentage points" },
          formatQuantity(c.points),
          fmt(computed, "个百分点", c.points.decimals + 2),
          `${at}.comparison.points.value`,
        );
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

function checkRelation(
  r: Relation,
  i: number,
  byId: Map<string, Observation>,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
) {
  const at = `$.relations[${i}]`;
  const refs: [string, string][] =
    r.kind === "sum"
      ? [["total", r.total], ...r.parts.map((p, k) => [`parts[${k}]`, p] as [string, string])]
      : r.kind === "ratio"
        ? [
            ["numerator", r.numerator],
            ["denominator", r.denominator],
            ["ratio", r.ratio],
          ]
        : r.kind === "derived_target"
          ? [["base", r.base], ["rate", r.rate], ...(r.target ? [["target", r.target] as [string, string]] : [])]
          : [
              ["actual", r.actual],
              ["target", r.target],
            ];
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

  switch (r.kind) {
    case "sum": {
      const total = get(r.total);
      const parts: Interval[] = [];
      for (const p of r.parts) {
        const part = get(p);
        const iv = inUnit(part.quantity, total.quantity.unit, declared);
        if (!iv) return unitMismatch(total, part);
        parts.push(iv);
      }
      const computed = sum(parts);
      const stated = figureInterval(total.quantity, declared);
      if (!overlaps(stated, computed))
        mismatch(
          "relation.sum_mismatch",
          { zh: "分项之和", en: "sum of parts" },
          formatQuantity(total.quantity),
          fmt(computed, total.quantity.unit, total.quantity.decimals + 2),
        );
      return;
    }
    case "ratio": {
      const num = get(r.numerator);
      const den = get(r.denominator);
      const ratio = get(r.ratio);
      const n = inUnit(num.quantity, den.quantity.unit, declared);
      if (!n) return unitMismatch(num, den);
      const d = figureInterval(den.quantity, declared);
      if (d.lo <= 0) return;
      const factor = ratio.quantity.unit === "%" ? 100 : ratio.quantity.unit === "‰" ? 1000 : 1;
      const computed = scale(div(n, d), factor);
      const stated = quantityInterval(ratio.quantity);
      if (!overlaps(stated, computed))
        mismatch(
          "relation.ratio_mismatch",
          { zh: "比率", en: "ratio" },
          formatQuantity(ratio.quantity),
          fmt(computed, ratio.quantity.unit, ratio.quantity.decimals + 2),
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
        if (!overlaps(t, computed))
          mismatch(
            "relation.derived_target_mismatch",
            { zh: "目标值(基数×(1+增速))", en: "target (base × (1 + rate))" },
            formatQuantity(target.quantity),
            fmt(computed, base.quantity.unit, base.quantity.decimals + 1),
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

function checkProvenance(
  o: Observation,
  i: number,
  text: string,
  declared: readonly UnitDef[],
  push: (d: Draft) => void,
) {
  const at = `$.observations[${i}].source`;
  const { quote, offset } = o.source;
  const idx = codePointToIndex(text, offset);
  if (text.slice(idx, idx + quote.length) !== quote) {
    const found = text.indexOf(quote);
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
