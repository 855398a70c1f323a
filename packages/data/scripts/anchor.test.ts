import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { codePointToIndex, findQuantities, parseReport } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { LineCounter, parse, parseDocument } from "yaml";
import { anchorQuotes, applyChanges, EXIT, main, occurrences } from "./anchor.js";

// "𠀀" is outside the BMP: one code point, two UTF-16 units, so code-point and string offsets differ after it.
const SOURCE = "𠀀报告:完成税收20.17亿元。新增企业91家。新增企业91家。";

const report = (observations: string) => `# a comment that must survive
id: test
source: { file: source.txt, sha256: "${createHash("sha256").update(SOURCE).digest("hex")}" }
observations:
${observations}`;

const obs = (id: string, quote: string, offset?: number) =>
  `  - id: ${id} # trailing comment
    section: ["一、某节,带逗号"]
    source: { quote: "${quote}"${offset === undefined ? "" : `, offset: ${offset}`} }
`;

function run(yaml: string) {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines });
  return { doc, result: anchorQuotes(doc, SOURCE, lines) };
}

describe("occurrences", () => {
  it("counts offsets in code points, not UTF-16 units", () => {
    expect(occurrences(SOURCE, "报告")).toEqual([1]);
    expect(SOURCE.indexOf("报告")).toBe(2);
  });
  it("finds every occurrence, overlapping ones included", () => {
    expect(occurrences(SOURCE, "新增企业91家")).toEqual([16, 24]);
    expect(occurrences("aaa", "aa")).toEqual([0, 1]);
    expect(occurrences(SOURCE, "不存在")).toEqual([]);
  });
});

describe("anchorQuotes", () => {
  it("sets a wrong offset to where the quote starts and leaves right ones alone", () => {
    const { doc, result } = run(report(obs("a", "完成税收20.17亿元", 0) + obs("b", "报告", 1)));
    expect(result.problems).toEqual([]);
    expect(result.unchanged).toBe(1);
    expect(result.changes).toEqual([expect.objectContaining({ id: "a", from: 0, to: 4 })]);
    expect(doc.getIn(["observations", 0, "source", "offset"])).toBe(4);
  });

  it("adds an offset that is missing", () => {
    const { doc, result } = run(report(obs("a", "完成税收")));
    expect(result.changes).toEqual([{ id: "a", from: undefined, to: 4 }]);
    expect(doc.getIn(["observations", 0, "source", "offset"])).toBe(4);
  });

  it("refuses a quote that is not in the source, naming the observation and its line", () => {
    const { result } = run(report(obs("a", "完成税收", 4) + obs("missing", "完成税收99亿元", 0)));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ id: "missing", line: 10 });
    expect(result.problems[0]?.message).toContain("not found");
  });

  it("refuses an ambiguous quote unless the recorded offset is one of its occurrences", () => {
    const bad = run(report(obs("dup", "新增企业91家", 0))).result;
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]?.message).toContain("occurs 2 times (offsets 16, 24)");
    const good = run(report(obs("dup", "新增企业91家", 24))).result;
    expect(good.problems).toEqual([]);
    expect(good.unchanged).toBe(1);
  });

  it("reports a report without observations", () => {
    expect(run("id: x\n").result.problems[0]?.message).toContain("no `observations`");
  });
});

describe("applyChanges", () => {
  it("changes only the offset digits, keeping comments and flow layout byte for byte", () => {
    const yaml = report(obs("a", "完成税收", 0) + obs("b", "报告", 1));
    const { doc, result } = run(yaml);
    const out = applyChanges(yaml, doc, result.changes);
    expect(out).toBe(yaml.replace('"完成税收", offset: 0', '"完成税收", offset: 4'));
  });

  it("re-serializes the document when an offset has to be added", () => {
    const yaml = report(obs("a", "完成税收"));
    const { doc, result } = run(yaml);
    const out = applyChanges(yaml, doc, result.changes);
    expect(parseDocument(out).getIn(["observations", 0, "source", "offset"])).toBe(4);
    expect(out).toContain("# a comment that must survive");
  });
});

