import type { InputFile, LoadOutcome } from "./load-files.js";
import type { SeriesOutcome, WorkerRequest } from "./load-series.js";

type Reply<T> =
  | { ok: true; outcome: T }
  | { ok: false; error: string }
  | { progress: { done: number; total: number; file: string } };

function inWorker<T>(
  request: WorkerRequest,
  files: InputFile[],
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<Reply<T>>) => {
      const d = e.data;
      if ("progress" in d) {
        onProgress?.(d.progress.done, d.progress.total, d.progress.file);
        return;
      }
      worker.terminate();
      if (d.ok) resolve(d.outcome);
      else reject(new Error(d.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || "worker failed"));
    };
    worker.postMessage(
      request,
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  });
}

/**
 * Runs `loadFiles` in a Web Worker (a fresh one per load, ended when it answers). The bytes are
 * transferred, not copied.
 */
export function loadInWorker(files: InputFile[]): Promise<LoadOutcome> {
  return inWorker<LoadOutcome>(files, files);
}

/** Runs `loadSeries` in a Web Worker, reporting progress after each report. */
export function loadSeriesInWorker(
  files: InputFile[],
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<SeriesOutcome> {
  return inWorker<SeriesOutcome>({ series: files }, files, onProgress);
}
