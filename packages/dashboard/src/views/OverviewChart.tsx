import { useMemo } from "react";
import { ChartCard } from "../charts/Chart.js";
import { buildChart } from "../charts/options/index.js";
import { chartShare } from "../charts/share.js";
import type { ChartSpec } from "../model/chart-specs.js";
import type { ViewProps } from "./types.js";

export default function OverviewChart(props: ViewProps & { spec: ChartSpec }) {
  const { spec, lang, showInText } = props;
  const chart = useMemo(() => buildChart(spec, lang), [spec, lang]);
  return <ChartCard chart={chart} lang={lang} onSelect={showInText} share={chartShare(spec, chart, props)} />;
}
