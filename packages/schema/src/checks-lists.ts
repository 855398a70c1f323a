import type { CheckedFigure, CheckedRelation } from "./checks-coverage.js";
import type { Finding } from "./finding.js";
import type { Relation } from "./report.js";

type Draft = Omit<Finding, "severity" | "acknowledged">;
type Sequence = Extract<Relation, { kind: "sequence" }>;
type Count = Extract<Relation, { kind: "count" }>;

const word = (role: string, w: { printed: string; quote: string; offset: number }): CheckedFigure => ({
  role,
  printed: w.printed,
  quote: w.quote,
  offset: w.offset,
});

/**
 * 一是…二是…三是 / （一）（二）（三）: the markers of one list count 1, 2, 3, … The first marker that is
 * not the one before it plus one (a gap, a repeat, a list that does not start at one) is the slip: a
 * deputy reads the numbers in turn and stops there.
 */
export function checkSequence(r: Sequence, at: string, push: (d: Draft) => void, record: (c: CheckedRelation) => void) {
  const figures = r.markers.map((m, k) => word(`markers[${k}]`, m));
  const values = r.markers.map((m) => m.value);
  const wrong = values.findIndex((v, k) => v !== k + 1);
  const expected = wrong < 0 ? values.length : wrong + 1;
  const bad = wrong < 0 ? undefined : r.markers[wrong];
  const printed = r.markers.map((m) => m.printed).join(" ");
  const cr: CheckedRelation = {
    kind: "sequence",
    id: r.id,
    relation: r.id,
    observations: [],
    figures,
    formula: "the k-th marker of a list is numbered k: 1, 2, 3, … with no gap and no repeat",
    arithmetic: `${printed}: ${values.join(", ")}`,
    allowed: `1 to ${values.length} in turn`,
    stated: bad ? bad.printed : (r.markers[r.markers.length - 1]?.printed ?? ""),
    verdict: bad ? "inconsistent" : "consistent",
  };
  if (bad) {
    cr.expected = `${expected}`;
    cr.finding = "relation.sequence_mismatch";
    const prev = wrong > 0 ? r.markers[wrong - 1] : undefined;
    const what = bad.value === prev?.value ? "repeats" : bad.value < expected ? "goes back" : "skips";
    push({
      code: "relation.sequence_mismatch",
      observations: [],
      relation: r.id,
      path: `${at}.markers[${wrong}]`,
      stated: bad.printed,
      computed: `${expected}`,
      offset: bad.offset,
      message: {
        zh: `序号不连续:${prev ? `${prev.printed}之后` : "第一项"}是${bad.printed},应为第${expected}项`,
        en: `the numbering ${what}: ${prev ? `after ${prev.printed} comes` : "the list opens with"} ${bad.printed}, where item ${expected} is due`,
      },
    });
  }
  record(cr);
}

/**
 * 八个方面的工作：（一）…（八） / 奶业、蔬菜、中药材、中央厨房、精品肉类五大千亿级工程: the count printed
 * is the number of items the text names for it.
 */
export function checkCount(r: Count, at: string, push: (d: Draft) => void, record: (c: CheckedRelation) => void) {
  const n = r.items.length;
  const ok = n === r.count.value;
  const items = r.items.map((i) => i.printed).join("、");
  const cr: CheckedRelation = {
    kind: "count",
    id: r.id,
    relation: r.id,
    observations: [],
    figures: [word("count", r.count), ...r.items.map((w, k) => word(`items[${k}]`, w))],
    formula: "number of items named = count printed",
    arithmetic: `${items}: ${n} item${n === 1 ? "" : "s"}`,
    allowed: `${n}`,
    stated: `${r.count.printed} (${r.count.value})`,
    verdict: ok ? "consistent" : "inconsistent",
  };
  if (!ok) {
    cr.expected = `${n}`;
    cr.finding = "relation.count_mismatch";
    push({
      code: "relation.count_mismatch",
      observations: [],
      relation: r.id,
      path: `${at}.count`,
      stated: r.count.printed,
      computed: `${n}`,
      offset: r.count.offset,
      message: {
        zh: `所列项数与总数不符:报告为${r.count.printed}(${r.count.value}项),实际列出${n}项`,
        en: `the count does not match the items named: the report says ${r.count.printed} (${r.count.value}), and names ${n}`,
      },
    });
  }
  record(cr);
}
