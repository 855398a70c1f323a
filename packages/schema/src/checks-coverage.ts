import type { FindingCode } from "./finding.js";
import type { Localized } from "./indicator.js";

/**
 * What `checkReport` checked, one entry for every relation between printed figures it verified, so
 * that no finding means "verified" and not "not looked at".
 */
export const COVERAGE_KINDS = [
  "growth_rate",
  "change",
  "points",
  "direction",
  "average_growth",
  "sum",
  "part",
  "remainder",
  "share",
  "product",
  "per_capita",
  "target",
  "sequence",
  "count",
] as const;
/** A kind of relation the checks count in {@link Coverage}. */
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/** How each kind reads in the coverage line: singular and plural, English and Chinese. */
export const COVERAGE_NAMES: Readonly<Record<CoverageKind, { en: [string, string]; zh: string }>> = {
  growth_rate: { en: ["growth rate", "growth rates"], zh: "增速" },
  change: { en: ["change", "changes"], zh: "增减量" },
  points: { en: ["point change", "point changes"], zh: "百分点变化" },
  direction: { en: ["direction of change", "directions of change"], zh: "增减方向" },
  average_growth: { en: ["average growth rate", "average growth rates"], zh: "年均增速" },
  sum: { en: ["sum", "sums"], zh: "分项之和" },
  part: { en: ["part of a whole", "parts of a whole"], zh: "部分不超过整体" },
  remainder: { en: ["remainder", "remainders"], zh: "已完成与剩余" },
  share: { en: ["share", "shares"], zh: "比重" },
  product: { en: ["product", "products"], zh: "乘积" },
  per_capita: { en: ["per-capita figure", "per-capita figures"], zh: "人均数" },
  target: { en: ["target", "targets"], zh: "目标值" },
  sequence: { en: ["numbered list", "numbered lists"], zh: "序号连续" },
  count: { en: ["counted list", "counted lists"], zh: "总数与所列项数" },
};

/** Findings that mean the printed figures contradict each other: what `govreport check` reports as inconsistencies. */
export const INCONSISTENCY_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "comparison.change_mismatch",
  "comparison.percent_mismatch",
  "comparison.points_mismatch",
  "comparison.direction_mismatch",
  "relation.sum_mismatch",
  "relation.ratio_mismatch",
  "relation.derived_target_mismatch",
  "relation.average_growth_mismatch",
  "relation.part_exceeds_whole",
  "relation.remainder_mismatch",
  "relation.product_mismatch",
  "relation.growth_mismatch",
  "relation.per_capita_mismatch",
  "relation.sequence_mismatch",
  "relation.count_mismatch",
  "value.out_of_bounds",
]);
/** Findings worth a look that are not contradictions: what `govreport check` reports as notes. */
export const NOTE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(["comparison.percent_for_points"]);

/**
 * What the checks concluded about one relation: consistent, inconsistent, or not checked (and why, in its
 * `reason`).
 */
export type Verdict = "consistent" | "inconsistent" | "not_checked";

/** One printed figure a check used. */
export interface CheckedFigure {
  /** What it is in the relation: value, baseline, change, percent, total, parts[0], rate, … */
  role: string;
  /** The observation printed there; none for words a relation is about (an ordinal, a counted item). */
  observation?: string;
  /** The figure as printed: 20.17亿元. */
  printed: string;
  /** The clause it is printed in, verbatim, and where that clause starts (code points). */
  quote: string;
  offset: number;
}

/** One relation checked: its figures, the formula, the arithmetic and the verdict. */
export interface CheckedRelation {
  kind: CoverageKind;
  /** The relation id, for a relation; the observation id, for a comparison stated with a figure. */
  id: string;
  relation?: string;
  observations: string[];
  figures: CheckedFigure[];
  /** The formula in words: value − baseline = change. */
  formula: string;
  /** The formula with the printed figures: 20.17亿元 − 13.88亿元 = 6.29亿元. */
  arithmetic: string;
  /** What the other figures allow once their rounding is taken into account: [6.28, 6.3]亿元. */
  allowed: string;
  /** The figure checked, as printed. */
  stated: string;
  /** What the checked figure would have to be, printed to its own decimals: 6.28 to 6.30亿元. */
  expected?: string;
  verdict: Verdict;
  /** Why a relation was read but not checked (growth at comparable prices). */
  reason?: Localized;
  /** The finding raised when the verdict is inconsistent. */
  finding?: FindingCode;
}

