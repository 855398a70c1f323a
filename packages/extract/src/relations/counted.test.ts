import { describe, expect, it } from "vitest";
import { proposeCountedLists } from "./counted.js";
import type { WordsAt } from "./lists.js";

const wordsIn =
  (s: string): WordsAt =>
  (start, end, qs, qe) => ({ printed: s.slice(start, end), quote: s.slice(qs, qe), offset: qs });
const read = (s: string) =>
  proposeCountedLists(s, wordsIn(s)).map(
    (r) => `${r.count.printed}=${r.count.value}:${r.items.map((i) => i.printed).join("|")}`,
  );

describe("proposeCountedLists", () => {
  it("reads the items of a list counted right after it", () => {
    expect(read("继续实施奶业、蔬菜、中药材、中央厨房、精品肉类五大千亿级工程。")).toEqual([
      "五大=5:继续实施奶业|蔬菜|中药材|中央厨房|精品肉类",
    ]);
    expect(read("建成哈萨尔和东升路两个市民广场。")).toEqual(["两个=2:建成哈萨尔|东升路"]);
    expect(read("安全生产事故起数、死亡人数双下降。")).toEqual(["双=2:安全生产事故起数|死亡人数"]);
  });

  it("splits at the last 和 only, and at 及 or 与 only when it is the one joiner of a list without 、", () => {
    expect(read("新能源及智能网联汽车和高端新材料两个省级集群。")).toEqual(["两个=2:新能源及智能网联汽车|高端新材料"]);
    expect(read("电力及新能源高端装备、汽车及零部件两个集群。")).toEqual(["两个=2:电力及新能源高端装备|汽车及零部件"]);
  });

  it("keeps a list that does not match its count, for the check to find", () => {
    expect(read("聚焦精准医疗、现代中药、康复康养六大主导产业。")).toEqual(["六大=6:聚焦精准医疗|现代中药|康复康养"]);
  });

  it("leaves open lists, ordinals, figures and classes alone", () => {
    expect(read("开展制造业、农产品食品药品等十方面质量提升。")).toEqual([]);
    expect(read("编制《国民经济和社会发展第十四个五年规划》。")).toEqual([]);
    expect(read("国、省考核断面水质全部达到四类。")).toEqual([]);
    expect(read("新建学校3所、医院2个两个片区。")).toEqual([]);
    expect(read("这是一个好项目。")).toEqual([]);
  });
});
