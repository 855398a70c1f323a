/// <reference lib="webworker" />
// Must come first: configures zod before any schema module is evaluated (the page's CSP forbids eval).
import "../zod-jitless.js";
import { loadFiles } from "./load-files.js";
import { loadSeries, type WorkerRequest } from "./load-series.js";

/**
 * Loading off the page's thread: decoding, parsing, validation, extraction, the checks and a
 * series' pairing run here, so a large or hostile file, or many, never freeze the page. A series
 * reports its progress after each report.
 */
self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  try {
    if (Array.isArray(e.data)) self.postMessage({ ok: true, outcome: await loadFiles(e.data) });
    else {
      const outcome = await loadSeries(e.data.series, (done, total, file) =>
        self.postMessage({ progress: { done, total, file } }),
      );
      self.postMessage({ ok: true, outcome });
    }
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
