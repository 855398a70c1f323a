/**
 * Lists of items and lists of figures (分别 lists): A、B和C分别增长5%、6%和7% gives each figure its own
 * item; A、B均增长10% gives the one figure all of them. Part of the attribution stage: it runs on the
 * subjects read figure by figure and replaces them where the list grammar says more.
 */

/** Where the phrase before a list of figures starts: a clause end, not a list separator. */
const PHRASE_STOP = /[,，;；:：。!！?？\n(（)）]/;
const MAX_PHRASE = 60;
/** What may stand between the items and the figures: a comparison, an average, 分别/均, a verb. */
const TAIL =
  /(?:同比|比上年|较上年|比去年|比\d{4}年|较\d{4}年)?(?:月人均|人均|年均)?(分别|均)?(增长|提高|下降|降低|增加|减少|达到|达|为|是|突破|超过)?$/;
/** Verbs of change: a rate or amount of change keeps the verb in its subject (生产总值增长). */
const CHANGE = /^(?:增长|提高|下降|降低|增加|减少)$/;
const ITEM_SEPARATOR = /[、和与及]/;
const MAX_ITEM = 20;

export interface Span {
  start: number;
  end: number;
}

/** The phrase before `at` back to the clause start (list separators do not end it), and where it starts. */
function phraseAt(scan: string, at: number): { phrase: string; start: number } {
  let i = at;
  const floor = Math.max(0, at - MAX_PHRASE);
  while (i > floor && !PHRASE_STOP.test(scan[i - 1] ?? "")) i--;
  return { phrase: scan.slice(i, at).replace(/[\s\u3000]+/g, ""), start: i };
}
const phraseBefore = (scan: string, at: number) => phraseAt(scan, at).phrase;
/** A clause that names the items and then says they changed: …和环卫工人工资再次提高, (then 分别提高221元、…). */
const CHANGED = /(?:再次|大幅|稳步|持续|进一步|同步|均|都|有所)*(?:提高|增长|增加|上调|提升|下降|降低|减少)$/;

/**
 * The subjects of a run of figures printed one after another with only 、 和 与 及 between them
 * (5%、6%和7%), when the phrase before the first lists as many items before 分别 or a verb:
 * 企业退休人员基本养老金、城镇低保标准月人均分别提高221元、90元 → [企业退休人员基本养老金提高, 城镇低保标准提高].
 * Undefined when the items and figures do not pair one to one.
 */
export function respectiveSubjects(scan: string, run: readonly Span[]): string[] | undefined {
  const first = run[0];
  if (!first || run.length < 2) return undefined;
  const { phrase, start } = phraseAt(scan, first.start);
  const tail = TAIL.exec(phrase);
  if (!tail || (!tail[1] && !tail[2])) return undefined;
  let listed = phrase.slice(0, phrase.length - tail[0].length);
  // 月人均分别提高221元、90元 after a clause naming the items (A、B和C再次提高,): the items are there.
  if (listed === "" && tail[1] === "分别" && start > 0 && /[,，]/.test(scan[start - 1] ?? "")) {
    const previous = phraseBefore(scan, start - 1);
    if (CHANGED.test(previous)) listed = previous.replace(CHANGED, "");
  }
  let items = listed.split(ITEM_SEPARATOR).map((x) => x.trim());
  // 城乡居民人均可支配收入分别增长8.7%和8.6%: 城乡 names two items, urban then rural.
  if (items.length === 1 && run.length === 2 && /^城乡./.test(items[0] ?? "") && tail[1] === "分别") {
    const rest = (items[0] ?? "").slice(2);
    items = [`城镇${rest}`, `农村${rest}`];
  }
  if (items.length !== run.length || items.some((x) => x.length === 0 || x.length > MAX_ITEM)) return undefined;
  const verb = tail[2] && CHANGE.test(tail[2]) ? tail[2] : "";
  return items.map((x) => `${x}${verb}`);
}

/**
 * The subject of a figure whose phrase lists several items before 均 (办复率、满意率均达100%,
 * 接待游客人次、旅游总花费均增长10%): all of them, as printed. Undefined otherwise.
 */
export function jointSubject(scan: string, figure: Span): string | undefined {
  const phrase = phraseBefore(scan, figure.start);
  const tail = TAIL.exec(phrase);
  if (!tail || tail[1] !== "均") return undefined;
  const items = phrase.slice(0, phrase.length - tail[0].length);
  if (!/、/.test(items) || items.length > MAX_PHRASE) return undefined;
  const verb = tail[2] && CHANGE.test(tail[2]) ? tail[2] : "";
  return `${items}${verb}`;
}

/** The runs of figures with only a list separator between consecutive ones, as index ranges [from, to). */
export function figureRuns(scan: string, figures: readonly Span[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let k = 1; k <= figures.length; k++) {
    const a = figures[k - 1] as Span;
    const b = figures[k];
    const joined = b && /^[\s\u3000]*[、和与及][\s\u3000]*$/.test(scan.slice(a.end, b.start));
    if (!joined) {
      if (k - from >= 2) out.push([from, k]);
      from = k;
    }
  }
  return out;
}
