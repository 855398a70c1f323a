import { CATEGORIES, CATEGORY_NAMES, periodLabel, QUALIFIERS, ROLES } from "@govreport/schema";
import { useEffect, useMemo, useRef, useState } from "react";
import { FindingBadge } from "../components/FindingBadge.js";
import { MESSAGES } from "../i18n.js";
import { findingsByObservation } from "../model/chart-specs.js";
import { observationsCsv } from "../model/csv.js";
import { englishFigure } from "../model/english.js";
import { filterRows, observationRows, type SortKey, sortRows } from "../model/rows.js";
import type { AppState } from "../state/url.js";
import { download } from "../util/download.js";
import type { ViewProps } from "./types.js";

/** Rows rendered at first and added each time the reader nears the end of the table. */
export const ROW_PAGE = 200;

export default function Explorer(props: ViewProps) {
  const { loaded, lang, state, navigate, showInText } = props;
  const m = MESSAGES[lang];
  const e = m.explorer;
  const all = useMemo(() => observationRows(loaded.report), [loaded.report]);
  const filter = { q: state.q, category: state.cat, indicator: state.ind, role: state.role, qualifier: state.qual };
  const sort: SortKey = state.sort ?? "offset";
  const dir = state.dir ?? "asc";
  const rows = useMemo(
    () =>
      sortRows(
        filterRows(all, {
          q: state.q,
          category: state.cat,
          indicator: state.ind,
          role: state.role,
          qualifier: state.qual,
        }),
        sort,
        dir,
        lang,
      ),
    [all, state.q, state.cat, state.ind, state.role, state.qual, sort, dir, lang],
  );
  const findings = useMemo(() => findingsByObservation(loaded.checks), [loaded.checks]);
  // Long tables render a page of rows and add more as the reader scrolls near the end, so
  // 5,000 observations do not lay out 5,000 rows at once. A selected row is always rendered.
  const selectedIndex = state.obs ? rows.findIndex((r) => r.observation_id === state.obs) : -1;
  const [limit, setLimit] = useState(ROW_PAGE);
  const shownRows = rows.slice(0, Math.max(limit, selectedIndex + 1));
  const sentinel = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + ROW_PAGE);
      },
      { rootMargin: "600px" },
    );
    io.observe(el);
    return () => io.disconnect();
  });
  const selectedRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (state.obs) selectedRef.current?.scrollIntoView({ block: "center" });
  }, [state.obs]);

  const set = (patch: Partial<AppState>, replace = false) => navigate({ ...state, ...patch }, { replace });
  const filtered = Object.values(filter).some(Boolean);

  const onDownload = () => {
    const byId = new Map(loaded.report.observations.map((o) => [o.id, o]));
    const shown = rows.map((r) => byId.get(r.observation_id)).filter((o) => o !== undefined);
    download(
      `${loaded.report.id}-observations${filtered ? "-filtered" : ""}.csv`,
      observationsCsv(loaded.report, shown),
      "text/csv;charset=utf-8",
    );
  };

  const header = (key: SortKey, label: string) => {
    const active = sort === key;
    return (
      <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
        <button
          type="button"
          className="sort"
          data-sort={key}
          onClick={() => set({ sort: key, dir: active && dir === "asc" ? "desc" : "asc" }, true)}
        >
          {label}
          <span aria-hidden="true">{active ? (dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="explorer">
      <search>
        <form className="filters" onSubmit={(ev) => ev.preventDefault()}>
          <label>
            <span>{e.search}</span>
            <input
              type="search"
              name="q"
              value={state.q ?? ""}
              placeholder={e.searchPlaceholder}
              onChange={(ev) => set({ q: ev.target.value || undefined }, true)}
            />
          </label>
          <label>
            <span>{e.category}</span>
            <select
              name="cat"
              value={state.cat ?? ""}
              onChange={(ev) => set({ cat: ev.target.value || undefined }, true)}
            >
              <option value="">{e.allCategories}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_NAMES[c][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{e.role}</span>
            <select
              name="role"
              value={state.role ?? ""}
              onChange={(ev) => set({ role: ev.target.value || undefined }, true)}
            >
              <option value="">{e.allRoles}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {m.roles[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{e.qualifier}</span>
            <select
              name="qual"
              value={state.qual ?? ""}
              onChange={(ev) => set({ qual: ev.target.value || undefined }, true)}
            >
              <option value="">{e.allQualifiers}</option>
              {QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {m.qualifiers[q]}
                </option>
              ))}
            </select>
          </label>
          <div className="filter-actions">
            {state.ind && (
              <button
                type="button"
                className="chip"
                data-testid="indicator-filter"
                onClick={() => set({ ind: undefined }, true)}
                aria-label={`${e.indicator}: ${all.find((r) => r.indicator === state.ind)?.[lang === "zh" ? "indicator_zh" : "indicator_en"] ?? state.ind} ×`}
              >
                {e.indicator}:{" "}
                {all.find((r) => r.indicator === state.ind)?.[lang === "zh" ? "indicator_zh" : "indicator_en"] ??
                  state.ind}{" "}
                ×
              </button>
            )}
            <p className="row-count" data-testid="row-count" aria-live="polite">
              {e.rows(rows.length, all.length)}
            </p>
            {filtered && (
              <button
                type="button"
                className="link-button"
                onClick={() => set({ q: undefined, cat: undefined, ind: undefined, role: undefined, qual: undefined })}
              >
                {e.clear}
              </button>
            )}
            <button type="button" className="primary" onClick={onDownload} data-testid="download-csv">
              {e.download}
            </button>
          </div>
        </form>
      </search>
      <div className="table-wrap">
        <table className="data-table explorer-table">
          <thead>
            <tr>
              {header("indicator", e.indicator)}
              {header("value", e.value)}
              {header("qualifier", e.qualifier)}
              {header("role", e.role)}
              {header("period", e.periodCol)}
              {header("category", e.category)}
              <th scope="col">{e.subject}</th>
              {header("offset", m.sourceView.quote)}
            </tr>
          </thead>
          <tbody>
            {shownRows.map((r) => {
              const en =
                lang === "en"
                  ? englishFigure(
                      {
                        value: r.value,
                        unit: r.unit,
                        decimals: r.decimals,
                        qualifier: r.qualifier,
                        ...(r.max === undefined ? {} : { max: r.max }),
                      },
                      loaded.report.units,
                    )
                  : undefined;
              return (
                <tr
                  key={r.observation_id}
                  data-obs={r.observation_id}
                  ref={r.observation_id === state.obs ? selectedRef : undefined}
                  className={r.observation_id === state.obs ? "selected" : undefined}
                >
                  <td className="ind" data-label={e.indicator}>
                    <span className="name">{lang === "zh" ? r.indicator_zh : r.indicator_en}</span>
                    <code className="id">{r.indicator}</code>
                  </td>
                  <td className="num" data-label={e.value}>
                    <span className="printed" lang="zh-CN">
                      {r.printed}
                    </span>
                    <FindingBadge findings={findings.get(r.observation_id)} lang={lang} />
                    {en && <span className="figure-en">{en}</span>}
                  </td>
                  <td data-label={e.qualifier}>{m.qualifiers[r.qualifier]}</td>
                  <td data-label={e.role}>{m.roles[r.role]}</td>
                  <td data-label={e.periodCol}>{periodLabel(r.period, lang)}</td>
                  <td data-label={e.category}>{r.category ? CATEGORY_NAMES[r.category][lang] : ""}</td>
                  <td data-label={e.subject}>{r.subject}</td>
                  <td className="quote" data-label={m.sourceView.quote}>
                    <button type="button" className="link-button" onClick={() => showInText(r.observation_id)}>
                      {m.seeInText}
                    </button>
                    <span className="quote-text">{r.quote}</span>
                  </td>
                </tr>
              );
            })}
            {shownRows.length < rows.length && (
              <tr ref={sentinel} className="more-rows" data-testid="more-rows">
                <td colSpan={8}>
                  <button type="button" className="link-button" onClick={() => setLimit((l) => l + ROW_PAGE)}>
                    {e.moreRows(rows.length - shownRows.length)}
                  </button>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
