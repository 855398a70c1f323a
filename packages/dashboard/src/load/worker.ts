/// <reference lib="webworker" />
// Must come first: configures zod before any schema module is evaluated (the page's CSP forbids eval).
import "../zod-jitless.js";
import { type InputFile, loadFiles } from "./load-files.js";

/**
 * Loading off the page's thread: decoding, parsing, validation, extraction and the checks run
 * here, so a large or hostile file never freezes the page.
 */
self.onmessage = async (e: MessageEvent<InputFile[]>) => {
  try {
    self.postMessage({ ok: true, outcome: await loadFiles(e.data) });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
