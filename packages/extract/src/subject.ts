import type { ParsedQuantity } from "@govreport/schema";
import { firstMarkerFrom, type PeriodMarker } from "./periods.js";

/** Where a subject may start: after a clause end, a list separator or a colon. */
const SUBJECT_STOP = /[,，;；:：。!！?？、\n(（)）]/;

const LEAD =
  /^(?:其中|另外|此外|并且|同时|以及|累计|累积|共计|合计|总计|全年|当年|完成|实现|达到|新建成|建成|全面|进一步|有效|成功|顺利|并|且|及|和|与|对|把|将|共|力争|确保|争取|力求|全力抓好|全力|着力|加快推进|加快|持续推动|推动|抓好|继续|积极|大力|努力|推进)+/;
const TRAIL =
  /(?:分别|累计|累积|共计|合计|总计|达到|突破|超过|增至|增加到|增长到|提高到|上升到|下降到|减少到|降至|实现|完成|以及|达|为|是|共|到|至|的|和|由)+$/;
/**
 * Words that start the predicate after a noun read forward from the figure: 6万平方米主力店年内完工 →
 * 主力店, 183人全部稳定脱贫 (nothing: the words after are all predicate).
 */
const PREDICATE = /全部|全面|年内|正式|顺利|相继|均已|已经|直接/;
/** Verbs that end a subject read forward from the figure: 3家公办养老院获评… → 公办养老院. */
const FORWARD_END =
  /获评|获得|获|开展|完成|实现|参与|参加|被|进行|实施|落实|得到|达到|通过|入选|荣获|纳入|覆盖|惠及|涉及|开工|建成|投入|提供|接受/;
const MAX_SUBJECT = 40;
/** The longest item of a list of nouns that share the noun after them (新建、改扩建酒店). */
const MAX_LIST_ITEM = 6;

/** Removes the period phrases printed inside a subject: 2020年空气质量优良天数 → 空气质量优良天数. */
function dropMarkers(text: string, start: number, markers: readonly PeriodMarker[]): string {
  let out = "";
  let i = start;
  // Markers do not overlap, so the first one ending after `start` is at most one before the first starting at it.
  for (let k = Math.max(0, firstMarkerFrom(markers, start) - 1); k < markers.length; k++) {
    const m = markers[k] as PeriodMarker;
    if (m.index >= start + text.length) break;
    if (m.end <= start) continue;
    out += text.slice(i - start, Math.max(i, m.index) - start);
    i = Math.max(i, m.end);
  }
  out += text.slice(Math.max(0, i - start));
  return out;
}

export function clean(s: string): string {
  let t = s.replace(/[\s\u3000]+/g, "");
  for (let k = 0; k < 3; k++) t = t.replace(LEAD, "").replace(TRAIL, "");
  return t.replace(/^[“”"《》]+$/, "");
}

/**
 * The phrase a figure measures, read back from the figure to the previous clause boundary or
 * figure: 共计完成税收20.17亿元 → 税收. Lead-in and linking words are dropped where they only say
 * how the figure was reached; the rest stays as printed.
 */
export function subjectBefore(
  scan: string,
  f: ParsedQuantity,
  previousEnd: number,
  markers: readonly PeriodMarker[],
): { subject: string; stop: string; raw: string } {
  let i = f.start;
  const floor = Math.max(previousEnd, f.start - MAX_SUBJECT);
  while (i > floor && !SUBJECT_STOP.test(scan[i - 1] ?? "")) i--;
  // 新建、改扩建酒店10家, 国内、国际航线达到34条, 央企二、三级子公司332家: short items listed before
  // the noun, with no figure among them, share it. (Not when the noun follows the figure: 家纺箱包、
  // 都市农业3个产业集群 lists the names of what is counted.)
  const nounAfter = /^[\u4e00-\u9fff“"]/.test(scan[f.end] ?? "");
  while (!nounAfter && i > floor + 1 && scan[i - 1] === "、") {
    let j = i - 1;
    while (j > floor && !SUBJECT_STOP.test(scan[j - 1] ?? "")) j--;
    if (i - 1 - j < 1 || i - 1 - j > MAX_LIST_ITEM || !/^[\u4e00-\u9fff]+$/.test(scan.slice(j, i - 1))) break;
    i = j;
  }
  const raw = scan.slice(i, f.start);
  return { subject: clean(dropMarkers(raw, i, markers)), stop: i > 0 ? (scan[i - 1] ?? "") : "", raw: raw.trim() };
}

/** The phrase after a figure, when nothing before it names what it counts: 推进5906户居民用户燃具软管更换. */
export function subjectAfter(scan: string, f: ParsedQuantity, nextStart: number): string {
  let j = f.end;
  const ceiling = Math.min(nextStart, f.end + MAX_SUBJECT);
  while (j < ceiling && !SUBJECT_STOP.test(scan[j] ?? "")) j++;
  let raw = scan.slice(f.end, j);
  const verb = raw.search(FORWARD_END);
  if (verb > 0) raw = raw.slice(0, verb);
  const predicate = raw.search(PREDICATE);
  if (predicate >= 0) raw = raw.slice(0, predicate);
  return clean(raw.replace(/^(?:的|以上|以下|以内|左右)+/, ""));
}
