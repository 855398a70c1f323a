import { parseChineseNumber, type Relation } from "@govreport/schema";

type Sequence = Extract<Relation, { kind: "sequence" }>;
type Count = Extract<Relation, { kind: "count" }>;
/** Words of the text as the schema records them: as printed, the clause around them, where it starts. */
export interface Words {
  printed: string;
  quote: string;
  offset: number;
}
/** Turns scan indices into words of the original text: the printed span and its quote (both scan ranges). */
export type WordsAt = (start: number, end: number, quoteStart: number, quoteEnd: number) => Words;

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23; undefined for anything else (两 only alone). */
export function chineseNumber(w: string): number | undefined {
  // The shapes a list's markers and counts take; the schema's reader does the arithmetic.
  return /^(?:两|[一二三四五六七八九]|[二三四五六七八九]?十[一二三四五六七八九]?)$/.test(w)
    ? parseChineseNumber(w)
    : undefined;
}

const NUM = "[一二三四五六七八九十]{1,3}";
/** Where an inline marker may stand: at a line start or right after 。；： (一是 after a comma is prose). */
const LEAD = String.raw`(?<=^|\n|[。；：;:])[ \t\u3000]*`;

/**
 * The kinds of ordinal marker, each numbering its own lists, from the outermost: 一、 (a chapter
 * heading), （一） (a section heading), then inline 第一， / 一是 / 一要. A list of an inner kind ends at
 * a marker of an outer kind, and any list starts again at 一.
 */
const FAMILIES: readonly { name: string; re: RegExp; level: number }[] = [
  { name: "top", re: new RegExp(String.raw`(?<=^|\n)[ \t\u3000]*(${NUM})、`, "g"), level: 0 },
  { name: "paren", re: new RegExp(String.raw`(?<=^|\n)[ \t\u3000]*[（(](${NUM})[）)]`, "g"), level: 1 },
  { name: "di", re: new RegExp(String.raw`${LEAD}第(${NUM})[，,、：:]`, "g"), level: 2 },
  { name: "shi", re: new RegExp(String.raw`${LEAD}(${NUM})是`, "g"), level: 3 },
  { name: "yao", re: new RegExp(String.raw`${LEAD}(${NUM})要`, "g"), level: 3 },
];

interface Marker {
  family: string;
  level: number;
  value: number;
  /** The marker as printed (scan indices), without the spaces before it. */
  start: number;
  end: number;
}

function markersOf(s: string): Marker[] {
  const out: Marker[] = [];
  for (const f of FAMILIES) {
    f.re.lastIndex = 0;
    for (let m = f.re.exec(s); m; m = f.re.exec(s)) {
      const value = chineseNumber(m[1] as string);
      if (value === undefined) continue;
      const lead = /^[ \t\u3000]*/.exec(m[0])?.[0].length ?? 0;
      // 一是 … 一要 printed as the marker's own words: the 是/要 is part of it; the 、 and ， are not.
      const end = m.index + m[0].length - (/[、，,：:]$/.test(m[0]) ? 1 : 0);
      out.push({ family: f.name, level: f.level, value, start: m.index + lead, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clause a marker opens: from it to the next 。；：or line end, at most 40 characters. */
function clauseAfter(s: string, at: number): number {
  const rest = s.slice(at, at + 40);
  const stop = rest.slice(1).search(/[。；;：:\n]/);
  return at + (stop < 0 ? rest.length : stop + 1);
}

/** The lists of markers: runs of one kind, each ended by a marker of an outer kind or by a new 一. */
function runsOf(markers: readonly Marker[]): { run: Marker[]; endedBy: Marker | undefined }[] {
  const open = new Map<string, Marker[]>();
  const out: { run: Marker[]; endedBy: Marker | undefined }[] = [];
  const close = (family: string, by: Marker | undefined) => {
    const run = open.get(family);
    if (run) out.push({ run, endedBy: by });
    open.delete(family);
  };
  for (const m of markers) {
    for (const f of FAMILIES) if (f.level > m.level) close(f.name, m);
    // 第一，一是…七是 第二，一是…: an inline list of the same depth as another ends when the other goes on.
    if (m.level === 3) for (const f of FAMILIES) if (f.level === 3 && f.name !== m.family) close(f.name, m);
    if (m.value === 1) close(m.family, m);
    const run = open.get(m.family) ?? [];
    run.push(m);
    open.set(m.family, run);
  }
  for (const f of FAMILIES) close(f.name, undefined);
  return out.sort((a, b) => (a.run[0] as Marker).start - (b.run[0] as Marker).start);
}

/** 八个方面的工作： / 以下四个方面的工作： / 十方面工作：: a count of what the list right after it names. */
const ANNOUNCE = new RegExp(
  String.raw`(${NUM}|两)(?:个|大|项|件|条)?方面[\u4e00-\u9fff]{0,6}[：:][ \t\u3000]*\n?[ \t\u3000]*$`,
);

/**
 * Ordinal lists (一是…二是…三是 / （一）（二） / 一、二、) and the counts that announce them (八个方面的工作：
 * followed by （一）…（八）). Every list of two or more markers is proposed, numbered or not in turn: a
 * skipped or repeated number is what the check finds. A count is proposed only for a list closed by
 * what follows it (a chapter heading, a new list, 各位代表): a list that runs to the end of the text may
 * be cut off there (a digest of the plan part), and its count cannot be checked against it.
 */
export function proposeLists(s: string, wordsAt: WordsAt): (Sequence | Count)[] {
  const out: (Sequence | Count)[] = [];
  const runs = runsOf(markersOf(s));
  const words = (m: Marker) => wordsAt(m.start, m.end, m.start, clauseAfter(s, m.start));
  for (const { run, endedBy } of runs) {
    const first = run[0] as Marker;
    if (run.length >= 2)
      out.push({
        kind: "sequence",
        id: `sequence-${first.family}-${out.length + 1}`,
        markers: run.map((m) => ({ ...words(m), value: m.value })),
      });
    // The announcement ends the text right before the list: its line, or its sentence on the same line.
    const before = s.slice(Math.max(0, first.start - 40), first.start);
    const a = ANNOUNCE.exec(before);
    if (!a) continue;
    const closed = endedBy !== undefined || /\n[ \t\u3000]*各位代表/.test(s.slice((run[run.length - 1] as Marker).end));
    const value = a[1] === "两" ? 2 : chineseNumber(a[1] as string);
    if (!closed || value === undefined) continue;
    const at = first.start - before.length + a.index;
    const numberEnd = at + (a[0].search(/方面/) + 2);
    const lineStart = s.lastIndexOf("\n", at) + 1;
    const clauseStart = Math.max(lineStart, ...["。", "；", "，"].map((c) => s.lastIndexOf(c, at) + 1));
    out.push({
      kind: "count",
      id: `count-${first.family}-${out.length + 1}`,
      count: { ...wordsAt(at, numberEnd, clauseStart, at + a[0].replace(/[\s\u3000]+$/, "").length), value },
      items: run.map(words),
    });
  }
  return out;
}
