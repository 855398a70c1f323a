import type { ECharts } from "echarts/core";
import { type RefObject, useEffect, useRef, useState } from "react";
import { FindingBadge } from "../components/FindingBadge.js";
import { Share } from "../components/Share.js";
import { type Lang, MESSAGES } from "../i18n.js";
import { tableCsv } from "../model/cite.js";
import { download } from "../util/download.js";
import { echarts } from "./echarts.js";
import { fitToWidth } from "./fit.js";
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
  /** Every visible text the chart drew (labels, axis labels, legend), with its box in CSS pixels. */
  textBoxes?: () => TextBox[];
  /** Figures drawn side by side as one item: indicator, subject and printed figure of each. */
  pairs?: { indicator: string; subject?: string | undefined; printed: string; obsId: string }[][];
  width?: number;
  height?: number;
}

interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ZrText {
  type: string;
  ignore?: boolean;
  invisible?: boolean;
  style?: { text?: string; opacity?: number };
  getBoundingRect(): { x: number; y: number; width: number; height: number };
  transform?: number[] | null;
  parent?: ZrText | null;
}

/** Test hook: zrender's display list (internal), read only to check that labels neither collide nor are cut off. */
function textBoxes(c: ECharts): TextBox[] {
  const zr = c.getZr() as unknown as { storage: { getDisplayList(update?: boolean): ZrText[] } };
  const out: TextBox[] = [];
  for (const el of zr.storage.getDisplayList(true)) {
    // A text is drawn as one "tspan" per line (zrender's Text itself is not in the display list).
    if (
      (el.type !== "tspan" && el.type !== "text") ||
      el.ignore ||
      el.invisible ||
      !el.style?.text ||
      el.style.opacity === 0
    )
      continue;
    const r = el.getBoundingRect();
    const t = el.transform;
    // transform is [a, b, c, d, tx, ty]; labels are not rotated here, so scale and translate suffice.
    const [a, , , d, tx, ty] = t ?? [1, 0, 0, 1, 0, 0];
    out.push({
      text: el.style.text,
      x: (a ?? 1) * r.x + (tx ?? 0),
      y: (d ?? 1) * r.y + (ty ?? 0),
      width: (a ?? 1) * r.width,
      height: (d ?? 1) * r.height,
    });
  }
  return out;
}

type ItemLayout = { x: number; y: number; width?: number; height?: number } | number[] | undefined;
interface WithModel {
  getModel(): {
    getSeriesByIndex(
      i: number,
    ):
      | { getData(): { getItemLayout(i: number): ItemLayout; getLayout(key: string): ArrayLike<number> | undefined } }
      | undefined;
  };
}

function itemCenter(c: ECharts, s: number, d: number): { x: number; y: number } | undefined {
  // getModel is ECharts' internal model; used only by this test hook, never for rendering.
  const data = (c as unknown as WithModel).getModel().getSeriesByIndex(s)?.getData();
  const layout = data?.getItemLayout(d);
  if (!layout) {
    // A line series lays its points out as one array, x and y of each item in turn.
    const points = data?.getLayout("points");
    const x = points?.[2 * d];
    const y = points?.[2 * d + 1];
    return x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y) ? undefined : { x, y };
  }
  if (Array.isArray(layout)) return { x: layout[0] ?? 0, y: layout[1] ?? 0 };
  return { x: layout.x + (layout.width ?? 0) / 2, y: layout.y + (layout.height ?? 0) / 2 };
}

function markFinished(chart: BuiltChart, c: ECharts) {
  const now = performance.now();
  const id = chart.id;
  window.__charts ??= {};
  const entry = window.__charts[id];
  window.__charts[id] = {
    finished: now,
    renders: (entry?.renders ?? 0) + 1,
    itemCenter: (s, d) => itemCenter(c, s, d),
    textBoxes: () => textBoxes(c),
    width: c.getWidth(),
    height: c.getHeight(),
    ...(chart.pairs
      ? {
          pairs: chart.pairs.map((pair) =>
            pair.map((p) => ({ indicator: p.indicator, subject: p.subject, printed: p.printed, obsId: p.obsId })),
          ),
        }
      : {}),
  };
  window.__firstChartFinished ??= now;
}

/**
 * The one ECharts wrapper: init on a ref, `finished` registered before the first setOption,
 * the whole option replaced on change (notMerge), resized by a ResizeObserver, disposed on unmount.
 */
