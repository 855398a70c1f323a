// Tests over the real report texts beside the repository (see scripts/shared-texts.mjs).
import { describe, it } from "vitest";
import { missingError, missingShared, reportsDir, requireShared, skipLine } from "./scripts/shared-texts.mjs";

/** The folder of shared texts, with a trailing slash. */
export const sharedReports = `${reportsDir}/`;

export {
  missingShared,
  readShared,
  requireShared,
  SHARED_TEXTS,
  sharedPath,
  sharedTextNames,
} from "./scripts/shared-texts.mjs";

/**
 * A describe block over shared texts: it runs when every text in `names` is present; otherwise it
 * prints one "skipped: …" line and is counted as skipped, or, with GOVREPORT_REQUIRE_SHARED=1 (CI),
 * it fails with a test that names the missing texts.
 */
export function describeShared(title: string, names: readonly string[], fn: () => void): void {
  const missing = missingShared(names);
  if (missing.length === 0) {
    describe(title, fn);
  } else if (requireShared) {
    describe(title, () => {
      it("has its shared texts", () => {
        throw missingError(title, missing);
      });
    });
  } else {
    console.log(skipLine(title, missing));
    // The suite's body reads the texts, so it is not collected: one skipped test stands for it.
    describe.skip(title, () => {
      it(`needs ${missing.join(", ")}`, () => {});
    });
  }
}
