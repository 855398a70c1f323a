import { useId } from "react";
import { type Lang, MESSAGES } from "../i18n.js";
import type { PointFinding } from "../model/chart-specs.js";

/**
 * A mark on a figure the checks found something about: "⚠", its findings' text shown on hover
 * and on keyboard focus, and read by screen readers as the badge's description.
 */
export function FindingBadge({ findings, lang }: { findings: readonly PointFinding[] | undefined; lang: Lang }) {
  const id = useId();
  if (!findings || findings.length === 0) return null;
  const m = MESSAGES[lang];
  const worst = findings.some((f) => f.severity === "error" && !f.acknowledged)
    ? "error"
    : findings.some((f) => f.severity !== "info")
      ? "warning"
      : "info";
  return (
    <span className={`finding-badge sev-${worst}`} data-testid="finding-badge">
      <button type="button" aria-describedby={id} aria-label={m.findingBadge(findings.length)}>
        ⚠ {findings.length}
      </button>
      <span role="tooltip" id={id} className="finding-tip">
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id
          <span key={i} className="finding-tip-item">
            <b>
              {m.severities[f.severity]}
              {f.severity !== "info" &&
                ` · ${f.acknowledged ? m.checksView.acknowledged : m.checksView.unacknowledged}`}
            </b>{" "}
            {f.message[lang]}
            {f.explanation && ` ${m.checksView.explanation}: ${f.explanation[lang]}`}
          </span>
        ))}
      </span>
    </span>
  );
}
