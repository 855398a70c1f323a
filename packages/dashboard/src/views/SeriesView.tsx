import { type Figure, type PromisePair, VERDICTS, type Verdict } from "@govreport/data/panel";
import { useEffect, useMemo, useRef, useState } from "react";
import { ChartCard } from "../charts/Chart.js";
import { pairKey, promisesChart, seriesLineChart } from "../charts/options/series.js";
import type { Lang } from "../i18n.js";
import { SERIES_MESSAGES } from "../i18n-series.js";
import type { LoadedReport } from "../model/loaded.js";
import { parsePointKey, reportIndexOf, type SeriesModel } from "../model/series.js";
import "./series.css";

export interface LoadedSeries {
  loaded: LoadedReport[];
  model: SeriesModel;
}

/** A quote to show: one figure of one report. */
interface QuoteRef {
  report: number;
  obsId: string;
  label: string;
  printed: string;
  quote: string;
  offset: number;
}

type Selection = { where: "series" | "promises"; quotes: QuoteRef[]; title: string };

/** The quote, its printed figure marked. */
function Quote({ quote, printed }: { quote: string; printed: string }) {
  const i = printed ? quote.indexOf(printed) : -1;
  if (i < 0) return <>{quote}</>;
  return (
    <>
      {quote.slice(0, i)}
      <mark>{printed}</mark>
      {quote.slice(i + printed.length)}
    </>
  );
}

function QuotePanel({
  selection,
  model,
  lang,
  onOpen,
  onClose,
}: {
  selection: Selection;
  model: SeriesModel;
  lang: Lang;
  onOpen: (report: number, obsId: string) => void;
  onClose: () => void;
}) {
  const m = SERIES_MESSAGES[lang];
  const ref = useRef<HTMLElement>(null);
  // Focus moves into the panel, so a keyboard reader lands on the quote they asked for.
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <section
      ref={ref}
      className="series-quote"
      tabIndex={-1}
      aria-label={m.quoteTitle}
      data-testid="series-quote"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <header>
        <h4>{selection.title}</h4>
        <button type="button" className="link-button" onClick={onClose}>
          {m.close}
        </button>
      </header>
      {selection.quotes.map((q) => {
        const r = model.reports[q.report];
        return (
          <div key={`${q.report}:${q.obsId}`} className="series-quote-item" data-obs={q.obsId}>
            <p className="hint">
              {q.label} · {r ? (r.fileName ?? r.title[lang]) : ""} · {m.offset(q.offset)}
            </p>
            <blockquote lang="zh-CN" data-testid="series-quote-text">
              <Quote quote={q.quote} printed={q.printed} />
            </blockquote>
            <button
              type="button"
              className="link-button"
              data-testid="open-in-source"
              onClick={() => onOpen(q.report, q.obsId)}
            >
              {m.openInSource}
            </button>
          </div>
        );
      })}
    </section>
  );
}

const figureQuote = (model: SeriesModel, f: Figure, label: string): QuoteRef => ({
  report: reportIndexOf(model, f.report),
  obsId: f.observation,
  label,
  printed: f.printed,
  quote: f.quote,
  offset: f.offset,
});

/**
 * Several reports at once: a time series per indicator across them, and each report's targets
 * against the next report's results. Every point and row opens its quote here, and from there
 * its place in the source text.
 */
