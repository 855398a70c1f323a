/**
 * Test helpers that write text in the encodings people send: GBK (Node has no GBK encoder, so the
 * table is built by decoding every two-byte GBK code) and UTF-16 with a byte-order mark.
 */
let gbkTable: Map<string, number[]> | undefined;

export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder("gb18030", { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = dec.decode(new Uint8Array([lead, trail]));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // not a two-byte code
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch} (U+${cp.toString(16)})`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export function encodeUtf16(text: string, endian: "le" | "be"): Buffer {
  const body = Buffer.from(text, "utf16le");
  if (endian === "be") body.swap16();
  return Buffer.concat([Buffer.from(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}
