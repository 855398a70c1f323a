import type { Lang } from "../../i18n.js";
import { type ChartSpec, chartPairs, chartPoints } from "../../model/chart-specs.js";
import { aheadChart } from "./ahead.js";
import type { BuiltChart } from "./common.js";
import { countAreaChart } from "./count-area.js";
import { progressChart } from "./progress.js";
import { ratesChart } from "./rates.js";
import { sumChart } from "./sum.js";
import { yoyChart } from "./yoy.js";

export type { BuiltChart, ChartOption } from "./common.js";

/** The chart for a spec, its table rows carrying the findings on their figures. */
export function buildChart(spec: ChartSpec, lang: Lang): BuiltChart {
  const built = chartFor(spec, lang);
  const findings = new Map(chartPoints(spec).map((p) => [p.obsId, p.findings]));
  for (const row of built.table.rows) {
    const f = row.obsId ? findings.get(row.obsId) : undefined;
    if (f?.length) row.findings = f;
  }
  const pairs = chartPairs(spec);
  if (pairs.length > 0) built.pairs = pairs;
  return built;
}

/** Each kind of data gets the chart type that suits it. */
function chartFor(spec: ChartSpec, lang: Lang): BuiltChart {
  switch (spec.kind) {
    case "yoy":
      return yoyChart(spec, lang);
    case "rates":
      return ratesChart(spec, lang);
    case "progress":
      return progressChart(spec, lang);
    case "countArea":
      return countAreaChart(spec, lang);
    case "sum":
      return sumChart(spec, lang);
    case "ahead":
      return aheadChart(spec, lang);
  }
}
