import type { Finding } from "@govreport/schema";
import { useMemo } from "react";
import { ChecksSummary } from "../components/ChecksSummary.js";
import { CoverageLine, CoverageList } from "../components/CoverageList.js";
import { MESSAGES } from "../i18n.js";
import { needsExplanation } from "../model/check-counts.js";
import { indicatorName, printedOf } from "../model/loaded.js";
import type { ViewProps } from "./types.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Unexplained problems first, then by severity; the order within is the checker's. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        Number(a.f.acknowledged) - Number(b.f.acknowledged) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

export default function Checks({ loaded, lang, showInText }: ViewProps) {
  const m = MESSAGES[lang];
  const c = m.checksView;
  const byId = useMemo(() => new Map(loaded.report.observations.map((o) => [o.id, o])), [loaded.report]);
  const findings = useMemo(() => orderFindings(loaded.checks.findings), [loaded.checks]);
  const { valid } = loaded.checks;
  const cls = !valid ? "invalid" : loaded.origin === "shipped" ? "valid" : "unverified";
  return (
    <div className="checks">
      <section className={`checks-state ${cls}`} aria-labelledby="checks-summary-title">
        <h2 id="checks-summary-title">{c.summary}</h2>
        <ChecksSummary loaded={loaded} lang={lang} findings={loaded.checks.findings} />
        <CoverageLine coverage={loaded.checks.coverage} lang={lang} />
      </section>
      {findings.length === 0 && <p>{c.none}</p>}
      <ol className="findings">
        {findings.map((f, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id
            key={i}
            className={`finding sev-${f.severity}${f.acknowledged ? " acknowledged" : ""}`}
            data-code={f.code}
            data-testid="finding"
          >
            <header>
              <span className={`badge sev-${f.severity}`}>{m.severities[f.severity]}</span>
              {/* A note (info) says how figures relate; it needs no explanation, so no red badge. */}
              {(f.acknowledged || needsExplanation(f)) && (
                <span className={`badge ${f.acknowledged ? "ack" : "unack"}`}>
                  {f.acknowledged ? c.acknowledged : c.unacknowledged}
                </span>
              )}
              <code className="code" title={c.code}>
                {f.code}
              </code>
            </header>
            <p className="message">{f.message[lang]}</p>
            {(f.stated || f.computed) && (
              <dl className="figures">
                {f.stated && (
                  <div>
                    <dt>{c.stated}</dt>
                    <dd>{f.stated}</dd>
                  </div>
                )}
                {f.computed && (
                  <div>
                    <dt>{c.computed}</dt>
                    <dd>{f.computed}</dd>
                  </div>
                )}
              </dl>
            )}
            {f.observations.length > 0 && (
              <ul className="finding-quotes">
                {f.observations.map((id) => {
                  const o = byId.get(id);
                  return (
                    <li key={id}>
                      {o ? (
                        <>
                          <span className="name">
                            {indicatorName(loaded.report, o)[lang]} <b>{printedOf(o.quantity)}</b>
                          </span>
                          <q lang="zh-CN">{o.source.quote}</q>{" "}
                          <button type="button" className="link-button" onClick={() => showInText(id)}>
                            {m.seeInText}
                          </button>
                        </>
                      ) : (
                        <code>{id}</code>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {f.explanation && (
              <p className="explanation">
                <b>{c.explanation}:</b> {f.explanation[lang]}
              </p>
            )}
            {f.path && (
              <p className="path">
                {c.path}: <code>{f.path}</code>
              </p>
            )}
          </li>
        ))}
      </ol>
      <CoverageList coverage={loaded.checks.coverage} lang={lang} showInText={showInText} />
    </div>
  );
}
