/** Helpers for the end-to-end run: the preview server, the browser, and readers for what they produce. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PKG = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = resolve(PKG, "../..");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

export function run(cmd, args, options = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: PKG, stdio: ["ignore", "pipe", "pipe"], ...options });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${out}`)),
    );
  });
}

export const viteBin = () => join(PKG, "node_modules", ".bin", "vite");

/** Builds the dashboard unless told to use the build already in dist/. */
export async function ensureBuild({ build }) {
  if (!build && existsSync(join(PKG, "dist", "index.html"))) return "existing dist/";
  await run(viteBin(), ["build", "--logLevel", "warn"]);
  return "built";
}

/** Starts `vite preview` on 127.0.0.1 and resolves once it answers. */
export async function startPreview(port) {
  const child = spawn(viteBin(), ["preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: PKG,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => {
    log += d;
  });
  child.stderr.on("data", (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited ${child.exitCode}\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url} within 20 s\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.on("exit", () => ok());
        child.kill("SIGTERM");
      }),
  };
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
export function readCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

let gbkTable;
/**
 * Encodes text as GBK. Node has no GBK encoder, so the table is built by decoding every
 * two-byte GBK sequence with TextDecoder and inverting it.
 */
export function encodeGbk(text) {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder("gbk");
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK encoding for ${ch} (U+${code.toString(16)})`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}

/**
 * The renderer main thread's top-level tasks in a Chromium trace (categories "toplevel",
 * "devtools.timeline"), longest first by thread time: `cpu` is the task's own main-thread time,
 * `wall` its duration on the clock (what the Long Tasks API reports, which grows with every other
 * process on a loaded machine). The busiest renderer main thread is the traced page's.
 */
export function mainThreadTasks(traceEvents) {
  const threads = new Map();
  for (const e of traceEvents) {
    if (e.name === "thread_name" && e.args?.name === "CrRendererMain") threads.set(`${e.pid}:${e.tid}`, []);
  }
  for (const e of traceEvents) {
    if (e.ph === "X" && e.tdur !== undefined) threads.get(`${e.pid}:${e.tid}`)?.push(e);
  }
  let best = [];
  let bestCpu = -1;
  for (const events of threads.values()) {
    events.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const tasks = [];
    let end = -1;
    for (const e of events) {
      if (e.ts < end) continue; // nested in the task before
      end = e.ts + e.dur;
      tasks.push({ name: e.name, cpu: e.tdur / 1000, wall: e.dur / 1000, ts: e.ts / 1000 });
    }
    const cpu = tasks.reduce((s, t) => s + t.cpu, 0);
    if (cpu > bestCpu) {
      bestCpu = cpu;
      best = tasks;
    }
  }
  return best.sort((a, b) => b.cpu - a.cpu);
}
