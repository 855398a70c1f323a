import type { ECharts } from "echarts/core";
import { useEffect, useRef, useState } from "react";
import { type Lang, MESSAGES } from "../i18n.js";
import { echarts } from "./echarts.js";
import type { BuiltChart } from "./options/index.js";

declare global {
  interface Window {
    /** Test and benchmark hook: every chart on the page, and when it last finished rendering. */
    __charts?: Record<string, ChartHook>;
    __firstChartFinished?: number;
  }
}

interface ChartHook {
  /** performance.now() of the last `finished` event. */
  finished: number;
  renders: number;
  /** Centre of a drawn data item, in CSS pixels from the chart's top left (lets tests click a bar). */
  itemCenter?: (seriesIndex: number, dataIndex: number) => { x: number; y: number } | undefined;
}

type ItemLayout = { x: number; y: number; width?: number; height?: number } | number[] | undefined;
interface WithModel {
  getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): ItemLayout } } | undefined };
}

function itemCenter(c: ECharts, s: number, d: number): { x: number; y: number } | undefined {
  // getModel is ECharts' internal model; used only by this test hook, never for rendering.
  const layout = (c as unknown as WithModel).getModel().getSeriesByIndex(s)?.getData().getItemLayout(d);
  if (!layout) return undefined;
  if (Array.isArray(layout)) return { x: layout[0] ?? 0, y: layout[1] ?? 0 };
  return { x: layout.x + (layout.width ?? 0) / 2, y: layout.y + (layout.height ?? 0) / 2 };
}

function markFinished(id: string, c: ECharts) {
  const now = performance.now();
  window.__charts ??= {};
  const entry = window.__charts[id];
  window.__charts[id] = {
    finished: now,
    renders: (entry?.renders ?? 0) + 1,
    itemCenter: (s, d) => itemCenter(c, s, d),
  };
  window.__firstChartFinished ??= now;
}

/**
 * The one ECharts wrapper: init on a ref, `finished` registered before the first setOption,
 * the whole option replaced on change (notMerge), resized by a ResizeObserver, disposed on unmount.
 */
function EChart({ chart, onSelect }: { chart: BuiltChart; onSelect?: (obsId: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);
  const latest = useRef({ chart, onSelect });
  latest.current = { chart, onSelect };

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: "canvas" });
    instance.current = c;
    c.on("finished", () => {
      el.dataset.finished = "true";
      markFinished(latest.current.chart.id, c);
    });
    c.on("click", (p) => {
      const id = latest.current.chart.obsAt(p.seriesIndex ?? 0, p.dataIndex);
      if (id) latest.current.onSelect?.(id);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      instance.current = null;
      if (window.__charts) delete window.__charts[latest.current.chart.id];
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (el) el.dataset.finished = "false";
    // Readers who ask for less motion get charts drawn at once.
    const still = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    instance.current?.setOption(still ? { ...chart.option, animation: false } : chart.option, { notMerge: true });
  }, [chart.option]);

  return <div ref={ref} className="chart-canvas" data-chart={chart.id} style={{ height: chart.height }} />;
}

/** A chart with its title, a toggle to read its data as a table, and links from rows to the text. */
export function ChartCard({
  chart,
  lang,
  onSelect,
}: {
  chart: BuiltChart;
  lang: Lang;
  onSelect?: (obsId: string) => void;
}) {
  const m = MESSAGES[lang];
  const [showTable, setShowTable] = useState(false);
  const tableId = `${chart.id}-table`;
  return (
    <figure className="chart-card" aria-labelledby={`${chart.id}-title`}>
      <figcaption>
        <h3 id={`${chart.id}-title`}>{chart.title}</h3>
        <button
          type="button"
          className="link-button"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((s) => !s)}
        >
          {showTable ? m.chart.hideTable : m.chart.showTable}
        </button>
      </figcaption>
      <EChart chart={chart} {...(onSelect ? { onSelect } : {})} />
      {chart.note && <p className="hint chart-note">{chart.note}</p>}
      <p className="hint">{m.chart.clickHint}</p>
      {showTable && (
        <div className="table-wrap" id={tableId}>
          <table className="data-table">
            <thead>
              <tr>
                {chart.table.columns.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat a label (two periods)
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{m.seeInText}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {chart.table.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                <tr key={i}>
                  {r.cells.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={j}>{c}</td>
                  ))}
                  <td>
                    {r.obsId && onSelect && (
                      <button type="button" className="link-button" onClick={() => onSelect(r.obsId as string)}>
                        {m.seeInText}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
