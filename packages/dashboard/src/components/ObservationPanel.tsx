import { CATEGORY_NAMES, type Finding, type Observation, periodLabel, type Report } from "@govreport/schema";
import { useEffect, useRef } from "react";
import { type Lang, MESSAGES } from "../i18n.js";
import { categoryOf, indicatorName, printedOf } from "../model/loaded.js";

/** Everything the data says about one observation, with the findings that involve it. */
export function ObservationPanel({
  report,
  obs,
  findings,
  lang,
  explorerHref,
  onClose,
  placement,
}: {
  report: Report;
  obs: Observation;
  findings: readonly Finding[];
  lang: Lang;
  explorerHref: string;
  onClose: () => void;
  /** How the figure was located in the text ("figure" when found where the data says). */
  placement?: "figure" | "quote" | "moved" | undefined;
}) {
  const m = MESSAGES[lang];
  const s = m.sourceView;
  const ref = useRef<HTMLElement>(null);
  // Focus moves into the panel when it opens (or shows another figure), so a keyboard reader
  // is not left 194 Tabs away from it; Escape closes it (the view puts focus back on the figure).
  useEffect(() => {
    if (obs.id) ref.current?.focus({ preventScroll: true });
  }, [obs.id]);
  const cat = categoryOf(report, obs);
  const c = obs.comparison;
  const comparison = c
    ? [
        m[c.direction],
        c.change ? printedOf(c.change) : "",
        c.percent ? printedOf(c.percent) : "",
        c.points ? printedOf(c.points) : "",
        c.baseline ? `${m.vsBaseline} ${printedOf(c.baseline.quantity)} (${periodLabel(c.baseline.period, lang)})` : "",
      ]
        .filter(Boolean)
        .join(" ")
    : undefined;
  const rows: [string, React.ReactNode][] = [
    [
      m.explorer.indicator,
      <>
        {indicatorName(report, obs)[lang]} <code>{obs.indicator}</code>
      </>,
    ],
    [
      m.explorer.value,
      <b key="value" className="figure">
        {printedOf(obs.quantity)}
      </b>,
    ],
    [m.explorer.qualifier, m.qualifiers[obs.quantity.qualifier]],
    [m.explorer.role, m.roles[obs.role]],
    [m.explorer.periodCol, periodLabel(obs.period, lang)],
    ...(cat ? ([[m.explorer.category, CATEGORY_NAMES[cat][lang]]] as [string, string][]) : []),
    ...(obs.subject ? ([[m.explorer.subject, obs.subject]] as [string, string][]) : []),
    ...(comparison ? ([[s.comparison, comparison]] as [string, string][]) : []),
    [s.section, obs.section.join(" / ")],
    [s.quote, <q key="quote">{obs.source.quote}</q>],
    [s.offset, String(obs.source.offset)],
    ...(obs.notes ? ([[s.notes, obs.notes]] as [string, string][]) : []),
  ];
  return (
    <aside
      ref={ref}
      tabIndex={-1}
      className="obs-panel"
      aria-labelledby="obs-panel-title"
      data-testid="obs-panel"
      data-obs={obs.id}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header>
        <h3 id="obs-panel-title">
          {s.observation} <code>{obs.id}</code>
        </h3>
        <button type="button" className="close" onClick={onClose} aria-label={s.close}>
          ×
        </button>
      </header>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {placement && placement !== "figure" && (
        <p className="msg warning">{placement === "quote" ? s.wholeQuote : s.moved}</p>
      )}
      {placement === undefined && <p className="msg warning">{m.sourceView.notFound}</p>}
      {findings.length > 0 && (
        <section>
          <h4>{s.findings}</h4>
          <ul className="panel-findings">
            {findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id
              <li key={i} className={`sev-${f.severity}`}>
                <span className="badge">{m.severities[f.severity]}</span> {f.message[lang]}
                {f.acknowledged && <span className="badge ack">{m.checksView.acknowledged}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <a href={explorerHref}>{m.openInExplorer} →</a>
    </aside>
  );
}
