import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { extractReport, extractReportAsync, sha256Hex, sha256HexSync } from "../src/index.js";

const node = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("sha256", () => {
  it("matches the FIPS 180-2 test vectors", () => {
    expect(sha256HexSync("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256HexSync("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256HexSync("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with node:crypto on arbitrary text, across block boundaries", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(sha256HexSync(s)).toBe(node(s));
      }),
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120]) expect(sha256HexSync("a".repeat(n))).toBe(node("a".repeat(n)));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("gives the same digest through Web Crypto", async () => {
    expect(await sha256Hex("张江镇 2023")).toBe(node("张江镇 2023"));
  });

  it("gives the same digest without Web Crypto (a page served over plain http)", async () => {
    vi.stubGlobal("crypto", undefined);
    expect(globalThis.crypto).toBeUndefined();
    expect(await sha256Hex("张江镇 2023")).toBe(node("张江镇 2023"));
  });

  it("is what the draft records, unless the caller supplies one", async () => {
    const text = "某镇政府工作报告。新增企业91家。";
    expect(extractReport(text).report.source.sha256).toBe(node(text));
    expect((await extractReportAsync(text)).report.source.sha256).toBe(node(text));
    const given = "a".repeat(64);
    expect(extractReport(text, { sha256: given }).report.source.sha256).toBe(given);
    expect(() => extractReport(text, { sha256: "ABC" })).toThrow(/64 lower-case hex/);
  });
});
