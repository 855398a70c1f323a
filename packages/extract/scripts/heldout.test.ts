import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codePointToIndex, parseQuantity, readQuantityAt } from "@govreport/schema";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sharedReports } from "../../../vitest.shared.js";
import { describeShared } from "../../../vitest.shared-texts.js";
import { extractReport } from "../src/index.js";
import { evaluate } from "./evaluation.js";
import { type HeldoutTruth, heldoutFigures, heldoutSource, heldoutTruthFiles, loadHeldoutTruth } from "./heldout.js";
import { HELDOUT } from "./paths.js";

const files = heldoutTruthFiles(HELDOUT);

it("finds the held-out truth files, each of a valid shape", () => {
  expect(files.map((f) => f.split("/").pop())).toContain("hailaer_2013.truth.json");
  for (const f of files) expect(loadHeldoutTruth(f).facts.length).toBeGreaterThan(0);
});

for (const file of files) {
  const truth = loadHeldoutTruth(file);
  describeShared(file.split("/").pop() ?? file, [truth.header.file], () => heldoutSuite(truth));
}

function heldoutSuite(truth: HeldoutTruth) {
  // Read when the tests run, not when they are collected: a skipped suite is collected too.
  let bytes = Buffer.alloc(0);
  let text = "";
  beforeAll(() => {
    bytes = readFileSync(`${sharedReports}${truth.header.file}`);
    text = bytes.toString("utf8");
  });
  const slice = (offset: number, length: number) =>
    text.slice(codePointToIndex(text, offset), codePointToIndex(text, offset + length));

  it("was annotated on this very text (SHA-256)", () => {
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(truth.header.sha256);
    expect(heldoutSource(truth, sharedReports)).toBe(text);
  });

  it("reads, at every fact's offset, exactly the recorded figure", () => {
    expect(truth.facts.length).toBe(truth.header.count);
    for (const f of truth.facts) {
      const printed = slice(f.offset, f.length);
      if (f.note !== undefined) {
        // The schema cannot read it as recorded (heldoutFigures checks it still cannot): the anchor must hold.
        expect(f.printed, `${f.offset} ${printed}`).toBe(printed);
        continue;
      }
      const q = parseQuantity(printed);
      const where = `${f.offset} ${printed}`;
      expect({ where, value: q.value, unit: q.unit, decimals: q.decimals, qualifier: q.qualifier, max: q.max }).toEqual(
        { where, value: f.value, unit: f.unit, decimals: f.decimals, qualifier: f.qualifier, max: f.max },
      );
      const at = readQuantityAt(text, codePointToIndex(text, f.offset), { chinese: true, bare: f.unit === "" });
      expect(at?.printed, where).toBe(printed);
      if (f.printed !== undefined) expect(f.printed, where).toBe(printed);
    }
    expect(heldoutFigures(truth, text)).toHaveLength(truth.facts.length);
  });

  it("judges every Arabic number of the text, as a fact or with a reason, once", () => {
    const spans = [...truth.facts, ...truth.header.notFacts]
      .map((s) => ({ start: codePointToIndex(text, s.offset), end: codePointToIndex(text, s.offset + s.length) }))
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]?.start, "spans overlap").toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
    const unjudged = [...text.matchAll(/\d+/g)]
      .filter((m) => !spans.some((s) => s.start <= (m.index ?? 0) && (m.index ?? 0) + m[0].length <= s.end))
      .map((m) => text.slice(Math.max(0, (m.index ?? 0) - 6), (m.index ?? 0) + m[0].length + 6));
    expect(unjudged).toEqual([]);
  });

  it("scores the extractor: the evaluation computes, every figure in [0, 1]", () => {
    const ev = evaluate(heldoutFigures(truth, text), extractReport(text).quantities);
    expect(ev.truth).toBe(truth.header.count);
    expect(ev.matched).toBeLessThanOrEqual(Math.min(ev.truth, ev.extracted));
    expect(ev.matched + ev.misses.length).toBe(ev.truth);
    expect(ev.matched + ev.falsePositives.length).toBe(ev.extracted);
    for (const x of [ev.precision, ev.recall, ev.f1, ...Object.values(ev.fields).map((r) => r.rate)]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  }, 60_000);
}

describeShared(
  "bad truth is refused with the file, the place and the cause",
  [loadHeldoutTruth(files[0] ?? "").header.file],
  () => {
    const dir = mkdtempSync(join(tmpdir(), "heldout-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const original = JSON.parse(readFileSync(files[0] ?? "", "utf8"));
    const write = (name: string, data: unknown) => {
      const f = join(dir, name);
      writeFileSync(f, typeof data === "string" ? data : JSON.stringify(data));
      return f;
    };

    it("names the JSON path of a bad field, a wrong count, bad JSON", () => {
      const badRole = structuredClone(original);
      badRole.facts[3].role = "guess";
      expect(() => loadHeldoutTruth(write("role.json", badRole))).toThrow(
        /role\.json: \$\.facts\[3\]\.role: expected one of/,
      );
      const badIndicator = structuredClone(original);
      badIndicator.facts[0].indicator = "gross output";
      expect(() => loadHeldoutTruth(write("ind.json", badIndicator))).toThrow(
        /ind\.json: \$\.facts\[0\]\.indicator: expected a catalogue id or local:<name>, found "gross output"/,
      );
      const badUse = { ...original, header: { ...original.header, use: "tuning" } };
      expect(() => loadHeldoutTruth(write("use.json", badUse))).toThrow(
        /\$\.header\.use: expected held-out or development/,
      );
      const badCount = { ...original, header: { ...original.header, count: 1 } };
      expect(() => loadHeldoutTruth(write("count.json", badCount))).toThrow(/\$\.header\.count: says 1 facts/);
      expect(() => loadHeldoutTruth(write("bad.json", "{"))).toThrow(/bad\.json: not valid JSON/);
      expect(() => loadHeldoutTruth(join(dir, "missing.json"))).toThrow(
        /missing\.json: cannot read the truth file \(ENOENT\)/,
      );
    });

    it("refuses a text that is not the one annotated, and a fact the text does not bear out", () => {
      const truth = loadHeldoutTruth(files[0] ?? "");
      const text = readFileSync(`${sharedReports}${truth.header.file}`, "utf8");
      // The copy lives in the OS temp dir for the test's duration, never in the repository.
      writeFileSync(join(dir, truth.header.file), `${text} `);
      expect(() => heldoutSource(truth, `${dir}/`)).toThrow(/is not the [0-9a-f]{64} the truth was annotated on/);
      const wrong = { ...truth, facts: truth.facts.map((f, i) => (i === 0 ? { ...f, value: f.value + 1 } : f)) };
      expect(() => heldoutFigures(wrong, text)).toThrow(/facts\[0\] at offset \d+: the text reads/);
      const stale = {
        ...truth,
        facts: truth.facts.map((f, i) => (i === 0 ? { ...f, printed: "235.2亿元", note: "x" } : f)),
      };
      expect(() => heldoutFigures(stale, text)).toThrow(
        /facts\[0\] .*noted as unreadable \(x\), but the schema now reads/,
      );
      const anchor = { ...truth, facts: truth.facts.map((f, i) => (i === 0 ? { ...f, printed: "1亿元" } : f)) };
      expect(() => heldoutFigures(anchor, text)).toThrow(
        /facts\[0\] at offset \d+: the text reads .*, the truth's anchor is 1亿元/,
      );
    });
  },
);
