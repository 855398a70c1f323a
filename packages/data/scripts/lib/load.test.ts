import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenFixture, positionOf, replaceOnce, TINY } from "../../test/helpers.js";
import { isValid, loadReport } from "./load.js";

const load = (edit: (yaml: string) => string, folder?: string) => {
  const f = brokenFixture(edit, folder);
  return { ...f, loaded: loadReport(f.file) };
};

describe("loadReport", () => {
  it("accepts the tiny fixture, with its acknowledged misprint", () => {
    const r = loadReport(join(TINY, "report.yaml"));
    expect(r.problems).toEqual([]);
    expect(isValid(r)).toBe(true);
    const ack = r.checks?.findings.filter((f) => f.acknowledged) ?? [];
    expect(ack.map((f) => f.code)).toEqual(["comparison.change_mismatch"]);
    expect(r.unusedAcknowledgements).toEqual([]);
  });

  it("places a schema issue at the offending value's line and column", () => {
    const { loaded, yaml } = load((y) => replaceOnce(y, "value: 43,", 'value: "43",'));
    expect(isValid(loaded)).toBe(false);
    expect(loaded.problems).toHaveLength(1);
    const p = loaded.problems[0]!;
    expect(p.path).toBe("$.observations[4].quantity.value");
    expect(p.message).toBe("expected a number, got text");
    expect({ line: p.line, col: p.col }).toEqual(positionOf(yaml, '"43"'));
  });

  it("points an unknown field at its key", () => {
    const { loaded, yaml } = load((y) =>
      replaceOnce(y, "    subject: 完成税收\n", "    subject: 完成税收\n    colour: red\n"),
    );
    const p = loaded.problems[0]!;
    expect(p.message).toBe('unknown field "colour"');
    expect(p.path).toBe("$.observations[0].colour");
    expect({ line: p.line, col: p.col }).toEqual(positionOf(yaml, "colour"));
  });

  it("places a missing field at the object that lacks it", () => {
    const { loaded, yaml } = load((y) => replaceOnce(y, "    role: target\n", ""));
    const p = loaded.problems[0]!;
    expect(p.path).toBe("$.observations[8].role");
    expect(p.message).toMatch(/^is required/);
    expect({ line: p.line, col: p.col }).toEqual(positionOf(yaml, "id: tax-target"));
  });

  it("suggests quotes when a period reads as a number", () => {
    const { loaded } = load((y) =>
      replaceOnce(y, 'period: "2023"\n    quantity: { value: 25', "period: 2023\n    quantity: { value: 25"),
    );
    expect(loaded.problems[0]?.message).toMatch(/expected text, got a number \(put it in quotes/);
  });

  it("reports YAML syntax errors with their position", () => {
    const { loaded, yaml } = load((y) =>
      replaceOnce(y, 'period: "2023-H1"\nindicators:', 'period: "2023-H1"\nperiod: "2023"\nindicators:'),
    );
    expect(loaded.report).toBeUndefined();
    const p = loaded.problems[0]!;
    expect(p.message).toMatch(/^YAML syntax: Map keys must be unique/);
    const second = yaml.indexOf('period: "2023"\n');
    expect({ line: p.line, col: p.col }).toEqual(positionOf(yaml, "period", second));
  });

  it("reports an unclosed flow collection as a syntax error, not a crash", () => {
    const { loaded } = load((y) =>
      replaceOnce(y, "parts: [enterprises-tech, enterprises-service]", "parts: [enterprises-tech"),
    );
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(loaded.problems.every((p) => p.message.startsWith("YAML syntax:") && p.line !== undefined)).toBe(true);
  });

  it("requires the id to equal the folder name", () => {
    const { loaded, yaml } = load((y) => y.replace("# A tiny", "# The tiny"), "other-2023");
    const p = loaded.problems[0]!;
    expect(p.message).toBe('the report id "tiny-2023" must equal its folder name "other-2023"');
    expect({ line: p.line, col: p.col }).toEqual(positionOf(yaml, "tiny-2023", yaml.indexOf("id: ")));
  });

  it("refuses a source whose hash or length differs from the recorded one", () => {
    const { loaded, yaml } = load((y) =>
      y.replace(/sha256: [0-9a-f]{64}/, `sha256: ${"f".repeat(64)}`).replace("chars: 192", "chars: 191"),
    );
    expect(loaded.problems.map((p) => p.path)).toEqual(["$.source.sha256", "$.source.chars"]);
    expect(loaded.problems[0]?.message).toMatch(/source\.txt has sha256 bee612fb/);
    expect(loaded.problems[1]?.message).toBe("source.txt has 192 code points, the report records 191");
    expect(loaded.problems[0]?.line).toBe(positionOf(yaml, "sha256:").line);
  });

  it("refuses a missing source file", () => {
    const { loaded } = load((y) => replaceOnce(y, "file: source.txt", "file: missing.txt"));
    expect(loaded.problems[0]?.path).toBe("$.source.file");
    expect(loaded.problems[0]?.message).toMatch(/missing\.txt does not exist/);
  });

  it("fails on a provenance error: a quote that is not in the source", () => {
    const { loaded, yaml } = load((y) => replaceOnce(y, "quote: 主动公开42件", "quote: 主动公开24件"));
    expect(loaded.problems).toEqual([]);
    expect(isValid(loaded)).toBe(false);
    const errors = loaded.checks?.findings.filter((f) => f.severity === "error" && !f.acknowledged) ?? [];
    expect(errors.map((f) => [f.code, f.observations])).toEqual([
      ["provenance.quote_not_found", ["documents-disclosed"]],
    ]);
    expect(loaded.locate(errors[0]?.path ?? "")).toMatchObject(positionOf(yaml, "主动公开24件"));
  });

  it("fails on a provenance error: an offset that does not point at the quote", () => {
    const { loaded } = load((y) => replaceOnce(y, "offset: 123", "offset: 124"));
    const errors = loaded.checks?.findings.filter((f) => f.severity === "error" && !f.acknowledged) ?? [];
    expect(errors.map((f) => [f.code, f.stated, f.computed])).toEqual([["provenance.offset_mismatch", "124", "123"]]);
  });

  it("fails on an unacknowledged arithmetic error", () => {
    const { loaded, yaml } = load((y) => y.slice(0, y.indexOf("acknowledged:")));
    expect(isValid(loaded)).toBe(false);
    const errors = loaded.checks?.findings.filter((f) => f.severity === "error" && !f.acknowledged) ?? [];
    expect(errors.map((f) => f.code)).toEqual(["comparison.change_mismatch"]);
    expect(loaded.locate(errors[0]?.path ?? "")).toMatchObject(positionOf(yaml, "2.6", yaml.indexOf("change:")));
  });

  it("flags an acknowledgement that no finding matches", () => {
    const { loaded } = load((y) =>
      replaceOnce(
        y,
        "  - code: comparison.change_mismatch\n    observations: [tax]",
        "  - code: comparison.change_mismatch\n    observations: [visits]",
      ),
    );
    expect(loaded.unusedAcknowledgements).toEqual([0]);
    expect(isValid(loaded)).toBe(false);
  });
});
