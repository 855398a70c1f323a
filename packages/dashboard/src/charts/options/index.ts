import type { Lang } from "../../i18n.js";
import type { ChartSpec } from "../../model/chart-specs.js";
import { aheadChart } from "./ahead.js";
import type { BuiltChart } from "./common.js";
import { countAreaChart } from "./count-area.js";
import { progressChart } from "./progress.js";
import { ratesChart } from "./rates.js";
import { sumChart } from "./sum.js";
import { yoyChart } from "./yoy.js";

export type { BuiltChart, ChartOption } from "./common.js";

/** The chart for a spec: each kind of data gets the chart type that suits it. */
export function buildChart(spec: ChartSpec, lang: Lang): BuiltChart {
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