export default function SeriesView({
  series,
  lang,
  loadHref,
  onOpen,
}: {
  series: LoadedSeries | null;
  lang: Lang;
  loadHref: string;
  onOpen: (report: number, obsId: string) => void;
}) {
  const m = SERIES_MESSAGES[lang];
  const model = series?.model;
  // Lines worth drawing: two figures or more (two years, or a target and a result).
  const lines = useMemo(() => (model ? model.series.filter((s) => s.points.length > 1) : []), [model]);
  const [pick, setPick] = useState(0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [verdict, setVerdict] = useState<Verdict | "all">("all");
  const current = lines[Math.min(pick, Math.max(0, lines.length - 1))];
  const lineChart = useMemo(
    () => (model && current ? seriesLineChart(current, model, lang, "series-line") : undefined),
    [model, current, lang],
  );
  const pairsChart = useMemo(() => (model ? promisesChart(model, lang, "series-promises") : undefined), [model, lang]);

  if (!model) {
    return (
      <div className="notice" role="status" data-testid="series-none">
        <p>{m.none}</p>
        <a href={loadHref}>{m.toLoad}</a>
      </div>
    );
  }
  const { promises } = model;

  const showPoint = (key: string) => {
    const k = parsePointKey(key);
    const p = k && current?.points.find((x) => x.report === k.report && x.obsId === k.obsId);
    if (!p || !current) return;
    setSelection({
      where: "series",
      title: `${p.year} · ${current.name[lang]} · ${m[p.role]}`,
      quotes: [
        { report: p.report, obsId: p.obsId, label: m[p.role], printed: p.printed, quote: p.quote, offset: p.offset },
      ],
    });
  };
  const showPair = (p: PromisePair) =>
    setSelection({
      where: "promises",
      title: `${p.jurisdiction} ${p.year} · ${p.name} · ${m.verdicts[p.verdict]}`,
      quotes: [
        figureQuote(model, p.target, m.targetQuote),
        ...(p.result ? [figureQuote(model, p.result, m.resultQuote)] : []),
      ],
    });
  const onPairKey = (key: string) => {
    const i = Number(/^pair:(\d+)$/.exec(key)?.[1]);
    const p = promises.pairs[i];
    if (p) showPair(p);
  };
  const panel = (where: Selection["where"]) =>
    selection?.where === where ? (
      <QuotePanel
        key={selection.title + selection.quotes.map((q) => q.obsId).join()}
        selection={selection}
        model={model}
        lang={lang}
        onOpen={onOpen}
        onClose={() => setSelection(null)}
      />
    ) : null;

  return (
    <div className="series-view" data-testid="series-view">
      <h2>{m.title}</h2>
      <div className="table-wrap">
        <table className="data-table" data-testid="series-reports">
          <caption>{m.reports(model.reports.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.placeCol}</th>
              <th scope="col">{m.yearCol}</th>
              <th scope="col">{m.reportCol}</th>
              <th scope="col">{m.fileCol}</th>
              <th scope="col">{m.observationsCol}</th>
            </tr>
          </thead>
          <tbody>
            {model.reports.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: reports are positional (ids may repeat)
              <tr key={i}>
                <td>{r.jurisdiction}</td>
                <td>{r.year ?? "?"}</td>
                <td>{r.title[lang]}</td>
                <td>{r.fileName ?? ""}</td>
                <td className="num">{r.observations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="series-lines-title" className="series-section">
        <h3 id="series-lines-title">{m.seriesTitle}</h3>
        <p className="hint">{m.seriesIntro}</p>
        {lines.length === 0 || !lineChart ? (
          <p>{m.noSeries}</p>
        ) : (
          <>
            <label className="series-pick">
              {m.indicator}{" "}
              <select
                value={Math.min(pick, lines.length - 1)}
                data-testid="series-indicator"
                onChange={(e) => {
                  setPick(Number(e.target.value));
                  setSelection(null);
                }}
              >
                {lines.map((s, i) => (
                  <option key={s.key} value={i} data-indicator={s.indicator}>
                    {`${s.jurisdiction} · ${s.name[lang]}${s.unit ? ` (${s.unit})` : ""}${s.match === "report_local" ? ` · ${m.reportLocal}` : ""} · ${m.points(s.points.length)}`}
                  </option>
                ))}
              </select>
            </label>
            <ChartCard chart={lineChart} lang={lang} onSelect={showPoint} />
            {panel("series")}
          </>
        )}
      </section>

      <section aria-labelledby="series-promises-title" className="series-section">
        <h3 id="series-promises-title">{m.promisesTitle}</h3>
        <p className="hint">{m.promisesIntro(promises.aboutTolerance * 100)}</p>
        <p data-testid="promises-summary">
          {m.summary(promises.summary.pairs, promises.summary.absences, promises.summary.pending)}
        </p>
        {promises.pairs.length === 0 ? (
          <p>{m.noPairs}</p>
        ) : (
          <>
            {pairsChart && <ChartCard chart={pairsChart} lang={lang} onSelect={onPairKey} />}
            {panel("promises")}
            <label className="series-pick">
              {m.verdictCol}{" "}
              <select
                value={verdict}
                data-testid="verdict-filter"
                onChange={(e) => setVerdict(e.target.value as Verdict | "all")}
              >
                <option value="all">{m.allVerdicts(promises.pairs.length)}</option>
                {VERDICTS.filter((v) => promises.summary[v] > 0).map((v) => (
                  <option key={v} value={v}>
                    {`${m.verdicts[v]} (${promises.summary[v]})`}
                  </option>
                ))}
              </select>
            </label>
            <div className="table-wrap">
              <table className="data-table" data-testid="promises-table">
                <thead>
                  <tr>
                    <th scope="col">{m.placeCol}</th>
                    <th scope="col">{m.yearCol}</th>
                    <th scope="col">{m.indicator}</th>
                    <th scope="col">{m.targetCol}</th>
                    <th scope="col">{m.resultCol}</th>
                    <th scope="col">{m.verdictCol}</th>
                    <th scope="col">{m.reasonCol}</th>
                    <th scope="col">{m.quoteButtons}</th>
                  </tr>
                </thead>
                <tbody>
                  {promises.pairs.map((p, i) =>
                    verdict !== "all" && p.verdict !== verdict ? null : (
                      <tr key={pairKey(i)} data-verdict={p.verdict} data-indicator={p.indicator}>
                        <td>{p.jurisdiction}</td>
                        <td>{p.year}</td>
                        <td>{p.name}</td>
                        <td>
                          {p.target.printed}
                          {p.role === "plan" && <span className="hint"> ({m.planned})</span>}
                        </td>
                        <td>{p.result?.printed ?? "—"}</td>
                        <td>
                          <span className={`verdict verdict-${p.verdict}`}>{m.verdicts[p.verdict]}</span>
                        </td>
                        {/* The reason is worded by the pairing code, in English, as the CLI prints it. */}
                        <td className="reason" lang="en">
                          {p.reason}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            data-testid="pair-quotes"
                            aria-label={`${m.quoteButtons}: ${p.year} ${p.name}`}
                            onClick={() => showPair(p)}
                          >
                            {m.quoteButtons}
                          </button>
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          </>
        )}
        {promises.absences.length > 0 && (
          <>
            <h4>{m.absencesTitle}</h4>
            <ul data-testid="promises-absences">
              {promises.absences.map((a) => (
                <li key={`${a.jurisdiction}:${a.year}:${a.indicator}`}>
                  {a.jurisdiction} {a.year} · {a.name} ({a.lastTarget.printed}) ·{" "}
                  {a.status === "not_stated" ? m.absenceStated : m.absenceNotFound}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
