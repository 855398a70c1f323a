import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.js";

describe("decodeText", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    const bytes = new TextEncoder().encode("张江镇 2023");
    expect(decodeText(bytes)).toEqual({ text: "张江镇 2023", encoding: "UTF-8", normalizedLineEnds: false });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(bom).text).toBe("张江镇 2023");
  });

  it("falls back to GB18030 (GBK) when the bytes are not UTF-8", () => {
    // 张江镇 in GBK, then CRLF and 税收
    const gbk = new Uint8Array([0xd5, 0xc5, 0xbd, 0xad, 0xd5, 0xf2, 0x0d, 0x0a, 0xcb, 0xb0, 0xca, 0xd5]);
    expect(decodeText(gbk)).toEqual({ text: "张江镇\n税收", encoding: "GB18030", normalizedLineEnds: true });
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x20, 0x5f, 0x5f, 0x6c]);
    expect(decodeText(le)).toMatchObject({ text: "张江", encoding: "UTF-16LE" });
  });
});

describe("decodeText refusals (the CLI's rules)", () => {
  it("refuses invalid GB18030 instead of replacing it, and Big5 instead of guessing", () => {
    expect(() => decodeText(new Uint8Array([0xd5, 0xc5, 0xff, 0x0a]))).toThrow(/undecodable/);
    // 臺灣省政府報告 in Big5: valid GB18030 bytes, but not Chinese as GB18030 writes it.
    const big5 = new Uint8Array([0xbb, 0x4f, 0xc6, 0x57, 0xac, 0xd9, 0xac, 0x46, 0xa9, 0xb2, 0xb3, 0xf8, 0xa7, 0x69]);
    expect(() => decodeText(big5)).toThrow(/Big5/);
  });

  it("turns a lone CR into LF as the CLI does", () => {
    expect(decodeText(new TextEncoder().encode("a\rb\r\nc")).text).toBe("a\nb\nc");
  });
});
