import { periodLabel } from "@govreport/schema";
import { lazy, Suspense, useMemo } from "react";
import { absoluteUrl } from "../charts/share.js";
import { ChecksSummary } from "../components/ChecksSummary.js";
import { FindingBadge } from "../components/FindingBadge.js";
import { Share } from "../components/Share.js";
import { type Lang, MESSAGES, type Messages } from "../i18n.js";
import { findingsByObservation, firstComparisonChart, type PointFinding } from "../model/chart-specs.js";
import { citeText } from "../model/cite.js";
import { englishFigure } from "../model/english.js";
import { type HeadlineCard, type HeadlineValue, headlineCards } from "../model/headline.js";
import type { LoadedReport } from "../model/loaded.js";
import type { ViewProps } from "./types.js";

// ECharts is the largest library; the cards and identity paint first, the chart follows.
const OverviewChart = lazy(() => import("./OverviewChart.js"));

function comparisonText(v: HeadlineValue, lang: Lang, m: Messages): string | undefined {
  if (!v.direction) return undefined;
  const parts: string[] = [];
  const dir = m[v.direction];
  if (lang === "zh") {
    if (v.baseline) parts.push(`比${periodLabel(v.baseline.period, "zh")}${v.baseline.printed}`);
    if (v.change) parts.push(`${dir}${v.change}`);
    if (v.percent) parts.push(`${v.direction === "increase" ? "增幅" : "降幅"}${v.percent}`);
    if (v.points) parts.push(`${dir}${v.points}`);
    if (parts.length === 0) parts.push(dir);
    return parts.join(",");
  }
  const change = [v.change, v.percent, v.points].filter(Boolean).join(", ");
  parts.push(`${dir}${change ? ` ${change}` : ""}`);
  if (v.baseline) parts.push(`${m.vsBaseline} ${v.baseline.printed} (${periodLabel(v.baseline.period, "en")})`);
  return parts.join(" ");
}

