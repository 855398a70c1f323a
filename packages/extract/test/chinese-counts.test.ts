import { describe, expect, it } from "vitest";
import { chineseFacts } from "../src/chinese-counts.js";

const read = (text: string) => chineseFacts(text).map((q) => `${q.printed}=${q.value}${q.unit}/${q.qualifier}`);

describe("Chinese numerals that state a fact", () => {
  it("takes the count of a list just named", () => {
    expect(read("哈克、团结、谢尔塔拉等三处文化遗址被国务院公布。")).toEqual(["三处=3处/exact"]);
    expect(read("重点做好友联、友好两个新村的二期工程建设。")).toEqual(["两个=2个/exact"]);
    expect(read("建成哈萨尔和东升路两个市民广场。")).toEqual(["两个=2个/exact"]);
    expect(read("启动建设金星村等四个村的棚户区改造。")).toEqual(["四个=4个/exact"]);
  });
  it("takes a share ending its phrase and a streak", () => {
    expect(read("北京市场份额超过四成。")).toEqual(["超过四成=4成/more_than"]);
    expect(read("竞争力指数连续八年全省第一。")).toEqual(["八年=8年/exact"]);
  });
  it("leaves numerals that are words, slogans, ordinals or unlisted", () => {
    expect(read("紧盯“五个走在前列”“两个新样板”目标要求。")).toEqual([]);
    expect(read("坚决做到“两个维护”，忠诚捍卫“两个确立”。")).toEqual([]);
    expect(read("制定国民经济和社会发展第十四个五年规划。")).toEqual([]);
    expect(read("突出抓好以下八个方面的工作。")).toEqual([]);
    expect(read("连续提高残疾人两项补贴标准，迈开两条腿。")).toEqual([]);
    expect(read("深入推动县城建设和乡村“十个一”工程，打造一批园区、一个中心。")).toEqual([]);
    expect(read("过去的五年，九成新。")).toEqual([]);
    expect(read("高端装备、汽车及零部件两个产业集群，入选百强。")).toEqual([]);
  });
});
