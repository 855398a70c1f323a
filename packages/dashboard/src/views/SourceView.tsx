import { useEffect, useMemo, useRef } from "react";
import { ObservationPanel } from "../components/ObservationPanel.js";
import { MESSAGES } from "../i18n.js";
import { figureMarks, lines, segmentText } from "../model/highlights.js";
import { indicatorName, printedOf } from "../model/loaded.js";
import type { ViewProps } from "./types.js";

/** The report text, every figure the data records marked; a mark opens its observation. */
export default function SourceView(props: ViewProps) {
  const { loaded, lang, state, navigate, href } = props;
  const m = MESSAGES[lang];
  const text = loaded.sourceText;
  const report = loaded.report;
  const marks = useMemo(() => (text ? figureMarks(text, report.observations) : []), [text, report]);
  const paragraphs = useMemo(
    () => (text ? lines(text).map((l) => ({ ...l, segments: segmentText(text, marks, l.start, l.end) })) : []),
    [text, marks],
  );
  const byId = useMemo(() => new Map(report.observations.map((o) => [o.id, o])), [report]);
  const valueMarks = useMemo(() => marks.filter((mk) => mk.part === "value"), [marks]);
  const precision = useMemo(() => new Map(valueMarks.map((mk) => [mk.obsId, mk.precision])), [valueMarks]);
  const selected = state.obs ? byId.get(state.obs) : undefined;
  const findings = useMemo(
    () => (selected ? loaded.checks.findings.filter((f) => f.observations.includes(selected.id)) : []),
    [selected, loaded.checks],
  );

  // The figure whose panel was last open: focus goes back to it when the panel closes.
  const lastOpen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!state.obs) {
      const back = lastOpen.current;
      lastOpen.current = undefined;
      if (back) document.querySelector<HTMLElement>(`[data-main~="${CSS.escape(back)}"]`)?.focus();
      return;
    }
    lastOpen.current = state.obs;
    const el = document.querySelector<HTMLElement>(`[data-main~="${CSS.escape(state.obs)}"]`);
    el?.scrollIntoView({ block: "start" });
  }, [state.obs]);

  if (!text) return <p className="notice">{m.sourceView.noText}</p>;
  const unplaced = report.observations.length - valueMarks.length;
  const open = (obsId: string) => navigate({ view: "source", report: state.report, lang, obs: obsId });

  return (
    <div className={`source-layout${selected ? " with-panel" : ""}`}>
      <div className="source-text" lang="zh-CN">
        <p className="source-stats">
          {m.sourceView.figures(valueMarks.length)}
          {unplaced > 0 && ` · ${m.sourceView.unplaced(unplaced)}`}
        </p>
        <p className="source-legend" lang={lang === "zh" ? "zh-CN" : "en"}>
          <mark>{m.sourceView.legendValue}</mark> <mark className="cmp">{m.sourceView.legendComparison}</mark>{" "}
          <mark className="approx">{m.sourceView.legendQuote}</mark>
        </p>
        {paragraphs.map((p) => (
          <p key={p.start}>
            {p.segments.map((s) =>
              s.obsIds.length === 0 ? (
                s.text
              ) : (
                <mark
                  key={s.start}
                  className={[
                    s.mainIds.includes(state.obs ?? "") ? "current" : "",
                    s.mainIds.length === 0 ? (s.obsIds.includes(state.obs ?? "") ? "cmp current-cmp" : "cmp") : "",
                    s.mainIds.some((id) => precision.get(id) !== "figure") ? "approx" : "",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                >
                  <button
                    type="button"
                    data-obs={s.obsIds.join(" ")}
                    data-main={s.mainIds.join(" ") || undefined}
                    title={s.obsIds
                      .map((id) => {
                        const o = byId.get(id);
                        return o ? `${indicatorName(report, o)[lang]}: ${printedOf(o.quantity)}` : id;
                      })
                      .join("\n")}
                    onClick={() =>
                      open(s.obsIds.includes(state.obs ?? "") ? (state.obs as string) : (s.obsIds[0] as string))
                    }
                  >
                    {s.text}
                  </button>
                </mark>
              ),
            )}
          </p>
        ))}
      </div>
      {selected && (
        <ObservationPanel
          report={report}
          obs={selected}
          findings={findings}
          lang={lang}
          explorerHref={href({ view: "explorer", report: state.report, lang, obs: selected.id })}
          onClose={() => navigate({ view: "source", report: state.report, lang }, { replace: true })}
          placement={precision.get(selected.id)}
        />
      )}
    </div>
  );
}
