import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { fastParse } from "./fast-yaml.js";

const shipped = readFileSync(new URL("../../../data/reports/zhangjiang-2023-h1/report.yaml", import.meta.url), "utf8");

/** The reader either gives up or agrees with `yaml`: the property every test here checks. */
function agrees(text: string, json = false): boolean | "bail" {
  const fast = fastParse(text, json);
  if (!fast) return "bail";
  expect(fast.data).toEqual(parse(text, { schema: json ? "json" : "core" }));
  return true;
}

describe("fastParse", () => {
  it("reads the shipped report whole, and as yaml does", () => {
    let why = "";
    expect(fastParse(shipped, false, { onBail: (e) => (why = e.stack ?? "") })).toBeDefined();
    expect(why).toBe("");
    expect(agrees(shipped)).toBe(true);
  });

  it("reads the shipped report as JSON", () => {
    const json = JSON.stringify(parse(shipped), null, 2);
    expect(fastParse(json, true)?.data).toEqual(JSON.parse(json));
  });

  it.each([
    ["block mapping", "a: 1\nb: text\nc: true\nd: ~\ne:\n"],
    ["nested", "a:\n  b:\n    c: [1, 2]\n  d: { x: 'y', z: \"w\" }\n"],
    ["sequence at key indent", "list:\n- a\n- b\nafter: 1\n"],
    ["compact mapping in sequence", "- id: a\n  v: 1\n- id: b\n  v: 2\n"],
    ["comments", "# head\na: 1 # trailing\n# between\nb: 'x # not a comment'\n"],
    ["escapes", "a: \"tab\\tnl\\n\\u4e2d\\x41\\\"q\\\\\"\nb: 'it''s'\n"],
    ["numbers", "a: 1\nb: -2.5\nc: 1e3\nd: .5\ne: +7\nf: 007\ng: 1.\n"],
    ["strings that look like numbers or dates", "a: 2023-H1\nb: 2023-01-05\nc: 1,234\nd: 12:30\ne: 3%\n"],
    ["CJK plain scalars", "zh: 报告称1-5月完成税收20.17亿元,比去年同期增长\nq: 「引文」：全角冒号\n"],
    ["JSON document", '{\n  "a": [1, 2, {"b": null}],\n  "c": "d"\n}\n'],
    ["JSON without spaces", '{"a":1,"b":[true,false],"c":{"d":"e"}}'],
    ["flow over lines", "a: [1,\n  2,\n  3]\nb: 1\n"],
    ["empty collections", "a: []\nb: {}\n"],
  ])("agrees with yaml on %s", (_, text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ["anchors", "a: &x 1\nb: *x\n"],
    ["tags", "a: !!str 1\n"],
    ["block scalar", "a: |\n  text\n"],
    ["multi-line plain", "a: one\n  two\n"],
    ["multi-line quoted", 'a: "one\n  two"\n'],
    ["duplicate keys", "a: 1\na: 2\n"],
    ["documents", "---\na: 1\n"],
    ["hex", "a: 0x1f\n"],
    ["infinity", "a: .inf\n"],
    ["tab indentation", "a:\n\tb: 1\n"],
    ["nested mapping on one line", "a: b: c\n"],
    ["unclosed flow", "a: [1, 2\n"],
    ["complex key", "? a\n: b\n"],
    ["numeric key", "1: a\n"],
    ["JSON with a plain string", '{"a": b}'],
    ["JSON with a trailing comma", '{"a": 1,}'],
    ["CRLF", "a: 1\r\nb: 2\r\n"],
  ])("leaves %s to yaml", (_, text) => {
    expect(fastParse(text, text.startsWith("{"))).toBeUndefined();
  });

  it("leaves collections nested deeper than maxDepth to yaml", () => {
    const nested = (d: number) => `${"[".repeat(d)}${"]".repeat(d)}`;
    expect(fastParse(`a: ${nested(3)}\n`, false, { maxDepth: 4 })).toBeDefined();
    expect(fastParse(`a: ${nested(4)}\n`, false, { maxDepth: 4 })).toBeUndefined();
    let block = "";
    for (let i = 0; i < 4; i++) block += `${" ".repeat(i)}k:\n`;
    expect(fastParse(block, false, { maxDepth: 4 })).toBeDefined();
    block += `${" ".repeat(4)}k: 1\n`;
    expect(fastParse(block, false, { maxDepth: 4 })).toBeUndefined();
    // Deep enough to exhaust the stack of a recursive reader: declined, not thrown.
    expect(fastParse(`a: ${nested(100_000)}\n`, false)).toBeUndefined();
  });

  it("keeps __proto__ as an own key instead of changing the prototype", () => {
    const r = fastParse('__proto__: { polluted: 1 }\n"constructor": 2\n', false);
    const data = r?.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("records where keys and values are written", () => {
    const text = "a:\n  b: [10, 20]\n  c: x\n";
    const pos = fastParse(text, false)?.pos;
    const b = pos?.keys?.get("a")?.node.keys?.get("b");
    expect(b?.key).toBe(text.indexOf("b:"));
    expect(b?.node.items?.[1]?.at).toBe(text.indexOf("20"));
    expect(pos?.keys?.get("a")?.node.keys?.get("c")?.node.at).toBe(text.indexOf("x"));
  });

  // Generated documents: text with the characters reports use, and some that YAML treats specially.
  const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
  const text = fc.oneof(
    fc.string({
      unit: fc.constantFrom(..."abc 123.:-#,[]{}'\"%&*!|>?@`\\\t~张江镇亿元,。:“”%".split("")),
      maxLength: 12,
    }),
    fc.constantFrom("null", "true", "False", "1e5", "0x10", ".inf", "2023-H1", "- a", "a: b", "#x", ""),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("list"), tie("map")),
    leaf: fc.oneof(
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    ),
    list: fc.array(tie("node"), { maxLength: 4 }),
    map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
  })).node;

  it("never disagrees with yaml on generated YAML", () => {
    fc.assert(
      fc.property(
        value,
        fc.record({
          collectionStyle: fc.constantFrom("any", "block", "flow"),
          defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
          indentSeq: fc.boolean(),
        }),
        (v, options) => {
          agrees(stringify(v, { ...options, lineWidth: 0 }));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads all generated JSON, as JSON.parse does", () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (v, indent) => {
        const json = JSON.stringify(v, null, indent);
        if (!json.startsWith("{") && !json.startsWith("[")) return;
        const fast = fastParse(json, true);
        expect(fast?.data).toEqual(JSON.parse(json));
      }),
      { numRuns: 300 },
    );
  });
});
