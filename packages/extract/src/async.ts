import { normalizeSourceText } from "@govreport/schema";
import { type ExtractOptions, type ExtractResult, extractReport } from "./extract.js";
import { sha256Hex } from "./sha256.js";

/** Like extractReport, hashing the text with Web Crypto (when present) before extracting. */
export async function extractReportAsync(text: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const sha256 = options.sha256 ?? (await sha256Hex(normalizeSourceText(text)));
  return extractReport(text, { ...options, sha256 });
}
