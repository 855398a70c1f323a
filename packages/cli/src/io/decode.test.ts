import { describe, expect, it } from "vitest";
import type { CliError } from "../errors.js";
import { decodeInput } from "./decode.js";

function fail(b: Uint8Array): CliError {
  try {
    decodeInput(b, "f.txt");
  } catch (e) {
    return e as CliError;
  }
  throw new Error("expected an error");
}

// The decoding rules are @govreport/schema's decodeText (tested there); here, how the CLI places its refusals.
describe("decodeInput", () => {
  it("decodes through the shared decoder", () => {
    expect(decodeInput(Buffer.from([0xd5, 0xc5, 0xbd, 0xad, 0xd5, 0xf2, 0x0a]), "f")).toEqual({
      text: "张江镇\n",
      encoding: "gb18030",
      bom: false,
    });
  });

  it("names the file, and the line and column or else the byte offset", () => {
    expect(fail(new Uint8Array()).place).toEqual({ file: "f.txt" });
    expect(fail(Buffer.from("ab\ncd\0e")).place).toEqual({ file: "f.txt", line: 2, column: 3 });
    const bad = fail(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xff, 0x80]));
    expect(bad.message).toMatch(/undecodable bytes \(byte 0xff\)/);
    expect(bad.place).toEqual({ file: "f.txt", line: 2, column: 2 });
    const utf16 = fail(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]));
    expect(utf16.place).toEqual({ file: "f.txt", offset: 4 });
  });
});
