import { normalizeSourceText, sourceTextChanges } from "@govreport/schema";
import { type ExtractWarning, warn } from "../codes.js";

/**
 * Stage `normalise`: the text as given → the normalised source text (the schema's contract: no BOM,
 * LF line breaks). Offsets, quotes, chars and the sha256 are all over this text; a warning says
 * what was changed.
 */
export function normalise(input: string, warnings: ExtractWarning[]): string {
  const text = normalizeSourceText(input);
  const changed = sourceTextChanges(input);
  if (changed.bom || changed.crlf || changed.cr)
    warn(
      warnings,
      "text.normalised",
      `source text normalised (${[changed.bom ? "BOM removed" : "", changed.crlf ? `${changed.crlf} CRLF` : "", changed.cr ? `${changed.cr} lone CR` : ""].filter(Boolean).join(", ")} → LF): offsets and the sha256 refer to the normalised text`,
    );
  return text;
}
