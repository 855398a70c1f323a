import type { Finding, Severity } from "@govreport/schema";

export interface SeverityCount {
  /** Findings the report does not explain. */
  open: number;
  /** Findings the report acknowledges, with an explanation of why it is printed so. */
  explained: number;
}

/**
 * Findings counted per severity, explained ones apart from open ones: "0 errors" must never be
 * shown while an explained error sits in the list below it.
 */
export function checkCounts(findings: readonly Finding[]): Record<Severity, SeverityCount> {
  const counts: Record<Severity, SeverityCount> = {
    error: { open: 0, explained: 0 },
    warning: { open: 0, explained: 0 },
    info: { open: 0, explained: 0 },
  };
  for (const f of findings) counts[f.severity][f.acknowledged ? "explained" : "open"]++;
  return counts;
}

/** Whether a finding needs an explanation at all: notes (info) say what was related, not what is wrong. */
export const needsExplanation = (f: Pick<Finding, "severity">) => f.severity !== "info";
