import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { describeShared, readShared, SHARED_TEXTS } from "../../../vitest.shared-texts.js";
import { decodeText, firstInvalidUtf8, TextDecodeError } from "./decode-text.js";

const TEXT = "张江镇:完成税收20.17亿元，二〇二三年增长１５％。\n";

/** An encoder for a two-byte legacy encoding, built by decoding every two-byte code (Node encodes only UTF-8). */
function encoder(encoding: string): (text: string) => Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a two-byte code
      }
    }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      const bytes = cp < 0x80 ? [cp] : table.get(ch);
      if (!bytes) throw new Error(`no ${encoding} code for ${ch}`);
      out.push(...bytes);
    }
    return Uint8Array.from(out);
  };
}
const gbk = encoder("gbk");
const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, "utf16le");
  if (!le) b.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
};

function refusal(bytes: Uint8Array): TextDecodeError {
  try {
    decodeText(bytes);
  } catch (e) {
    if (e instanceof TextDecodeError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT), "utf-8", false],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), "utf-8", true],
    ["UTF-16 LE", utf16(TEXT, true), "utf-16le", true],
    ["UTF-16 BE", utf16(TEXT, false), "utf-16be", true],
    ["GBK", gbk(TEXT), "gb18030", false],
  ])("reads %s", (_, bytes, encoding, bom) => {
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding, bom });
  });

  it("leaves line breaks as they are (normalising them is the source text's business)", () => {
    expect(decodeText(Buffer.from("a\r\nb\rc")).text).toBe("a\r\nb\rc");
    expect(decodeText(gbk("张\r\n江\r镇")).text).toBe("张\r\n江\r镇");
  });

  it("refuses empty input, binary data and undecodable bytes, saying where", () => {
    expect(refusal(new Uint8Array()).problem).toBe("empty");
    expect(refusal(Buffer.from(" \n\t\n")).message).toMatch(/only white space/);
    const nul = refusal(Buffer.from("ab\ncd\0e"));
    expect([nul.problem, nul.offset, nul.line, nul.column]).toEqual(["binary", 5, 2, 3]);
    const bad = refusal(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xff, 0x80]));
    expect(bad.message).toMatch(/undecodable bytes \(byte 0xff\)/);
    expect([bad.offset, bad.line, bad.column]).toEqual([3, 2, 2]);
  });

  it("refuses a UTF-16 byte-order mark before an invalid body, with the byte offset", () => {
    const lone = Buffer.concat([utf16("张江", true), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    const e = refusal(lone);
    expect(e.problem).toBe("bad-utf16");
    expect(e.offset).toBe(6);
    expect(e.message).toMatch(/UTF-16 LE byte-order mark.*at byte 6/);
    expect(refusal(Buffer.concat([utf16("张", false), Buffer.from([0x41])])).offset).toBe(4);
  });

  it("refuses Big5 (traditional Chinese) instead of reading it as GB18030", () => {
    const text =
      "臺灣省政府工作報告：全年地區生產總值增長百分之五點二，財政收入達到一千二百億元，農業與觀光業繼續發展。\n";
    const bytes = encoder("big5")(text);
    expect(new TextDecoder("gb18030", { fatal: true }).decode(bytes)).not.toBe(text); // strict GB18030 alone accepts it
    const e = refusal(bytes);
    expect(e.problem).toBe("other-encoding");
    expect(e.message).toMatch(/looks like Big5/);
    expect(e.line).toBe(1);
  });

  it("refuses Shift-JIS (Japanese) instead of reading it as GB18030", () => {
    const text = "県政府の報告書：県内総生産は前年比1.5%増加しました。令和五年度の予算は一兆円です。\n";
    const e = refusal(encoder("shift_jis")(text));
    expect(e.problem).toBe("other-encoding");
    expect(e.message).toMatch(/Shift-JIS/);
  });

  it("refuses EUC-KR (Korean) instead of reading it as GB18030 (its hangul lie in GB2312's hanzi rows)", () => {
    const text =
      "서울특별시 정부 업무 보고: 지역 내 총생산은 전년 대비 1.5% 증가했으며, 재정 수입은 1200억 원에 달했습니다. 농업과 관광업이 계속 발전하였다.\n";
    const bytes = encoder("euc-kr")(text);
    expect(new TextDecoder("gb18030", { fatal: true }).decode(bytes)).not.toBe(text); // strict GB18030 alone accepts it
    const e = refusal(bytes);
    expect(e.problem).toBe("other-encoding");
    expect(e.message).toMatch(/looks like EUC-KR \(Korean\)/);
    expect([e.offset, e.line, e.column]).toEqual([0, 1, 1]);
  });

  it("refuses EUC-JP (Japanese), naming it", () => {
    const text = "県政府の報告書：県内総生産は前年比1.5%増加しました。令和五年度の予算は一兆円です。\n";
    const e = refusal(encoder("euc-jp")(text));
    expect(e.problem).toBe("other-encoding");
    expect(e.message).toMatch(/looks like EUC-JP \(Japanese\)/);
  });

  it("reads short GBK texts whose hanzi all lie in the early rows (too few to tell)", () => {
    const text = "保定市：完成工业产值12亿元。";
    expect(decodeText(gbk(text)).text).toBe(text);
  });

  it("refuses UTF-8 with a stray byte instead of reading the whole file as GB18030", () => {
    // 张江镇 in UTF-8 and one stray byte: ten bytes that are five valid, meaningless GBK characters.
    const bytes = Buffer.concat([Buffer.from("张江镇"), Buffer.from([0xb0])]);
    expect(new TextDecoder("gb18030", { fatal: true }).decode(bytes)).toHaveLength(5);
    const e = refusal(bytes);
    expect(e.problem).toBe("other-encoding");
    expect(e.message).toMatch(/not UTF-8 \(invalid at byte 9\)/);
  });

  it("finds the first invalid UTF-8 byte", () => {
    expect(firstInvalidUtf8(Buffer.from("中文"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
  });
});

describeShared("decodeText on the real reports saved as GB18030", SHARED_TEXTS, () => {
  it.each(SHARED_TEXTS)("%s", (name) => {
    const text = readShared(name);
    // Some of these texts have characters beyond GBK's two-byte codes (・, for one): iconv (glibc,
    // on every Debian) writes GB18030's four-byte codes for them.
    const bytes = execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text, maxBuffer: 1 << 26 });
    expect(decodeText(bytes)).toEqual({ text, encoding: "gb18030", bom: false });
  });
});
