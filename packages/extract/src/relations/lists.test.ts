import { describe, expect, it } from "vitest";
import { chineseNumber, proposeLists, type WordsAt } from "./lists.js";

/** Words as the scan text has them (no layout repair here), offsets in UTF-16 units (the texts are BMP). */
const wordsIn =
  (s: string): WordsAt =>
  (start, end, qs, qe) => ({ printed: s.slice(start, end), quote: s.slice(qs, qe), offset: qs });

describe("chineseNumber", () => {
  it("reads the numerals of ordinals and counts", () => {
    expect(["一", "二", "两", "九", "十", "十二", "二十", "二十三"].map(chineseNumber)).toEqual([
      1, 2, 2, 9, 10, 12, 20, 23,
    ]);
    expect(chineseNumber("十十")).toBeUndefined();
    expect(chineseNumber("百")).toBeUndefined();
  });
});

describe("proposeLists", () => {
  it("reads 一是…三是 in a paragraph as one numbered list, with each marker's clause", () => {
    const s = "要做好三件事。一是稳增长，扩投资；二是促改革；三是惠民生。";
    const [seq, ...rest] = proposeLists(s, wordsIn(s));
    expect(rest).toEqual([]);
    expect(seq?.kind).toBe("sequence");
    if (seq?.kind !== "sequence") return;
    expect(seq.markers.map((m) => [m.printed, m.value, m.quote])).toEqual([
      ["一是", 1, "一是稳增长，扩投资"],
      ["二是", 2, "二是促改革"],
      ["三是", 3, "三是惠民生"],
    ]);
  });

  it("keeps a gap or a repeat in the list, for the check to find", () => {
    const s = "（一）甲\n（二）乙\n（二）丙\n（四）丁\n各位代表！";
    const lists = proposeLists(s, wordsIn(s));
    expect(lists.map((r) => (r.kind === "sequence" ? r.markers.map((m) => m.value) : []))).toEqual([[1, 2, 2, 4]]);
  });

  it("starts a list again at 一, and ends an inner list at an outer heading", () => {
    const s = "一、回顾\n（一）甲。一是A；二是B。\n（二）乙。一是C；二是D；三是E。\n二、安排\n（一）丙\n（二）丁\n";
    const lists = proposeLists(s, wordsIn(s)).map((r) =>
      r.kind === "sequence" ? r.markers.map((m) => m.printed).join("") : "",
    );
    expect(lists).toEqual(["一二", "（一）（二）", "一是二是", "一是二是三是", "（一）（二）"]);
  });

  it("never reads 一是 inside a clause (统一要求, 不是一是一) or 全国第一, as a marker", () => {
    const s = "提出统一要求，坚持实事求是一是一二是二的作风，排名全国第一，二是有的。";
    expect(proposeLists(s, wordsIn(s))).toEqual([]);
  });

  it("checks the count that announces a list closed by what follows it", () => {
    const s = "要突出抓好以下四个方面的工作：\n（一）甲\n（二）乙\n（三）丙\n（四）丁\n各位代表！";
    const count = proposeLists(s, wordsIn(s)).find((r) => r.kind === "count");
    expect(count?.kind === "count" && [count.count.printed, count.count.value, count.items.length]).toEqual([
      "四个方面",
      4,
      4,
    ]);
  });

  it("proposes no count for a list that runs to the end of the text (a digest may stop early)", () => {
    const s = "突出抓好十方面工作：\n（一）甲\n（二）乙\n（三）丙";
    expect(proposeLists(s, wordsIn(s)).map((r) => r.kind)).toEqual(["sequence"]);
  });
});
