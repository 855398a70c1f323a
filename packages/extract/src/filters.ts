import type { ParsedQuantity } from "@govreport/schema";
import type { SkipCode } from "./codes.js";
import { CLAUSE_END, clauseStart, lineStart } from "./text.js";

/** Why a number was skipped: a stable code and words for people. */
export interface SkipReason {
  code: SkipCode;
  reason: string;
}

const skip = (code: SkipCode, reason: string): SkipReason => ({ code, reason });

/**
 * Why a printed number is not a fact the report states, or undefined when it is one.
 * `findQuantities` already skips dates, ordinals, identifiers (13号线, S20, B3-5, 12345) and
 * footnote markers; these rules catch what needs more context than the figure's neighbours.
 */
export function nonFact(scan: string, q: ParsedQuantity): SkipReason | undefined {
  const before = scan[q.start - 1] ?? "";
  const after = scan[q.end] ?? "";
  if ((before === "[" || before === "【" || before === "〔") && /^[\]】〕]/.test(after))
    return skip("figure.skipped.footnote-marker", "footnote marker");
  const name = insideName(scan, q);
  if (name) return skip("figure.skipped.in-name", `part of a name: ${name}`);
  const clause = scan.slice(clauseStart(scan, q.start, Math.max(0, q.start - 300)), q.start);
  // 每2.5万人设置1个: a ratio that sets a standard, not a count of anything done.
  if (/每$/.test(scan.slice(q.start - 1, q.start)) || /每(?:\d|[万千百]人)/.test(clause))
    return skip("figure.skipped.rate-standard", "rate standard (每…)");
  // 注册资金500万元以上36家, 60岁以上独居老人: a threshold that qualifies what is counted.
  if (/(以上|以下|以内|及以上|及以下)$/.test(q.printed) && !isBoundaryAfter(scan, q.end))
    return skip("figure.skipped.threshold", "threshold");
  if (/^周?岁$/.test(q.unit) && !isBoundaryAfter(scan, q.end))
    return skip("figure.skipped.age-threshold", "age threshold");
  // 24小时红色加油站, 24小时值班, 15分钟生活圈: opening hours and reach describe a service. (Longer
  // spans are facts: 提供1-2个月共享办公空间.)
  if (
    /^(?:小时|分钟)$/.test(q.unit) &&
    /^[\u4e00-\u9fff]/.test(after) &&
    !/^(?:以上|以下|以内|之内|内|左右|多|余)/.test(scan.slice(q.end))
  )
    return skip("figure.skipped.service-duration", "duration describing a thing");
  // 4.5米×3米: a size is a specification of something else. In 2×35万千瓦 (two units of 35万千瓦) the
  // unit capacity is the fact; the bare count before × is not read as a figure.
  if (/^[×*]/.test(after) || (/[×*xX]$/.test(before) && !/\d[×*xX]$/.test(scan.slice(q.start - 2, q.start))))
    return skip("figure.skipped.specification", "specification");
  return undefined;
}

/** Whether a figure ends its phrase: a clause end, a list separator, a closing bracket or the text end. */
function isBoundaryAfter(scan: string, end: number): boolean {
  const rest = scan.slice(end, end + 3);
  return rest.length === 0 || CLAUSE_END.test(rest[0] ?? "") || /^[、)）\]”"’》:：]|^的?目标|^[,，]/.test(rest);
}

const OPEN = '“「《"';
const CLOSE: Record<string, string> = { "“": "”", "「": "」", "《": "》", '"': '"' };
const CLOSING = "”」》";
const MAX_NAME = 30;

/**
 * A figure inside quotation marks or a title, among other words, is part of a name or slogan:
 * “15分钟社区生活圈”, “5个一批”, 《三年行动计划》. A quote holding just the figure is a figure.
 */
function insideName(scan: string, q: ParsedQuantity): string | undefined {
  const from = Math.max(lineStart(scan, q.start), q.start - MAX_NAME);
  for (let i = q.start - 1; i >= from; i--) {
    const c = scan[i] ?? "";
    if (CLOSING.includes(c)) return undefined;
    if (OPEN.includes(c)) {
      const close = CLOSE[c] ?? "";
      // Looks ahead a bounded stretch only: indexOf over the whole text would make an unclosed quote quadratic.
      const ahead = scan.slice(q.end, i + MAX_NAME + 3).indexOf(close);
      const j = ahead < 0 ? -1 : q.end + ahead;
      if (j < 0 || j - i > MAX_NAME + 2 || scan.slice(q.end, j).includes("\n")) return undefined;
      const inner = scan.slice(i + 1, j);
      if (inner.trim() === q.printed.trim()) return undefined;
      return scan.slice(i, j + 1);
    }
  }
  return undefined;
}
