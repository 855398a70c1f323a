import { type ParsedQuantity, readQuantityAt } from "@govreport/schema";

/** A Chinese numeral at the start of a figure, after any qualifier word (超过四成). */
const NUMERAL = /^(?:超过|超|近|约|逾)?([零〇一二两三四五六七八九十百千]+)/;
/** Counters of a list's items: 三处文化遗址, 两个新村, 三项建设, 两条通道. */
const LIST_COUNTER = /^(?:个|项|处|条|家|座|所|村|片)$/;
const CLAUSE = /[，,。；;：:！!？?\n]/;
/** Where such a fact may start: a numeral (after a qualifier word) right before 成, 年 or a list counter. */
const CANDIDATE = /(?:超过|超|近|约|逾)?[零〇一二两三四五六七八九十百千]+(?=[成年个项处条家座所村片])/g;

/**
 * The Chinese numerals that state a fact. Running text is read for Arabic figures only, because
 * most Chinese numerals there are words (两个维护, 一站式, “五个走在前列”, 三个关键词). These are the
 * places where the grammar says a Chinese numeral counts or shares:
 * - a share ending its phrase: 市场份额超过四成。, 八成以上;
 * - a streak: 连续八年全省第一;
 * - the count of the list just named: 哈克、团结、谢尔塔拉等三处文化遗址, 友联、友好两个新村, 水利、景观、
 *   市政三项建设 (two or more, right after the names, with 等 or a list separator before it in the clause).
 * Numerals inside quotation marks (“两个”确立) and after 第 or another numeral (第十三个五年规划) are not,
 * nor a list count whose phrase ends its clause, the predicate left to the next one.
 */
export function chineseFacts(scan: string): ParsedQuantity[] {
  const out: ParsedQuantity[] = [];
  // Only numerals before a unit these rules take are read (a scan of every Chinese numeral would read
  // each 一 of a long text).
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(scan); m; m = CANDIDATE.exec(scan)) {
    const q = readQuantityAt(scan, m.index, { chinese: true });
    if (!q || !NUMERAL.test(q.printed)) continue;
    CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, q.end);
    const prev = scan[q.start - 1] ?? "";
    if (/[第零〇一二两三四五六七八九十百千“”"《]/.test(prev)) continue;
    const rest = scan.slice(q.end, q.end + 2);
    if (q.unit === "成") {
      if (/^(?:[，,。；;、]|以上|左右|$)/.test(rest)) out.push(q);
      continue;
    }
    if (q.unit === "年") {
      if (scan.slice(q.start - 2, q.start) === "连续" && q.qualifier === "exact") out.push(q);
      continue;
    }
    if (!LIST_COUNTER.test(q.unit) || q.value < 2 || q.qualifier !== "exact" || /^[一两]/.test(rest)) continue;
    // A、B两个产业集群，入选…: the counted phrase stands alone and what it counts is said in the next
    // clause, which a subject read around the figure does not reach; not taken.
    if (/^[\u4e00-\u9fff“”]{1,16}[，,]/.test(scan.slice(q.end, q.end + 18))) continue;
    if (prev === "等") {
      out.push(q);
      continue;
    }
    if (!/[\u4e00-\u9fff]/.test(prev)) continue;
    let i = q.start;
    while (i > 0 && q.start - i < 40 && !CLAUSE.test(scan[i - 1] ?? "")) i--;
    if (/[、和]/.test(scan.slice(i, q.start))) out.push(q);
  }
  return out;
}
