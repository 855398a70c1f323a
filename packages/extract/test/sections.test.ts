import { describe, expect, it } from "vitest";
import { splitSections } from "../src/index.js";

const TEXT = [
  "某镇政府工作报告",
  "第一部分 上半年主要工作情况",
  "一、全力拼经济促发展,营商环境持续优化",
  "(一)招商安商稳商氛围浓厚。成立工作站;新增企业91家。",
  "（二）集体经济发展稳步提升。推进项目。",
  "第二部分 下半年主要工作安排",
  "一、推动经济发展全速度冲刺",
  "《政府工作报告》名词解释",
  "1、1+X领导走访企业模式:每位领导自主选择1个固定行业类别。",
  "2、两环三区:中环以内对标“精品城区”。",
].join("\n");

describe("splitSections", () => {
  const secs = splitSections(TEXT);

  it("finds parts, chapters, sections and a numbered glossary with their markers", () => {
    expect(secs.map((s) => [s.kind, s.label, s.heading])).toEqual([
      ["part", "第一部分", "第一部分 上半年主要工作情况"],
      ["chapter", "一、", "一、全力拼经济促发展,营商环境持续优化"],
      ["section", "(一)", "(一)招商安商稳商氛围浓厚"],
      ["section", "(二)", "（二）集体经济发展稳步提升"],
      ["part", "第二部分", "第二部分 下半年主要工作安排"],
      ["chapter", "一、", "一、推动经济发展全速度冲刺"],
      ["glossary", "《政府工作报告》名词解释", "《政府工作报告》名词解释"],
      ["entry", "1、", "1、1+X领导走访企业模式"],
      ["entry", "2、", "2、两环三区"],
    ]);
  });

  it("tells review from plan, and a section runs to the next heading of its level or above", () => {
    expect(secs.map((s) => s.mode)).toEqual([
      "review",
      "review",
      "review",
      "review",
      "plan",
      "plan",
      "glossary",
      "glossary",
      "glossary",
    ]);
    const cp = [...TEXT];
    const text = (a: number, b: number) => cp.slice(a, b).join("");
    const [part1, , sec1, sec2, part2] = secs;
    expect(text(sec1?.start ?? 0, sec1?.end ?? 0)).toBe("(一)招商安商稳商氛围浓厚。成立工作站;新增企业91家。\n");
    expect(sec2?.end).toBe(part2?.start);
    expect(part1?.end).toBe(part2?.start);
    expect(secs.at(-1)?.end).toBe(cp.length);
    for (const s of secs) expect(text(s.start, s.headingEnd)).toBe(s.heading);
  });

  it("finds nothing in text without headings, and does not take a long line starting 一、 for one", () => {
    expect(splitSections("")).toEqual([]);
    expect(splitSections(`一、${"很长的正文".repeat(30)}`)[0]?.heading.length).toBeLessThanOrEqual(80);
  });
});
