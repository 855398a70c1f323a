import type { Finding } from "@govreport/schema";
import { type Lang, MESSAGES } from "../i18n.js";
import { checkCounts } from "../model/check-counts.js";
import type { LoadedReport } from "../model/loaded.js";

/**
 * The checks' verdict and counts: each severity with its open and explained findings. A report
 * loaded in the page is never given the green verdict of a curated one.
 */
export function ChecksSummary({
  loaded,
  lang,
  findings,
}: {
  loaded: LoadedReport;
  lang: Lang;
  findings: readonly Finding[];
}) {
  const m = MESSAGES[lang];
  const counts = checkCounts(findings);
  const { valid } = loaded.checks;
  const verified = loaded.origin === "shipped";
  const cls = !valid ? "invalid" : verified ? "valid" : "unverified";
  return (
    <>
      <p className="verdict" data-testid="checks-verdict">
        {valid ? `${verified ? "✓ " : ""}${m.checksValid}` : `✗ ${m.checksInvalid}`}
        {!verified && <span className="verdict-note"> · {m.checksUnverified}</span>}
      </p>
      <ul className={`counts ${cls}`} data-testid="checks-counts">
        {(["error", "warning", "info"] as const).map((s) => (
          <li
            key={s}
            className={`sev-${s}`}
            data-severity={s}
            data-open={counts[s].open}
            data-explained={counts[s].explained}
          >
            <b>{counts[s].open + counts[s].explained}</b> {m.severities[s]}
            {s !== "info" && counts[s].open + counts[s].explained > 0 && (
              <span className="split">
                {" "}
                ({m.openCount(counts[s].open)}, {m.explainedCount(counts[s].explained)})
              </span>
            )}
          </li>
        ))}
        <li>
          <b>{loaded.report.observations.length}</b> {m.observationsCount}
        </li>
      </ul>
    </>
  );
}
