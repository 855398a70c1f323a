import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../vitest.shared-texts.js";
import { govreport, requireBuild, SHIPPED_SOURCE } from "./run.js";

// `check --limit` (issue 10): a long text can raise a finding for most of its figures; a run lists
// the first n of each list in text order and counts the rest, never dropping them silently.

const HEAD = "某镇人民政府工作报告\n——2023年7月13日在某镇第五届人民代表大会第四次会议上\n第一部分 上半年主要工作情况\n";
/** Made-up lines, each a breakdown off by two: one sum inconsistency per line. */
const badSums = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `深入落实政务公开制度,备案公文总数${45 + i}件,主动公开${42 + i}件,免于公开1件。\n`,
  );
/** Made-up lines, each a rate whose change is printed in percent: one note per line. */
const percentNotes = (n: number) => Array.from({ length: n }, () => "全年失业率3.5%,比上年增长1.5%。\n");

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-limit-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

interface Out {
  inconsistencies: { line: number; column: number; code: string }[];
  notes: { line: number; column: number; code: string }[];
  relations: { id: string }[];
  limit: number | null;
  unlisted: { inconsistencies: number; notes: number; relations: number };
  summary: { inconsistencies: number; notes: number };
  coverage: { checked: number; notChecked: number };
}
const json = (args: string[]): Out => {
  const r = govreport(["check", ...args, "--json"]);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Out;
};
/** What a result says apart from its limit. */
const withoutLimit = ({ limit: _l, ...rest }: Out) => rest;

describe("check --limit", () => {
  it("lists the first n inconsistencies in text order and says how many more were found", () => {
    const file = write("sums.txt", `${HEAD}${badSums(12).join("")}`);
    const all = json([file, "--limit", "all"]);
    expect(all.limit).toBeNull();
    expect(all.inconsistencies).toHaveLength(12);
    expect(all.unlisted).toEqual({ inconsistencies: 0, notes: 0, relations: 0 });

    const three = json([file, "--limit", "3"]);
    expect(three.limit).toBe(3);
    expect(three.inconsistencies).toEqual(all.inconsistencies.slice(0, 3));
    expect(three.inconsistencies.map((i) => i.line)).toEqual([4, 5, 6]);
    expect(three.relations).toEqual(all.relations.slice(0, 3));
    expect(three.unlisted).toEqual({ inconsistencies: 9, notes: 0, relations: all.relations.length - 3 });
    // The counts are of everything found: listed plus unlisted.
    expect(three.summary).toEqual(all.summary);
    expect(three.summary.inconsistencies).toBe(three.inconsistencies.length + three.unlisted.inconsistencies);

    const human = govreport(["check", file, "--limit", "3"]);
    expect(human.status).toBe(1);
    expect(human.stdout.match(/\[relation\.sum_mismatch\]/g)).toHaveLength(3);
    expect(human.stdout).toContain(
      "… and 9 more inconsistencies not listed (the first 3 are; --limit all lists every one)\n",
    );
    expect(human.stdout).toMatch(/^12 inconsistencies among 36 figures in .*sums\.txt$/m);
    const zh = govreport(["check", file, "--limit", "3", "--lang", "zh"]);
    expect(zh.stdout).toContain("……另有9条不一致未列出(只列出前3条;--limit all 列出全部)\n");
  });

  it("lists at most 1000 notes by default, and counts the rest", () => {
    const file = write("notes.txt", percentNotes(1005).join(""));
    const r = json([file]);
    expect(r.limit).toBe(1000);
    expect(r.summary.notes).toBe(1005);
    expect(r.notes).toHaveLength(1000);
    expect(r.unlisted.notes).toBe(5);
    expect(r.notes.at(-1)?.line).toBe(1000);
    const human = govreport(["check", file]);
    expect(human.status).toBe(0);
    expect(human.stdout.match(/\[comparison\.percent_for_points\]/g)).toHaveLength(1000);
    expect(human.stdout).toContain("… and 5 more notes not listed (the first 1000 are; --limit all lists every one)\n");
    expect(human.stdout).toMatch(/^no inconsistencies among 1005 figures in .*; 1005 notes$/m);
    // Under the limit, nothing is said about it.
    const few = govreport(["check", write("few.txt", percentNotes(3).join(""))]);
    expect(few.stdout).not.toContain("not listed");
  });

  it.each(["0", "1.5", "all1"])("refuses --limit %s with a usage error", (value) => {
    const r = govreport(["check", SHIPPED_SOURCE, `--limit=${value}`]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`govreport: --limit must be a whole number from 1 to 999999999, or all, not "${value}"\n`);
  });

  it("changes nothing on the shipped report's text but what it lists", () => {
    const all = json([SHIPPED_SOURCE, "--limit", "all"]);
    expect(all.summary.inconsistencies + all.summary.notes).toBeGreaterThan(1);
    expect(withoutLimit(json([SHIPPED_SOURCE]))).toEqual(withoutLimit(all));
    const one = json([SHIPPED_SOURCE, "--limit", "1"]);
    expect(one.inconsistencies).toEqual(all.inconsistencies.slice(0, 1));
    expect(one.notes).toEqual(all.notes.slice(0, 1));
    expect(one.summary).toEqual(all.summary);
    expect(one.coverage).toEqual(all.coverage);
    expect(one.unlisted).toEqual({
      inconsistencies: all.inconsistencies.length - 1,
      notes: all.notes.length - 1,
      relations: all.relations.length - 1,
    });
  });
});

const SHARED_NAMES = ["hebei_2021_annual.txt", "hailaer_2016_annual.txt"];
describeShared("check --limit on real shared reports", SHARED_NAMES, () => {
  it.each(SHARED_NAMES.map(sharedPath))("lists the first relations checked of %s and counts the rest", (file) => {
    const all = json([file, "--limit", "all"]);
    expect(all.relations.length).toBeGreaterThan(2);
    expect(withoutLimit(json([file]))).toEqual(withoutLimit(all));
    const two = json([file, "--limit", "2"]);
    expect(two.relations).toEqual(all.relations.slice(0, 2));
    expect(two.unlisted.relations).toBe(all.relations.length - 2);
    expect(two.coverage).toEqual(all.coverage);
  });
});
