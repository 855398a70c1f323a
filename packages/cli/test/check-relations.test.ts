import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../vitest.shared-texts.js";
import { govreport, requireBuild, SHIPPED_SOURCE, STACK } from "./run.js";

// Made-up report texts: a town's mid-year report and a district's annual one.
const HEAD = "某镇人民政府工作报告\n——2023年7月13日在某镇第五届人民代表大会第四次会议上\n第一部分 上半年主要工作情况\n";
const ANNUAL =
  "某区政府工作报告\n——2013年1月10日在某区第一届人民代表大会第三次会议上\n一、2012年工作回顾\n全年地区生产总值完成150亿元,同比增长9.1%。\n二、2013年工作安排\n";

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-relations-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

interface Item {
  code: string;
  line: number;
  column: number;
  quote: string;
  stated?: string;
  arithmetic?: string;
  related?: { line: number; quote: string }[];
}

describe("check: relations the text states", () => {
  it("flags a breakdown that does not add up, with its line, quote, stated and computed figures", () => {
    const file = write("bad-sum.txt", `${HEAD}深入落实政务公开制度,备案公文总数45件,主动公开42件,免于公开1件。\n`);
    const human = govreport(["check", file]);
    expect(human.status, human.stderr).toBe(1);
    expect(human.stderr).toBe("");
    expect(human.stdout).toContain(`${file}:4:18: sum of parts: the report states 45件`);
    expect(human.stdout).toContain("quote:    备案公文总数45件,主动公开42件,免于公开1件\n");
    expect(human.stdout).toContain("stated:   45件\n");
    expect(human.stdout).toMatch(/computed: 42件 \+ 1件 = 43件 {2}\(allowing for rounding: /);
    expect(human.stdout).toMatch(/^1 inconsistency among 3 figures in /m);

    const j = JSON.parse(govreport(["check", file, "--json"]).stdout);
    expect(j.inconsistencies).toHaveLength(1);
    const [sum] = j.inconsistencies as Item[];
    expect(sum).toMatchObject({ code: "relation.sum_mismatch", line: 4, stated: "45件" });
    const line = readFileSync(file, "utf8").split("\n")[3] ?? "";
    expect([...line].slice((sum?.column ?? 0) - 1).join("")).toMatch(/^45件/);
  });

  it("passes the same breakdown when it adds up, and its rate when the figures give it", () => {
    const file = write("good.txt", `${HEAD}备案公文总数43件,主动公开42件,免于公开1件,主动公开率98%。\n`);
    const r = govreport(["check", file]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^no inconsistencies among 4 figures in /m);
  });

  it("places a rate that its numerator and denominator do not give on the rate", () => {
    const file = write("bad-rate.txt", `${HEAD}受理群众投诉240件,办结228件,办结率97%。\n`);
    const r = govreport(["check", file, "--json"]);
    expect(r.status).toBe(1);
    const [rate] = JSON.parse(r.stdout).inconsistencies as Item[];
    expect(rate).toMatchObject({
      code: "relation.ratio_mismatch",
      line: 4,
      stated: "97%",
      quote: "受理群众投诉240件,办结228件,办结率97%",
      arithmetic: "228件 ÷ 240件 × 100 = 95%",
    });
    const line = readFileSync(file, "utf8").split("\n")[3] ?? "";
    expect([...line].slice((rate?.column ?? 0) - 1).join("")).toMatch(/^97%/);
  });

  it("shows each line of a target whose base is printed elsewhere", () => {
    const file = write("bad-target.txt", `${ANNUAL}主要预期目标是:地区生产总值增长10%,达到175亿元。\n`);
    const r = govreport(["check", file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/:6:\d+: target \(base × \(1 \+ rate\)\): the report states 175亿元/);
    expect(r.stdout).toContain("quote:    主要预期目标是:地区生产总值增长10%,达到175亿元\n");
    expect(r.stdout).toContain("line 4:   全年地区生产总值完成150亿元,同比增长9.1%\n");
    expect(r.stdout).toContain("computed: 150亿元 × (1 + 10%) = 165亿元");
    const ok = write("good-target.txt", `${ANNUAL}主要预期目标是:地区生产总值增长10%,达到165亿元。\n`);
    expect(govreport(["check", ok]).status).toBe(0);
  });
});

describe("check: no false alarms from relations on real reports", () => {
  it("still reports the Zhangjiang tax discrepancy, and nothing else", () => {
    const r = govreport(["check", SHIPPED_SOURCE, "--json"]);
    expect(r.status).toBe(1);
    const codes = (JSON.parse(r.stdout).inconsistencies as Item[]).map((i) => `${i.code} ${i.stated}`);
    expect(codes).toEqual(["comparison.change_mismatch 6.39亿元"]);
  });

  const names = ["hailaer_2013_annual.txt", "hailaer_2016_annual.txt", "baoding_2021_annual.txt"];
  describeShared("shared reports", names, () => {
    it.each(names)("%s: no relation inconsistency", (name) => {
      const r = govreport(["check", sharedPath(name), "--json"]);
      expect(r.stderr).not.toMatch(STACK);
      const items = JSON.parse(r.stdout).inconsistencies as Item[];
      expect(items.filter((i) => i.code.startsWith("relation.")).map((i) => `${i.code} ${i.quote}`)).toEqual([]);
    });
  });
});

describe("check: says what it checked", () => {
  it("ends every run with a coverage line, and lists every relation checked in --json", () => {
    const file = write(
      "coverage.txt",
      `${HEAD}备案公文总数43件,主动公开42件,免于公开1件,主动公开率98%。\n完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%。\n`,
    );
    const human = govreport(["check", file]);
    expect(human.status).toBe(1);
    const lines = human.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("checked 4 relations: 1 growth rate, 1 change, 1 sum, 1 share; 1 inconsistency");
    // The arithmetic a deputy would do by hand: formula, figures, rounding, what it would have to be.
    expect(human.stdout).toContain("formula:  value − baseline = increase\n");
    expect(human.stdout).toContain(
      "computed: 20.17亿元 − 13.88亿元 = 6.29亿元  (allowing for rounding: [6.28, 6.3]亿元)\n",
    );
    expect(human.stdout).toContain("expected: the printed figure would have to be 6.28 to 6.30亿元\n");

    const j = JSON.parse(govreport(["check", file, "--json"]).stdout);
    expect(j.coverage).toMatchObject({ checked: 4, inconsistencies: 1, notChecked: 0 });
    expect(j.coverage.line).toBe(lines.at(-1));
    const sum = j.relations.find((x: { kind: string }) => x.kind === "sum");
    expect(sum).toMatchObject({ verdict: "consistent", arithmetic: "42件 + 1件 = 43件", stated: "43件" });
    expect(sum.figures.map((f: { printed: string; line: number }) => `${f.printed}@${f.line}`)).toEqual([
      "43件@4",
      "42件@4",
      "1件@4",
    ]);
    const change = j.relations.find((x: { kind: string }) => x.kind === "change");
    expect(change).toMatchObject({
      verdict: "inconsistent",
      finding: "comparison.change_mismatch",
      stated: "6.39亿元",
    });
    expect(change.figures[0].quote).toBe("完成税收20.17亿元,比去年同期13.88亿元增长6.39亿元,增幅45.4%");
    const line5 = [...(readFileSync(file, "utf8").split("\n")[4] ?? "")].join("");
    expect(change.figures.map((f: { column: number; line: number }) => `${f.line}:${f.column}`)).toEqual(
      ["20.17亿元", "13.88亿元", "6.39亿元"].map((x) => `5:${[...line5.slice(0, line5.indexOf(x))].length + 1}`),
    );
  });

  it("says so when there was nothing to check", () => {
    const file = write("nothing.txt", `${HEAD}全面推进各项工作。\n`);
    const r = govreport(["check", file]);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("checked 0 relations; 0 inconsistencies");
  });
});
