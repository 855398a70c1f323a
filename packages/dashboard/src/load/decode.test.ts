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
