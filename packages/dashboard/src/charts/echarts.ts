/**
 * ECharts with only what the dashboard draws: bar, line (a series of reports) and scatter series on a grid, tooltip,
 * legend, toolbox (save as image), aria with decals and mark lines, on the canvas renderer.
 */
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  ToolboxComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  ToolboxComponent,
  AriaComponent,
  MarkLineComponent,
  CanvasRenderer,
  // Series `labelLayout` (fit labels to the chart's width, hide overlaps): src/charts/fit.ts.
  LabelLayout,
]);

export { echarts };