function EChart({
  chart,
  onSelect,
  instance,
}: {
  chart: BuiltChart;
  onSelect?: ((obsId: string) => void) | undefined;
  instance: RefObject<ECharts | null>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ chart, onSelect });
  latest.current = { chart, onSelect };

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let c: ECharts | undefined;
    let ro: ResizeObserver | undefined;
    // Each chart is set up in a task of its own: a view of ten charts then never blocks the
    // page for the time of all ten together.
    const task = setTimeout(() => {
      const chart = echarts.init(el, undefined, { renderer: "canvas" });
      c = chart;
      instance.current = chart;
      chart.on("finished", () => {
        el.dataset.finished = "true";
        markFinished(latest.current.chart, chart);
      });
      chart.on("click", (p) => {
        const id = latest.current.chart.obsAt(p.seriesIndex ?? 0, p.dataIndex);
        if (id) latest.current.onSelect?.(id);
      });
      let fittedAt = chart.getWidth();
      ro = new ResizeObserver(() => {
        // The first notification comes on observe, at the size the chart is drawn at: resizing
        // then redrew the whole chart for nothing (about as long as drawing it).
        if (el.clientWidth === chart.getWidth() && el.clientHeight === chart.getHeight()) return;
        chart.resize();
        // Labels are fitted to the width: fit again when it changes.
        if (chart.getWidth() !== fittedAt) {
          fittedAt = chart.getWidth();
          applyOption(chart, latest.current.chart, el);
        }
      });
      ro.observe(el);
      applyOption(chart, latest.current.chart, el, true);
    }, 0);
    return () => {
      clearTimeout(task);
      ro?.disconnect();
      c?.dispose();
      instance.current = null;
      if (window.__charts) delete window.__charts[latest.current.chart.id];
    };
  }, [instance]);

  useEffect(() => {
    const c = instance.current;
    if (c && ref.current) applyOption(c, chart, ref.current);
  }, [chart, instance]);

  return <div ref={ref} className="chart-canvas" data-chart={chart.id} style={{ height: chart.height }} />;
}

function applyOption(c: ECharts, chart: BuiltChart, el: HTMLElement, first = false) {
  el.dataset.finished = "false";
  // A chart appears drawn (a grow-in animation only delayed the figures by its 300 ms); a redraw
  // (another width, another language) animates, unless the reader asks for less motion.
  const still = first || window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const option = fitToWidth(chart.option, c.getWidth());
  c.setOption(still ? { ...option, animation: false } : option, { notMerge: true });
  // Paint now, in this chart's own task: left to the next animation frame, every chart of a
  // view would be painted in one frame, one long task.
  c.getZr().flush();
}

/** What a chart's share menu needs: its permalink, its citation and the source line of its image. */
export interface ChartShare {
  url: string;
  cite: string;
  sourceLine: string;
  fileBase: string;
}

/**
 * The chart as a PNG with its title (which names the unit) above and the source line below,
 * drawn from ECharts' canvas: no data: URL is loaded, so the page's CSP holds.
 */
function chartPng(c: ECharts, title: string, source: string): Promise<Blob | null> {
  const scale = 2;
  const inner = c.renderToCanvas({ pixelRatio: scale, backgroundColor: "#ffffff" });
  const pad = 16 * scale;
  const titleH = 30 * scale;
  const footH = 26 * scale;
  const out = document.createElement("canvas");
  out.width = inner.width + pad * 2;
  out.height = inner.height + titleH + footH + pad;
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.resolve(null);
  const font = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = "#1d1d1f";
  ctx.font = `600 ${16 * scale}px ${font}`;
  ctx.fillText(title, pad, pad + 14 * scale, out.width - pad * 2);
  ctx.drawImage(inner, pad, pad + titleH - 8 * scale);
  ctx.fillStyle = "#5f6368";
  ctx.font = `${12 * scale}px ${font}`;
  ctx.fillText(source, pad, out.height - 10 * scale, out.width - pad * 2);
  return new Promise((ok) => out.toBlob(ok, "image/png"));
}

/** A chart with its title, a toggle to read its data as a table, links from rows to the text, and export. */
export function ChartCard({
  chart,
  lang,
  onSelect,
  share,
}: {
  chart: BuiltChart;
  lang: Lang;
  onSelect?: (obsId: string) => void;
  share?: ChartShare;
}) {
  const m = MESSAGES[lang];
  const [showTable, setShowTable] = useState(false);
  const instance = useRef<ECharts | null>(null);
  const tableId = `${chart.id}-table`;
  const onCsv = () =>
    download(
      `${share?.fileBase ?? chart.id}.csv`,
      tableCsv(
        [...chart.table.columns, "observation_id"],
        chart.table.rows.map((r) => [...r.cells, r.obsId ?? ""]),
      ),
      "text/csv;charset=utf-8",
    );
  const onPng = async () => {
    const c = instance.current;
    if (!c) return;
    const blob = await chartPng(c, chart.title, share?.sourceLine ?? "govreport");
    if (blob) download(`${share?.fileBase ?? chart.id}.png`, blob);
  };
  return (
    <figure className="chart-card" aria-labelledby={`${chart.id}-title`} id={chart.id} tabIndex={-1}>
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
      <EChart chart={chart} onSelect={onSelect} instance={instance} />
      {share && (
        <Share lang={lang} url={share.url} cite={share.cite} onCsv={onCsv} onPng={onPng} testId="chart-share" />
      )}
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
                    <td key={j}>
                      {c}
                      {j === 0 && <FindingBadge findings={r.findings} lang={lang} />}
                    </td>
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
