import type { InputFile, LoadOutcome } from "./load-files.js";

/**
 * Runs `loadFiles` in a Web Worker (a fresh one per load, ended when it answers). The bytes are
 * transferred, not copied.
 */
export function loadInWorker(files: InputFile[]): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<{ ok: true; outcome: LoadOutcome } | { ok: false; error: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.outcome);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || "worker failed"));
    };
    worker.postMessage(
      files,
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  });
}
