import { formatJsonPath } from "@govreport/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { locate, parseJsonPath } from "./yaml-locate.js";

const doc = (text: string) => {
  const lines = new LineCounter();
  return { d: parseDocument(text, { lineCounter: lines }), lines };
};

describe("parseJsonPath", () => {
  it("reads back what formatJsonPath writes", () => {
    const segment = fc.oneof(
      fc.nat(1000),
      fc.string({ maxLength: 8 }),
      fc.constantFrom("a", "odd key", 'q"uote', "中文"),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parseJsonPath(formatJsonPath(segments))).toEqual(segments);
      }),
    );
  });

  it("rejects what is not a path", () => {
    expect(parseJsonPath("observations[0]")).toBeUndefined();
    expect(parseJsonPath("$.a[")).toBeUndefined();
  });
});

describe("locate", () => {
  const text = [
    "a: 1",
    "list:",
    "  - x: 10",
    "    y: { z: [1, 22] }",
    "  - 中文: 值",
    "empty:",
    "anchor: &A { k: v }",
    "alias: *A",
    "",
  ].join("\n");
  const { d, lines } = doc(text);
  const at = (segments: (string | number)[], key = false) => locate(d, lines, segments, { key });

  it("finds values in block and flow collections", () => {
    expect(at(["a"])).toEqual({ line: 1, col: 4, exact: true });
    expect(at(["list", 0, "x"])).toEqual({ line: 3, col: 8, exact: true });
    expect(at(["list", 0, "y", "z", 1])).toEqual({ line: 4, col: 17, exact: true });
    expect(at(["list", 1, "中文"])).toEqual({ line: 5, col: 9, exact: true });
  });

  it("points at the key when asked, or when the value is empty", () => {
    expect(at(["list", 0, "y"], true)).toEqual({ line: 4, col: 5, exact: true });
    expect(at(["empty"])).toEqual({ line: 6, col: 1, exact: true });
  });

  it("falls back to the nearest existing parent, marked inexact", () => {
    expect(at(["list", 0, "missing"])).toEqual({ line: 3, col: 5, exact: false });
    expect(at(["list", 7])).toEqual({ line: 3, col: 3, exact: false });
    expect(at(["a", "deeper"])).toEqual({ line: 1, col: 4, exact: false });
  });

  it("follows aliases", () => {
    expect(at(["alias", "k"])).toEqual({ line: 7, col: 17, exact: true });
  });
});
