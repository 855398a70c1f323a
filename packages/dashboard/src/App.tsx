import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { LocalBanner } from "./components/LocalBanner.js";
import { MESSAGES } from "./i18n.js";
import type { LoadedReport } from "./model/loaded.js";
import { DEFAULT_REPORT, SHIPPED_IDS, shippedReport } from "./model/shipped.js";
import { type AppState, VIEWS } from "./state/url.js";
import { useAppState } from "./state/use-app-state.js";
import { Overview } from "./views/Overview.js";
import type { LoadedSeries } from "./views/SeriesView.js";
import type { ViewProps } from "./views/types.js";

// The first view is in the entry chunk; the others (and their libraries) load when opened.
const Categories = lazy(() => import("./views/Categories.js"));
const Explorer = lazy(() => import("./views/Explorer.js"));
const SourceView = lazy(() => import("./views/SourceView.js"));
const Checks = lazy(() => import("./views/Checks.js"));
const LoadView = lazy(() => import("./views/LoadView.js"));
const SeriesView = lazy(() => import("./views/SeriesView.js"));

export function App() {
  const { state, navigate, href } = useAppState(DEFAULT_REPORT);
  const [local, setLocal] = useState<LoadedReport | null>(null);
  // Several reports loaded together (the series view); one of them opens as "local" in the other views.
  const [series, setSeries] = useState<LoadedSeries | null>(null);
  const m = MESSAGES[state.lang];

  // A link naming a report that does not exist says so; it never silently shows another report.
  const unknownReport = state.report !== "local" && !SHIPPED_IDS.includes(state.report);
  const loaded: LoadedReport | undefined =
    state.report === "local" ? (local ?? undefined) : unknownReport ? undefined : shippedReport(state.report);

  // On a narrow screen the tabs scroll sideways: keep the active one in view.
  useEffect(() => {
    document
      .querySelector<HTMLElement>(`nav.tabs a[data-view="${state.view}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [state.view]);
  useEffect(() => {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  }, [state.lang]);
  useEffect(() => {
    const t = loaded ? `${loaded.report.title[state.lang]} · ` : "";
    document.title = `${t}${m.views[state.view]} · ${m.appTitle}`;
  }, [loaded, state.lang, state.view, m]);

  const showInText = useCallback(
    (obsId: string) => navigate({ view: "source", report: state.report, lang: state.lang, obs: obsId }),
    [navigate, state.report, state.lang],
  );

  const openLocal = useCallback(
    () => navigate({ view: "overview", report: "local", lang: state.lang }),
    [navigate, state.lang],
  );

  const openSeries = useCallback(
    () => navigate({ view: "series", report: state.report, lang: state.lang }),
    [navigate, state.report, state.lang],
  );
  // A figure of the series opens at its place in its report's text (that report becomes "local").
  const openSeriesFigure = useCallback(
    (report: number, obsId: string) => {
      const l = series?.loaded[report];
      if (!l) return;
      setLocal(l);
      navigate({ view: "source", report: "local", lang: state.lang, obs: obsId });
    },
    [navigate, series, state.lang],
  );

  const otherLang = state.lang === "zh" ? "en" : "zh";
  const nav = (view: AppState["view"]): AppState => ({ view, report: state.report, lang: state.lang });

  let body: React.ReactNode;
  if (state.view === "load") {
    body = (
      <LoadView
        lang={state.lang}
        onLoaded={setLocal}
        onOpen={openLocal}
        current={local}
        onSeries={setSeries}
        onOpenSeries={openSeries}
        series={series}
      />
    );
  } else if (state.view === "series") {
    body = (
      <SeriesView
        series={series}
        lang={state.lang}
        loadHref={href({ view: "load", report: state.report, lang: state.lang })}
        onOpen={openSeriesFigure}
      />
    );
  } else if (unknownReport) {
    body = (
      <div className="notice" role="alert" data-testid="unknown-report">
        <p>{m.unknownReport(state.report)}</p>
        <a href={href({ view: state.view, report: DEFAULT_REPORT, lang: state.lang })}>{m.openDefault}</a>
      </div>
    );
  } else if (!loaded) {
    body = (
      <div className="notice" role="status">
        <p>{m.loadView.localGone}</p>
        <a href={href({ view: "load", report: state.report, lang: state.lang })}>{m.views.load}</a>
      </div>
    );
  } else {
    const props: ViewProps = { loaded, lang: state.lang, state, navigate, href, showInText };
    body =
      state.view === "overview" ? (
        <Overview {...props} />
      ) : state.view === "categories" ? (
        <Categories {...props} />
      ) : state.view === "explorer" ? (
        <Explorer {...props} />
      ) : state.view === "source" ? (
        <SourceView {...props} />
      ) : (
        <Checks {...props} />
      );
  }

  return (
    <div className="app">
      {/* A button, not a link to #main: the hash holds the app's state. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById("main")?.focus()}>
        {m.skipToContent}
      </button>
      <header className="top">
        <div className="brand">
          <h1>{m.appTitle}</h1>
          <p>{m.appSubtitle}</p>
        </div>
        <div className="top-controls">
          {(SHIPPED_IDS.length > 1 || local) && (
            <label className="report-pick">
              <span className="visually-hidden">{m.report}</span>
              <select
                value={state.report}
                onChange={(e) => navigate({ ...state, report: e.target.value, obs: undefined } as AppState)}
              >
                <optgroup label={m.shipped}>
                  {SHIPPED_IDS.map((id) => (
                    <option key={id} value={id}>
                      {shippedReport(id)?.report.title[state.lang] ?? id}
                    </option>
                  ))}
                </optgroup>
                {local && (
                  <optgroup label={m.local}>
                    <option value="local">{local.fileName ?? local.report.title[state.lang]}</option>
                  </optgroup>
                )}
              </select>
            </label>
          )}
          <a
            className="lang-switch"
            href={href({ ...state, lang: otherLang })}
            lang={otherLang === "zh" ? "zh-CN" : "en"}
            aria-label={m.switchLangLabel}
            data-testid="lang-switch"
          >
            {m.switchLang}
          </a>
        </div>
        <nav className="tabs" aria-label={m.appTitle}>
          {VIEWS.map((v) => (
            <a
              key={v}
              href={href(nav(v))}
              aria-current={state.view === v ? "page" : undefined}
              className={state.view === v ? "active" : undefined}
              data-view={v}
            >
              {m.views[v]}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" data-view={state.view} tabIndex={-1}>
        {loaded && loaded.origin !== "shipped" && state.view !== "load" && (
          <LocalBanner loaded={loaded} lang={state.lang} />
        )}
        <ErrorBoundary key={`${state.view}:${state.report}`} title={m.error}>
          <Suspense fallback={<p className="loading">{m.loading}</p>}>{body}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="foot">
        <p>
          govreport · {loaded?.report.id ?? ""} · <span lang="en">MIT</span>
        </p>
      </footer>
    </div>
  );
}