function Card({
  card,
  props,
  findings,
}: {
  card: HeadlineCard;
  props: ViewProps;
  findings: ReadonlyMap<string, PointFinding[]>;
}) {
  const { lang, state, href, showInText, loaded } = props;
  const m = MESSAGES[lang];
  // A card's permalink: the explorer on the card's indicator, every figure with its quote.
  const cardUrl = absoluteUrl(props, { view: "explorer", report: state.report, lang, ind: card.indicator.id });
  return (
    <article className="card" data-indicator={card.indicator.id}>
      <h3>{card.indicator.name[lang]}</h3>
      {card.values.map((v) => {
        const cmp = comparisonText(v, lang, m);
        const en = lang === "en" ? englishFigure(v.obs.quantity, loaded.report.units) : undefined;
        return (
          <div className="card-value" key={v.obs.id}>
            <p className="figure-line">
              <span className="figure" data-testid="headline-figure" data-obs={v.obs.id} lang="zh-CN">
                {v.printed}
              </span>
              <FindingBadge findings={findings.get(v.obs.id)} lang={lang} />
            </p>
            {en && (
              <p className="figure-en" data-testid="figure-en">
                {en}
              </p>
            )}
            <p className="meta">
              {periodLabel(v.obs.period, lang)}
              {v.obs.role !== "actual" && <span className="badge role">{m.roles[v.obs.role]}</span>}
              {v.obs.quantity.qualifier !== "exact" && (
                <span className="badge qualifier">{m.qualifiers[v.obs.quantity.qualifier]}</span>
              )}
            </p>
            {v.obs.subject && <p className="subject">{v.obs.subject}</p>}
            {cmp && (
              <p className={`change ${v.direction}`} data-testid="headline-change">
                {cmp}
              </p>
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => showInText(v.obs.id)}
              data-testid="see-in-text"
            >
              {m.seeInText}
            </button>
          </div>
        );
      })}
      <Share
        lang={lang}
        url={cardUrl}
        cite={citeText(
          loaded.report,
          card.indicator.name[lang],
          card.values.map((v) => ({ printed: v.printed, quote: v.obs.source.quote })),
          cardUrl,
          lang,
          loaded.origin,
        )}
        testId="card-share"
      />
      {card.more > 0 && (
        <a className="more" href={href({ view: "explorer", report: state.report, lang, ind: card.indicator.id })}>
          {m.more(card.more)}
        </a>
      )}
    </article>
  );
}

function Identity({ loaded, lang }: { loaded: LoadedReport; lang: Lang }) {
  const m = MESSAGES[lang];
  const r = loaded.report;
  const place = [...r.jurisdiction.parents.map((p) => p.name[lang]), r.jurisdiction.name[lang]].join(
    lang === "zh" ? "" : ", ",
  );
  const session = r.session
    ? `${r.session.body[lang]}${
        r.session.meeting ? (lang === "zh" ? `第${r.session.meeting}次会议` : `, meeting ${r.session.meeting}`) : ""
      }`
    : undefined;
  const speaker = r.speaker
    ? `${lang === "en" && r.speaker.en ? r.speaker.en : r.speaker.zh}${r.speaker.title ? `, ${r.speaker.title[lang]}` : ""}`
    : undefined;
  const rows: [string, React.ReactNode][] = [
    [m.place, place],
    ...(session ? ([[m.session, session]] as [string, string][]) : []),
    ...(r.delivered ? ([[m.delivered, r.delivered]] as [string, string][]) : []),
    ...(r.published ? ([[m.published, r.published]] as [string, string][]) : []),
    ...(speaker ? ([[m.speaker, speaker]] as [string, string][]) : []),
    [m.period, periodLabel(r.period, lang)],
    [
      m.source,
      <>
        {r.source.url ? <span className="url">{r.source.url}</span> : (r.source.file ?? loaded.fileName ?? "")}
        {r.source.chars !== undefined && ` · ${r.source.chars} ${m.characters}`}
        <br />
        <span className="sha" title={m.sha256}>
          SHA-256 <code>{r.source.sha256}</code>
        </span>
      </>,
    ],
  ];
  return (
    <section className="identity" aria-labelledby="report-title">
      <h2 id="report-title">{r.title[lang]}</h2>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {loaded.notes.length > 0 && (
        <ul className="notes">
          {loaded.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChecksState({ props }: { props: ViewProps }) {
  const { loaded, lang, state, href } = props;
  const m = MESSAGES[lang];
  const { valid } = loaded.checks;
  const cls = !valid ? "invalid" : loaded.origin === "shipped" ? "valid" : "unverified";
  return (
    <section className={`checks-state ${cls}`} aria-labelledby="checks-state-title">
      <h2 id="checks-state-title">{m.checksState}</h2>
      <ChecksSummary loaded={loaded} lang={lang} findings={loaded.checks.findings} />
      <a href={href({ view: "checks", report: state.report, lang })}>{m.views.checks} →</a>
    </section>
  );
}

export function Overview(props: ViewProps) {
  const { loaded, lang } = props;
  const m = MESSAGES[lang];
  const cards = useMemo(() => headlineCards(loaded.report), [loaded.report]);
  const findings = useMemo(() => findingsByObservation(loaded.checks), [loaded.checks]);
  const yoy = useMemo(() => firstComparisonChart(loaded.report, loaded.checks), [loaded.report, loaded.checks]);
  const draft = loaded.origin === "text";
  return (
    <div className="overview">
      <section aria-labelledby="headline-title" className="headline">
        <h2 id="headline-title">{draft ? m.headlineDraft : m.headline}</h2>
        <div className="cards">
          {cards.map((c) => (
            <Card key={c.indicator.id} card={c} props={props} findings={findings} />
          ))}
        </div>
      </section>
      <Identity loaded={loaded} lang={lang} />
      <div className="overview-bottom">
        <ChecksState props={props} />
        {yoy && (
          <Suspense fallback={<div className="chart-placeholder">{m.loading}</div>}>
            <OverviewChart spec={yoy} {...props} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
