import { useRef, useState } from "react";
import { type Lang, MESSAGES } from "../i18n.js";
import { SERIES_MESSAGES } from "../i18n-series.js";
import type { InputFile, LoadMessage } from "../load/load-files.js";
import { loadInWorker, loadSeriesInWorker } from "../load/load-in-worker.js";
import { isSeries } from "../load/load-series.js";
import type { LoadedReport } from "../model/loaded.js";
import type { LoadedSeries } from "./SeriesView.js";

async function readFiles(list: FileList | readonly File[]): Promise<InputFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function Message({ msg, lang }: { msg: LoadMessage; lang: Lang }) {
  const l = MESSAGES[lang].loadView;
  switch (msg.kind) {
    case "unsupported":
      return <p className="msg error">{l.unsupported(msg.file)}</p>;
    case "tooLarge":
      return (
        <p className="msg error" data-testid="load-error">
          {l.tooLarge(msg.file)}
        </p>
      );
    case "limit":
      return (
        <p className="msg error" data-testid="load-error" data-limit={msg.problem.limit}>
          {l.limit(msg.file, msg.problem)}
        </p>
      );
    case "syntax":
      return (
        <div className="msg error" data-testid="load-error">
          <p>{l.parseError(msg.file)}</p>
          <p>
            <code>
              {msg.file}
              {msg.line !== undefined ? `:${msg.line}:${msg.col ?? 1}` : ""}
            </code>{" "}
            {msg.message}
          </p>
        </div>
      );
    case "schema":
      return (
        <div className="msg error" data-testid="load-error">
          <p>{l.invalid(msg.file)}</p>
          <ul className="issues">
            {msg.issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code data-testid="issue-path">{i.path}</code> {i.message}
              </li>
            ))}
          </ul>
        </div>
      );
    case "encoding":
      return (
        <p className="msg">{`${msg.file} · ${l.encoding(msg.encoding)}${msg.normalizedLineEnds ? " · CRLF → LF" : ""}`}</p>
      );
    case "shaMismatch":
      return <p className="msg warning">{l.shaMismatch}</p>;
    case "extracted":
      return (
        <div className="msg">
          <p>{l.extracted(msg.observations)}</p>
          {msg.warnings.length > 0 && (
            <details>
              <summary>{l.warnings(msg.warnings.length)}</summary>
              <ul>
                {msg.warnings.map((w) => (
                  <li key={`${w.code} ${w.message}`}>
                    <code>{w.code}</code> {w.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      );
    case "loaded":
      return (
        <p className="msg ok" data-testid="load-ok">
          {l.loaded(msg.file)}
        </p>
      );
  }
}

/**
 * Drop or pick a report file or a raw text; it is read, validated and checked in this page only.
 * Several texts or report files at once make a series (time series, targets against results).
 */
export default function LoadView({
  lang,
  onLoaded,
  onOpen,
  current,
  onSeries,
  onOpenSeries,
  series,
}: {
  lang: Lang;
  onLoaded: (l: LoadedReport) => void;
  onOpen: () => void;
  current: LoadedReport | null;
  onSeries: (s: LoadedSeries) => void;
  onOpenSeries: () => void;
  series: LoadedSeries | null;
}) {
  const sm = SERIES_MESSAGES[lang];
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const m = MESSAGES[lang];
  const l = m.loadView;
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<LoadMessage[]>([]);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const handle = async (files: FileList | readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    setMessages([]);
    try {
      const read = await readFiles(files);
      if (isSeries(read)) {
        const outcome = await loadSeriesInWorker(read, (done, total, file) => setProgress({ done, total, file }));
        setMessages(outcome.messages);
        if (outcome.model) onSeries({ loaded: outcome.loaded, model: outcome.model });
      } else {
        const outcome = await loadInWorker(read);
        setMessages(outcome.messages);
        if (outcome.loaded) onLoaded(outcome.loaded);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div className="load">
      <h2>{l.title}</h2>
      <p>{l.intro}</p>
      <section
        className={`dropzone${over ? " over" : ""}`}
        aria-label={l.title}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void handle(e.dataTransfer.files);
        }}
      >
        <p>
          {l.drop}{" "}
          <button type="button" className="primary" onClick={() => input.current?.click()}>
            {l.pick}
          </button>
        </p>
        <input
          ref={input}
          type="file"
          multiple
          accept=".yaml,.yml,.json,.txt,application/json,text/yaml,text/plain"
          id="file-input"
          // Not a focus stop of its own: the visible button opens it. Labelled for assistive tech.
          hidden
          tabIndex={-1}
          aria-label={l.pick}
          data-testid="file-input"
          onChange={(e) => {
            if (e.target.files) void handle(e.target.files);
            e.target.value = "";
          }}
        />
        <p className="hint">{l.both}</p>
        <p className="hint">{sm.hint}</p>
      </section>
      <div aria-live="polite" data-testid="load-messages">
        {busy && (
          <p className="loading" data-testid="load-progress">
            {progress && progress.done < progress.total
              ? sm.progress(progress.done, progress.total, progress.file)
              : l.working}
          </p>
        )}
        {error && (
          <p className="msg error" data-testid="load-error">
            {m.error}: {error}
          </p>
        )}
        {messages.map((msg, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are positional
          <Message key={i} msg={msg} lang={lang} />
        ))}
      </div>
      {series && !busy && (
        <div className="loaded-summary" data-testid="series-summary">
          <h3>{sm.seriesLoaded(series.model.reports.length)}</h3>
          <p>{series.model.reports.map((r) => `${r.jurisdiction} ${r.year ?? "?"}`).join(" · ")}</p>
          <button type="button" className="primary" onClick={onOpenSeries} data-testid="open-series">
            {sm.openSeries}
          </button>
        </div>
      )}
      {current && !busy && (
        <div className="loaded-summary" data-testid="loaded-summary">
          <h3>{l.current}</h3>
          <p>
            <b>{current.report.title[lang]}</b> · {current.report.observations.length} {m.observationsCount} ·{" "}
            {current.checks.valid ? m.checksValid : m.checksInvalid}
          </p>
          <button type="button" className="primary" onClick={onOpen} data-testid="open-local">
            {l.view}
          </button>
        </div>
      )}
    </div>
  );
}
