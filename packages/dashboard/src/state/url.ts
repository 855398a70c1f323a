import type { Lang } from "../i18n.js";
import { SORT_KEYS, type SortKey } from "../model/rows.js";

export const VIEWS = ["overview", "categories", "explorer", "source", "checks", "load", "series"] as const;
export type View = (typeof VIEWS)[number];

/** Everything a link can carry: the view, the report, the language, filters and a selected observation. */
export interface AppState {
  view: View;
  /** Shipped report id, or "local" for a report loaded in this page. */
  report: string;
  lang: Lang;
  /** Selected observation (source view, explorer). */
  obs?: string;
  /** Category (categories view; explorer filter). */
  cat?: string;
  /** A chart to scroll to (its permalink). */
  chart?: string;
  /** One indicator, exactly (explorer filter). */
  ind?: string;
  q?: string;
  role?: string;
  qual?: string;
  sort?: SortKey;
  dir?: "asc" | "desc";
}

const KEYS = ["report", "lang", "obs", "cat", "chart", "ind", "q", "role", "qual", "sort", "dir"] as const;

/**
 * Reads `#/view?report=…&lang=en&…`. Unknown views and values fall back to the defaults, so an
 * old or hand-edited link still opens something sensible.
 */
export function parseHash(hash: string, defaultReport: string): AppState {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : "overview";
  const state: AppState = {
    view,
    report: params.get("report") || defaultReport,
    lang: params.get("lang") === "en" ? "en" : "zh",
  };
  for (const k of ["obs", "cat", "chart", "ind", "q", "role", "qual"] as const) {
    const v = params.get(k);
    if (v) state[k] = v;
  }
  const sort = params.get("sort");
  if (sort && (SORT_KEYS as readonly string[]).includes(sort)) state.sort = sort as SortKey;
  const dir = params.get("dir");
  if (dir === "asc" || dir === "desc") state.dir = dir;
  return state;
}

/** The hash for a state; defaults are left out so links stay short. */
export function formatHash(state: AppState, defaultReport: string): string {
  const params = new URLSearchParams();
  for (const k of KEYS) {
    const v = state[k];
    if (v === undefined || v === "") continue;
    if (k === "report" && v === defaultReport) continue;
    if (k === "lang" && v === "zh") continue;
    params.set(k, v);
  }
  const qs = params.toString();
  return `#/${state.view}${qs ? `?${qs}` : ""}`;
}
