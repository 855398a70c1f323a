import type { Relation } from "@govreport/schema";
import {
  baseValue,
  commensurable,
  firstFigureFrom,
  inTextOrder,
  type RelationFigure,
  sentenceStart,
} from "./common.js";

type Part = Extract<Relation, { kind: "part" }>;
type Ratio = Extract<Relation, { kind: "ratio" }>;

const QIZHONG = /^[,，;；(（]?\s*其中[,，:：]?/;

/**
 * 脱贫300户,其中…320户 / 结算390万人次、增长88.8%,其中来自京津106.6万人次: the figures listed right
 * after 其中, in the unit of the nearest figure before it in the sentence, are parts of that figure, and
 * a 其中 list may leave parts out: it is checked only as parts ≤ whole. `taken` are the wholes a sum
 * already covers.
 */
export function proposeParts(s: string, figures: readonly RelationFigure[], taken: ReadonlySet<string>): Part[] {
  const out: Part[] = [];
  const re = /其中/g;
  const ordered = inTextOrder(figures);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index;
    const ss = sentenceStart(s, at);
    // In text order, the figures before 其中 in its sentence start in one run, and those after are a
    // tail; searching for both keeps a text full of 其中 from rescanning every figure.
    const before = ordered
      ? figures.slice(firstFigureFrom(figures, ss), firstFigureFrom(figures, at + 1)).filter((f) => f.end <= at)
      : figures.filter((f) => f.end <= at && f.start >= ss);
    const from = ordered ? firstFigureFrom(figures, at + 1) : 0;
    const after = function* () {
      for (let k = from; k < figures.length; k++) {
        const f = figures[k] as RelationFigure;
        if (f.start > at) yield f;
      }
    };
    const first = after().next().value;
    if (!first?.id || sentenceStart(s, first.start) !== ss) continue;
    // The whole: the nearest figure before 其中 in the unit of the first part.
    const whole = [...before].reverse().find((f) => f.id && commensurable(f.quantity, first.quantity));
    if (!whole?.id || taken.has(whole.id)) continue;
    const prevEnd = before[before.length - 1]?.end ?? ss;
    if (!QIZHONG.test(s.slice(prevEnd, at + 2).replace(/^[^,，;；(（其]*/, ""))) continue;
    const parts: RelationFigure[] = [];
    let end = at + 2;
    for (const g of after()) {
      const gap = s.slice(end, g.start);
      if (/[;；。!！?？\n]/.test(gap) || !g.id || !commensurable(g.quantity, whole.quantity)) break;
      // 投资1000万元以上项目: a threshold, not a part.
      if (g.quantity.qualifier === "at_least" || g.quantity.qualifier === "at_most") break;
      // One list: the parts follow each other, each after 、 or , and a short label.
      if (parts.length > 0 && !/^[、,，][^\d]{0,16}$/.test(gap)) break;
      parts.push(g);
      end = g.end;
    }
    if (parts.length === 0) continue;
    if (parts.some((p) => baseValue(p.quantity) > baseValue(whole.quantity) * 50)) continue;
    out.push({ kind: "part", id: `part-${whole.id}`, whole: whole.id, parts: parts.map((p) => p.id as string) });
  }
  return out;
}

/** 占一般公共预算支出的82% / 占比重: the words between 占 and the share name the whole. */
const SHARE = /占([\u4e00-\u9fff“”]{2,20}?)(?:的)?(?:比重|比例|份额)?(?:为|达|达到|超过)?$/;

/**
 * 一般公共预算支出500亿元…民生支出410亿元,占一般公共预算支出的82%: a share printed right after its
 * part, of a whole named after 占 that is printed earlier in the same paragraph under that name.
 * Only when exactly one figure of that name and unit is printed there.
 */
export function proposeShares(s: string, figures: readonly RelationFigure[]): Ratio[] {
  const out: Ratio[] = [];
  const ordered = inTextOrder(figures);
  figures.forEach((share, k) => {
    if (!share.id || share.quantity.unit !== "%" || k < 1) return;
    // 民生支出1041亿元,占一般公共预算支出1194亿元的87.2%: the whole printed between 占 and the share.
    const inner = figures[k - 1] as RelationFigure;
    const outer = figures[k - 2];
    if (
      outer?.id &&
      inner.id &&
      commensurable(outer.quantity, inner.quantity) &&
      /^的?(?:比重|比例|份额)?(?:为|达|达到)?$/.test(s.slice(inner.end, share.start)) &&
      /^[,，、]?\s*占[\u4e00-\u9fff“”]{2,20}$/.test(s.slice(outer.end, inner.start)) &&
      baseValue(inner.quantity) >= baseValue(outer.quantity)
    ) {
      out.push({ kind: "ratio", id: `share-${share.id}`, numerator: outer.id, denominator: inner.id, ratio: share.id });
      return;
    }
    const part = inner;
    if (!part.id || part.quantity.unit === "%") return;
    const gap = s.slice(part.end, share.start).replace(/[\s\u3000]/g, "");
    const m = /^[,，、]?(.*)$/.exec(gap);
    const named = SHARE.exec(m?.[1] ?? "");
    if (!named || !(m?.[1] ?? "").startsWith("占")) return;
    const name = named[1] as string;
    const para = s.lastIndexOf("\n", part.start) + 1;
    const candidates = ordered
      ? figures.slice(firstFigureFrom(figures, para), firstFigureFrom(figures, part.start + 1))
      : figures;
    const wholes = candidates.filter(
      (f) =>
        f.id &&
        f !== part &&
        f.start >= para &&
        f.end <= part.start &&
        commensurable(f.quantity, part.quantity) &&
        f.subject.length >= 2 &&
        (f.subject === name || f.subject.endsWith(name) || name.endsWith(f.subject)),
    );
    const whole = wholes[0];
    if (wholes.length !== 1 || !whole?.id || baseValue(whole.quantity) < baseValue(part.quantity)) return;
    out.push({ kind: "ratio", id: `share-${share.id}`, numerator: part.id, denominator: whole.id, ratio: share.id });
  });
  return out;
}
