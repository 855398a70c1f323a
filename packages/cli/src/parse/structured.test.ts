import { describe, expect, it } from "vitest";
import { CliError } from "../errors.js";
import { parseJsonPath } from "./json-path.js";
import { detectFormat, parseStructured } from "./structured.js";

async function failure(text: string, file = "r.yaml"): Promise<CliError> {
  try {
    await parseStructured(text, file);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error("expected a CliError");
}

describe("parseStructured", () => {
  it("detects the format by extension, then by content", () => {
    expect(detectFormat("a.json", "x: 1")).toBe("json");
    expect(detectFormat("a.YML", "{}")).toBe("yaml");
    expect(detectFormat("<stdin>", '  {"a": 1}')).toBe("json");
    expect(detectFormat("<stdin>", "a: 1")).toBe("yaml");
  });

  for (const [label, text] of [
    ["fast reader", "top:\n  list:\n    - id: a\n      v: 1\n    - id: b\n      v: 2\n"],
    ["yaml fallback (anchor)", "top:\n  list: &x\n    - id: a\n      v: 1\n    - id: b\n      v: 2\n"],
  ] as const) {
    it(`locates paths to line and column (${label})`, async () => {
      const doc = await parseStructured(text, "r.yaml");
      expect(doc.locate(["top", "list", 1, "v"])).toEqual({ line: 6, column: 10 });
      expect(doc.locate(["top", "list", 1, "v"], { key: true })).toEqual({ line: 6, column: 7 });
      // A missing key resolves to the nearest parent that is written.
      expect(doc.locate(["top", "list", 1, "missing"])).toEqual({ line: 5, column: 7 });
    });
  }

  it("counts columns in code points", async () => {
    const doc = await parseStructured("a: [𠀀𠀀, x]\nb: { c: 中, d: 1 }\n", "r.yaml");
    expect(doc.locate(["a", 1])).toEqual({ line: 1, column: 9 });
    expect(doc.locate(["b", "d"])).toEqual({ line: 2, column: 15 });
  });

  it("locates JSON values", async () => {
    const doc = await parseStructured('{\n  "a": [\n    {"b": 1e999}\n  ]\n}', "r.json").catch((e: CliError) => e);
    expect(doc).toBeInstanceOf(CliError);
    const e = doc as CliError;
    expect(e.place).toEqual({ file: "r.json", line: 3, column: 11 });
    expect(e.message).toMatch(/out of range.*\$\.a\[0\]\.b/);
  });

  it("words YAML syntax errors with their place", async () => {
    const e = await failure("a: [1, 2\nb: 3\n");
    expect(e.message).toMatch(/^invalid YAML: /);
    expect(e.place?.line).toBe(2);
  });

  it("refuses duplicate keys at the duplicate", async () => {
    const e = await failure("a: 1\nb: 2\na: 3\n");
    expect(e.message).toMatch(/unique/);
    expect(e.place).toMatchObject({ line: 3, column: 1 });
  });

  it("refuses reserved keys at the key, in YAML and JSON", async () => {
    const y = await failure("a:\n  __proto__: { polluted: true }\n");
    expect(y.message).toMatch(/"__proto__" is not allowed.*\$\.a/);
    expect(y.place).toMatchObject({ line: 2, column: 3 });
    const j = await failure('{"constructor": {"prototype": 1}}', "r.json");
    expect(j.message).toMatch(/"constructor" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses NaN and infinities with their path", async () => {
    expect((await failure("a: [1, .nan]\n")).message).toMatch(/NaN.*\$\.a\[1\]/);
    expect((await failure("a: -.inf\n")).message).toMatch(/out of range.*\$\.a/);
  });

  it("refuses an alias bomb without expanding it", async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(97 + i - 1);
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${p}`).join(",")}]`,
      );
    }
    const e = await failure(`${lines.join("\n")}\n`);
    expect(e.message).toMatch(/alias/);
  });

  it("refuses deep nesting before parsing", async () => {
    const e = await failure(`a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    expect(e.message).toMatch(/nested more than 64 levels/);
    expect(e.place?.line).toBe(1);
    let block = "";
    for (let i = 0; i < 100; i++) block += `${" ".repeat(i)}k:\n`;
    expect((await failure(block)).message).toMatch(/nested more than/);
  });

  it("splits JSON paths back into segments", () => {
    expect(parseJsonPath('$.observations[3]["odd key"].unit')).toEqual(["observations", 3, "odd key", "unit"]);
    expect(parseJsonPath("$")).toEqual([]);
  });
});
