import { describe, expect, it } from "vitest";
import type { CliError } from "../errors.js";
import { decodeText, firstInvalidUtf8, normalizeNewlines } from "./decode.js";

const TEXT = "张江镇:完成税收20.17亿元。\n";
const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, "utf16le");
  if (!le) b.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
};

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), "utf-8"],
    ["UTF-16 LE", utf16(TEXT, true), "utf-16le"],
    ["UTF-16 BE", utf16(TEXT, false), "utf-16be"],
  ])("reads %s", (_, bytes, encoding) => {
    const d = decodeText(bytes, "f");
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe(encoding);
  });

  it("reads GBK / GB18030 when the bytes are not UTF-8", () => {
    // 张江镇 in GBK.
    const gbk = Buffer.from([0xd5, 0xc5, 0xbd, 0xad, 0xd5, 0xf2, 0x0a]);
    expect(decodeText(gbk, "f")).toEqual({ text: "张江镇\n", encoding: "gb18030", bom: false });
  });

  it("refuses empty input, binary data and undecodable bytes, saying where", () => {
    const fail = (b: Uint8Array) => {
      try {
        decodeText(b, "f.txt");
      } catch (e) {
        return e as CliError;
      }
      throw new Error("expected an error");
    };
    expect(fail(new Uint8Array()).message).toMatch(/empty/);
    expect(fail(Buffer.from(" \n\t\n")).message).toMatch(/empty/);
    const nul = fail(Buffer.from("ab\ncd\0e"));
    expect(nul.message).toMatch(/NUL/);
    expect(nul.place).toEqual({ file: "f.txt", line: 2, column: 3 });
    const bad = fail(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xff, 0x80]));
    expect(bad.message).toMatch(/undecodable bytes \(byte 0xff\)/);
    expect(bad.place).toEqual({ file: "f.txt", line: 2, column: 2 });
  });

  it("finds the first invalid UTF-8 byte", () => {
    expect(firstInvalidUtf8(Buffer.from("中文"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0);
  });

  it("normalizes CRLF and CR to LF", () => {
    expect(normalizeNewlines("a\r\nb\rc\n")).toBe("a\nb\nc\n");
  });
});
