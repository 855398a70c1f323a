import { type Observation, periodLabel, type Report } from "@govreport/schema";
import { type Lang, MESSAGES } from "../i18n.js";
import { indicatorName, printedOf } from "../model/loaded.js";

/** Figures that no chart shows, as a compact list, each linked to its place in the text. */
export function FigureList({
  report,
  observations,
  lang,
  showInText,
}: {
  report: Report;
  observations: readonly Observation[];
  lang: Lang;
  showInText: (obsId: string) => void;
}) {
  const m = MESSAGES[lang];
  return (
    <ul className="figure-list">
      {observations.map((o) => (
        <li key={o.id}>
          <button type="button" className="figure-item" onClick={() => showInText(o.id)} title={o.source.quote}>
            <span className="name">{indicatorName(report, o)[lang]}</span>
            <span className="figure">{printedOf(o.quantity)}</span>
            <span className="meta">
              {periodLabel(o.period, lang)} · {m.roles[o.role]}
              {o.subject ? ` · ${o.subject}` : ""}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
