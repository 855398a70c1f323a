export type TextEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Windows line ends (CRLF) were turned into LF, the form the shipped source texts use. */
  normalizedLineEnds: boolean;
}

/**
 * Decodes a report text file: a byte-order mark decides when present; otherwise strict UTF-8,
 * and GB18030 (a superset of GBK and GB2312, the usual encodings of older Chinese government
 * files) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: TextEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "UTF-8";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "UTF-16LE";
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "UTF-16BE";
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "UTF-8";
    } catch {
      text = new TextDecoder("gb18030").decode(bytes);
      encoding = "GB18030";
    }
  }
  const normalizedLineEnds = text.includes("\r\n");
  if (normalizedLineEnds) text = text.replace(/\r\n/g, "\n");
  return { text, encoding, normalizedLineEnds };
}