/** How much of a report the relation checks covered: counts by kind and verdict, and each relation's verdict. */
export interface Coverage {
  /** Relations checked (consistent or not), not counting those read but not checked. */
  checked: number;
  byKind: Partial<Record<CoverageKind, number>>;
  inconsistencies: number;
  notChecked: number;
  /**
   * Relations checked counted once per distinct statement (kind, quotes and arithmetic): a text that
   * prints a passage twice (some web copies hold the report twice) counts it once here.
   */
  distinct: number;
  relations: CheckedRelation[];
}

/** Counts relations checked as they are made: see {@link coverageCounter}. */
export interface CoverageCounter {
  /** Counts one relation checked (and keeps it, when the counter keeps them). */
  add(r: CheckedRelation): void;
  /** The counts so far, with the relations kept. */
  result(): Coverage;
}

/**
 * Counts checked relations by kind and verdict as they are made; `keep` says whether the relations
 * themselves are kept in the result (a caller that takes each one as it is made keeps none, so a
 * text of 100,000 relations costs their counts, not their list).
 */
export function coverageCounter(keep = true): CoverageCounter {
  const byKind: Partial<Record<CoverageKind, number>> = {};
  let checked = 0;
  let inconsistencies = 0;
  let notChecked = 0;
  const seen = new Set<string>();
  const relations: CheckedRelation[] = [];
  return {
    add(r) {
      if (keep) relations.push(r);
      if (r.verdict === "not_checked") {
        notChecked++;
        return;
      }
      seen.add([r.kind, r.arithmetic, r.stated, ...r.figures.map((f) => f.quote)].join("\u0000"));
      checked++;
      byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      if (r.verdict === "inconsistent") inconsistencies++;
    },
    result: () => ({ checked, byKind: { ...byKind }, inconsistencies, notChecked, distinct: seen.size, relations }),
  };
}

/**
 * Counts checked relations by kind and verdict.
 *
 * @param relations - Relations with their verdicts, as the relation checks return them.
 * @returns How many were checked (by kind), found inconsistent and not checked, with the relations themselves.
 */
export function summarizeCoverage(relations: readonly CheckedRelation[]): Coverage {
  const counter = coverageCounter();
  for (const r of relations) counter.add(r);
  return counter.result();
}

/**
 * The coverage as one line: "checked 41 relations: 12 growth rates, 9 changes, 6 sums; 1 inconsistency".
 * Kinds are listed most frequent first.
 */
export function coverageLine(c: Coverage, lang: "en" | "zh" = "en"): string {
  const kinds = COVERAGE_KINDS.filter((k) => (c.byKind[k] ?? 0) > 0).sort(
    (a, b) => (c.byKind[b] ?? 0) - (c.byKind[a] ?? 0),
  );
  if (lang === "zh") {
    const list = kinds.map((k) => `${COVERAGE_NAMES[k].zh}${c.byKind[k]}处`).join("、");
    const skipped = c.notChecked > 0 ? `;${c.notChecked}处按可比价计算的增速未与名义值核对` : "";
    const repeatedZh = c.distinct < c.checked ? `(其中${c.distinct}处不重复,文本有段落重复)` : "";
    return `核对了${c.checked}处数字关系${repeatedZh}${list ? `:${list}` : ""};${c.inconsistencies}处不一致${skipped}`;
  }
  const list = kinds
    .map((k) => {
      const n = c.byKind[k] ?? 0;
      return `${n} ${COVERAGE_NAMES[k].en[n === 1 ? 0 : 1]}`;
    })
    .join(", ");
  const n = c.inconsistencies;
  const repeated =
    c.distinct < c.checked ? ` (${c.distinct} distinct: the text prints some passages more than once)` : "";
  const skipped =
    c.notChecked > 0
      ? `; ${c.notChecked} not checked (growth at comparable prices is not the ratio of nominal levels)`
      : "";
  return `checked ${c.checked} relation${c.checked === 1 ? "" : "s"}${repeated}${list ? `: ${list}` : ""}; ${n} inconsistenc${n === 1 ? "y" : "ies"}${skipped}`;
}
