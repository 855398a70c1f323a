import { CATEGORY_NAMES } from "@govreport/schema";
import { useEffect, useMemo } from "react";
import { ChartCard } from "../charts/Chart.js";
import { buildChart } from "../charts/options/index.js";
import { chartShare } from "../charts/share.js";
import { FigureList } from "../components/FigureList.js";
import { MESSAGES } from "../i18n.js";
import { categoryView, observationsByCategory } from "../model/chart-specs.js";
import type { ViewProps } from "./types.js";

export default function Categories(props: ViewProps) {
  const { loaded, lang, state, href, showInText } = props;
  const m = MESSAGES[lang];
  const categories = useMemo(() => [...observationsByCategory(loaded.report).keys()], [loaded.report]);
  const cat = categories.find((c) => c === state.cat) ?? categories[0];
  // Only the category shown is computed: all eight at once are a long task on a large report.
  const current = useMemo(
    () => (cat ? categoryView(loaded.report, cat, loaded.checks) : undefined),
    [loaded.report, loaded.checks, cat],
  );
  const charts = useMemo(
    () => (current ? current.charts.map((spec) => ({ spec, built: buildChart(spec, lang) })) : []),
    [current, lang],
  );
  // A chart's permalink opens its category with the chart in view and focused.
  useEffect(() => {
    if (!state.chart) return;
    const el = document.getElementById(state.chart);
    el?.scrollIntoView({ block: "start" });
    el?.focus({ preventScroll: true });
  }, [state.chart]);
  if (!current) return <p>{m.categories.noCharts}</p>;
  return (
    <div className="categories">
      <nav className="pills" aria-label={m.categories.pick}>
        {categories
          .map((c) => ({ category: c }))
          .map((v) => (
            <a
              key={v.category}
              href={href({ view: "categories", report: state.report, lang, cat: v.category })}
              aria-current={v.category === current.category ? "true" : undefined}
              className={v.category === current.category ? "active" : undefined}
              data-category={v.category}
            >
              {CATEGORY_NAMES[v.category][lang]}
            </a>
          ))}
      </nav>
      <h2>{CATEGORY_NAMES[current.category][lang]}</h2>
      {charts.length === 0 && <p>{m.categories.noCharts}</p>}
      <div className="chart-grid">
        {charts.map(({ spec, built }) => (
          <ChartCard
            key={built.id}
            chart={built}
            lang={lang}
            onSelect={showInText}
            share={chartShare(spec, built, props)}
          />
        ))}
      </div>
      {current.rest.length > 0 && (
        <section aria-labelledby="rest-title">
          <h3 id="rest-title">{m.categories.rest}</h3>
          <FigureList report={loaded.report} observations={current.rest} lang={lang} showInText={showInText} />
        </section>
      )}
    </div>
  );
}
