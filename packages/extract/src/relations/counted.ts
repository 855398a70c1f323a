import type { Relation } from "@govreport/schema";
import { chineseNumber, type WordsAt } from "./lists.js";

type Count = Extract<Relation, { kind: "count" }>;

/**
 * A count right after a list: 奶业、蔬菜、中药材、中央厨房、精品肉类五大千亿级工程 / 哈萨尔和东升路两个
 * 市民广场 / 事故起数、死亡人数双下降. The number, then 大, 个 or 项 (达到四类 is a water class, not a
 * count), or 双 before a change both items share.
 */
const COUNT = /(?:([二两三四五六七八九十]{1,2})(?:大|个|项)|双(?=下降|提升|提高|增长|降低|减少|突破))/g;
/** Where a list starts: the clause boundary before it (a quote mark opens a name, not a list). */
const BOUNDARY = /[，,。；;：:！!？?\n（(）)“”《》]/;

/**
 * Lists counted by the words right after them. The items are the clause before the count, split at
 * 、 and, once, at the last 和 of the last item (A、B和C; 新能源及智能网联汽车和高端新材料 is two), or
 * at a lone 及 or 与 of a list with neither. Proposed only when the clause reads as a plain list: at
 * least one 、 or joiner, no figure, no 等 (a list left open), items of at most 16 characters.
 */
export function proposeCountedLists(s: string, wordsAt: WordsAt): Count[] {
  const out: Count[] = [];
  COUNT.exec("");
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(s); m; m = COUNT.exec(s)) {
    const value = m[1] === undefined ? 2 : m[1] === "两" ? 2 : chineseNumber(m[1]);
    // 第十四个五年规划: an ordinal, not a count.
    if (value === undefined || value < 2 || s[m.index - 1] === "第") continue;
    let start = m.index;
    while (start > 0 && !BOUNDARY.test(s[start - 1] ?? "")) start--;
    const list = s.slice(start, m.index);
    if (list === "" || /[\d０-９]|等|[一二三四五六七八九十]/.test(list)) continue;
    const chunks = list.split("、");
    const last = chunks[chunks.length - 1] as string;
    // A、B和C: the last item joined by 和. 及 and 与 join inside an item as often (电力及新能源高端装备、
    // 汽车及零部件两个), so they split only a list with no 、 and no 和, and only when there is one.
    const joiners = chunks.length === 1 && !last.includes("和") ? [...last.matchAll(/[及与]/g)] : [];
    const j = last.includes("和") ? last.lastIndexOf("和") : joiners.length === 1 ? (joiners[0]?.index ?? -1) : -1;
    if (j > 0 && j < last.length - 1) chunks.splice(chunks.length - 1, 1, last.slice(0, j), last.slice(j + 1));
    if (chunks.length < 2 || chunks.some((c) => c.length === 0 || [...c].length > 16)) continue;
    const end = m.index + m[0].length;
    let k = start;
    const items = chunks.map((c, i) => {
      const at = k;
      k += c.length + 1;
      // The first item's clause may open with a verb (实施奶业): the item is printed as the clause has it.
      return wordsAt(at, at + c.length, i === 0 ? start : at, at + c.length);
    });
    out.push({
      kind: "count",
      id: `count-list-${out.length + 1}`,
      count: { ...wordsAt(m.index, end, start, end), value },
      items,
    });
  }
  return out;
}