describe("main", () => {
  function setup(yaml: string) {
    const dir = mkdtempSync(join(tmpdir(), "anchor-"));
    writeFileSync(join(dir, "source.txt"), SOURCE);
    const file = join(dir, "report.yaml");
    writeFileSync(file, yaml);
    const out: string[] = [];
    const err: string[] = [];
    const call = (...args: string[]) =>
      main(
        [file, ...args],
        (s) => out.push(s),
        (s) => err.push(s),
      );
    return { file, out, err, call };
  }

  it("only checks without --write, then writes with it", () => {
    const yaml = report(obs("a", "完成税收", 0));
    const t = setup(yaml);
    expect(t.call()).toBe(EXIT.outdated);
    expect(readFileSync(t.file, "utf8")).toBe(yaml);
    expect(t.call("--write")).toBe(EXIT.ok);
    expect(readFileSync(t.file, "utf8")).toContain("offset: 4 }");
    expect(t.call()).toBe(EXIT.ok);
  });

  it("writes nothing when any quote is refused", () => {
    const yaml = report(obs("a", "完成税收", 0) + obs("b", "没有这句", 0));
    const t = setup(yaml);
    expect(t.call("--write")).toBe(EXIT.quotes);
    expect(readFileSync(t.file, "utf8")).toBe(yaml);
    expect(t.err.join("\n")).toMatch(/report\.yaml:\d+:\d+: observation b: quote not found/);
  });

  it("refuses a source whose sha256 differs from the report's", () => {
    const t = setup(report(obs("a", "完成税收", 4)).replace(/sha256: "[0-9a-f]+"/, `sha256: "${"0".repeat(64)}"`));
    expect(t.call()).toBe(EXIT.source_mismatch);
    expect(t.err[0]).toContain("hashes to");
  });

  it("gives distinct exit codes for usage and unreadable files", () => {
    expect(
      main(
        [],
        () => {},
        () => {},
      ),
    ).toBe(EXIT.usage);
    expect(
      main(
        ["a.yaml", "--bogus"],
        () => {},
        () => {},
      ),
    ).toBe(EXIT.usage);
    expect(
      main(
        [join(tmpdir(), "no-such-dir-anchor", "r.yaml")],
        () => {},
        () => {},
      ),
    ).toBe(EXIT.io);
    const t = setup("observations: [\n");
    expect(t.call()).toBe(EXIT.io);
  });
});

describe("the shipped Zhangjiang report", () => {
  it("has every quote anchored at its current offset", () => {
    const file = fileURLToPath(new URL("../reports/zhangjiang-2023-h1/report.yaml", import.meta.url));
    const err: string[] = [];
    const out: string[] = [];
    const code = main(
      [file],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    expect(err).toEqual([]);
    expect(code).toBe(EXIT.ok);
    expect(out.at(-1)).toMatch(/^0 offset\(s\) out of date, \d+ already right, 0 problem\(s\)$/);
  });

  it("accounts for every figure in the source: an observation covers it, or it is a listed non-fact", () => {
    const dir = fileURLToPath(new URL("../reports/zhangjiang-2023-h1/", import.meta.url));
    const text = readFileSync(join(dir, "source.txt"), "utf8");
    const parsed = parseReport(parse(readFileSync(join(dir, "report.yaml"), "utf8")));
    if (!parsed.success) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    const covered: [number, number][] = [];
    for (const o of parsed.report.observations) {
      const start = codePointToIndex(text, o.source.offset);
      const c = o.comparison;
      for (const q of [o.quantity, c?.baseline?.quantity, c?.change, c?.percent, c?.points]) {
        const at = q?.printed ? o.source.quote.indexOf(q.printed) : -1;
        if (q?.printed && at >= 0) covered.push([start + at, start + at + q.printed.length]);
      }
    }
    const left = findQuantities(text, { chinese: false })
      .filter((q) => !covered.some(([s, e]) => s < q.end && q.start < e))
      .map((q) => `${q.printed} in ${text.slice(q.start - 6, q.end + 4)}`);
    // Thresholds and descriptors inside a subject, and slogan numbers: not facts of their own.
    expect(left).toEqual([
      "500万元以上 in 其中注册资金500万元以上36家。",
      "24小时 in 荟”全市首个24小时红色加油",
      "24小时 in 、夜间在线”24小时值班不缺",
      "60岁以上 in 灾入户检查、60岁以上独居老人",
      "5个 in 工程;开展“5个一批”生",
      "60周岁以上 in 成1.5万名60周岁以上老年人健",
      "15分钟 in 网”。完成“15分钟社区生活",
      "2.5万人 in 区;按照“每2.5万人设置1个",
      "1个 in .5万人设置1个粮食应急",
      "100万以上 in 别、X家税收100万以上重点企业",
    ]);
  });
});
