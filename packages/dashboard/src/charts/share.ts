import { MESSAGES } from "../i18n.js";
import { type ChartSpec, chartPoints } from "../model/chart-specs.js";
import { citeText, placeOf } from "../model/cite.js";
import type { AppState } from "../state/url.js";
import type { ViewProps } from "../views/types.js";
import type { ChartShare } from "./Chart.js";
import type { BuiltChart } from "./options/index.js";

/** A dashboard state as a full URL, for links that leave the page (copied, cited). */
export function absoluteUrl(props: Pick<ViewProps, "href">, state: AppState): string {
  return `${window.location.origin}${window.location.pathname}${props.href(state)}`;
}

/** Permalink, citation and image source line of a chart in the view the reader is on. */
export function chartShare(spec: ChartSpec, built: BuiltChart, props: ViewProps): ChartShare {
  const { loaded, lang, state } = props;
  const report = loaded.report;
  const url = absoluteUrl(props, {
    view: state.view,
    report: state.report,
    lang,
    ...(state.cat ? { cat: state.cat } : {}),
    chart: built.id,
  });
  return {
    url,
    cite: citeText(report, built.title, chartPoints(spec), url, lang, loaded.origin),
    sourceLine: MESSAGES[lang].share.sourceLine(placeOf(report, lang), report.title[lang]),
    fileBase: `${report.id}-${built.id}`,
  };
}
