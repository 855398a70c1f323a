import { availableParallelism } from "node:os";
import { Readable } from "node:stream";
import type { ParsedArgs } from "../args.js";
import type { CommandSpec } from "../commands/registry.js";
import { GLOBAL_OPTIONS } from "../commands/registry.js";
import { CliError, EXIT } from "../errors.js";
import type { Io } from "../main.js";
import { expandInputs } from "./inputs.js";
import { Progress } from "./progress.js";

/** One file's run: what the single-file command would have printed, and its exit code. */
export interface FileRun {
  code: number;
  stdout: string;
  stderr: string;
}

type Main = (argv: readonly string[], io: Io) => Promise<number>;

interface Capture {
  write(s: string): boolean;
  isTTY: boolean;
  text: string;
}

const capture = (isTTY: boolean): Capture => ({
  text: "",
  isTTY,
  write(s: string) {
    this.text += s;
    return true;
  },
});

/** Streams that keep what a command prints, for one file of a batch. */
export function captureIo(isTTY: boolean, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()) {
  return { stdout: capture(isTTY), stderr: capture(isTTY), stdin: Readable.from([]), env, cwd };
}

/** What each exit code means for the summary line. */
const OUTCOMES: Record<number, string> = {
  0: "ok",
  1: "with problems",
  2: "unreadable, malformed or refused",
  70: "internal errors",
};

export function parseJobs(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === "boolean") return availableParallelism();
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new CliError(`--jobs must be a whole number from 1 to 9999, not "${value}"`);
  return Number(value);
}

/** The per-file options, written back as arguments (`--name` or `--name=value`). */
function optionArgs(args: ParsedArgs, spec: CommandSpec, drop: readonly string[]): string[] {
  const out: string[] = [];
  for (const o of [...GLOBAL_OPTIONS, ...spec.options]) {
    if (drop.includes(o.name)) continue;
    const v = args.options[o.name];
    if (v === true) out.push(`--${o.name}`);
    else if (typeof v === "string") out.push(`--${o.name}=${v}`);
  }
  return out;
}

/** For `extract` over many files: each draft is `<dir>/<file name without .txt>.<yaml|json>`. */
function outputNames(files: readonly string[], dir: string, ext: string): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const f of files) {
    const base = (f.split(/[\\/]/).pop() ?? f).replace(/\.[^.]*$/, "");
    const name = `${dir.replace(/[\\/]+$/, "")}/${base}.${ext}`;
    const other = seen.get(name);
    if (other !== undefined)
      throw new CliError(`${other} and ${f} would both be written to ${name}: rename one, or extract them separately`);
    seen.set(name, f);
    names.set(f, name);
  }
  return names;
}

function ndjsonRecord(spec: CommandSpec, file: string, run: FileRun, output: string | undefined) {
  const messages = run.stderr.split("\n").filter((l) => l.length > 0);
  const record: Record<string, unknown> = { file, exit: run.code };
  if (spec.name === "extract") {
    if (output !== undefined && run.code === EXIT.ok) record.output = output;
  } else if (run.stdout.trim()) {
    try {
      record.result = JSON.parse(run.stdout);
    } catch {
      record.output = run.stdout;
    }
  }
  if (messages.length > 0) record.messages = messages;
  return JSON.stringify(record);
}

async function inWorkers(
  argvs: readonly string[][],
  jobs: number,
  tty: boolean,
  done: (index: number, run: FileRun) => void,
): Promise<void> {
  const { Worker } = await import("node:worker_threads");
  // The launcher itself, started again as a worker (bin.ts sees GOVREPORT_BATCH_WORKER).
  const script = process.argv[1] ?? "";
  let next = 0;
  const env = { ...process.env, GOVREPORT_BATCH_WORKER: "1", GOVREPORT_BATCH_TTY: tty ? "1" : "0" };
  const lane = () =>
    new Promise<void>((resolve) => {
      let current = -1;
      let worker: InstanceType<typeof Worker>;
      const feed = () => {
        if (next >= argvs.length) {
          current = -1;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ index: current, argv: argvs[current] });
      };
      const start = () => {
        worker = new Worker(script, { env, stdout: false, stderr: false });
        worker.on("message", (m: FileRun & { index: number }) => {
          done(m.index, m);
          feed();
        });
        // A crash loses only the file in hand: it is reported, and a fresh worker goes on.
        worker.on("error", (e: Error) => {
          if (current >= 0)
            done(current, { code: 70, stdout: "", stderr: `govreport: internal error in a worker: ${e.message}\n` });
          start();
          feed();
        });
      };
      start();
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, argvs.length) }, lane));
}

/**
 * Runs one command over many files in this process (`--jobs 1`) or in worker threads: each file
 * as the single-file command would run it, its output printed in input order as it completes; one
 * bad file is reported and the others go on. Returns the worst exit code.
 */
export async function runBatch(spec: CommandSpec, args: ParsedArgs, io: Io, main: Main): Promise<number> {
  const batch = spec.batch;
  if (!batch) throw new CliError(`${spec.name} takes one input`);
  if (args.options.source !== undefined)
    throw new CliError("--source names the text of one report; in a batch, each report's source.file is used");
  const files = await expandInputs(args.positionals, batch.pattern, io.cwd);
  const jobs = Math.min(parseJobs(args.options.jobs), files.length);
  const json = args.options.json === true;
  let outputs: Map<string, string> | undefined;
  if (spec.name === "extract") {
    const dir = args.options.output;
    if (typeof dir !== "string")
      throw new CliError(
        "extract with several inputs needs -o <folder>: each draft is written there as <file name>.yaml (or .json)",
      );
    const ext = args.options.format === "json" ? "json" : "yaml";
    outputs = outputNames(files, dir, ext);
    const { mkdirSync } = await import("node:fs");
    const { resolve } = await import("node:path");
    mkdirSync(resolve(io.cwd, dir), { recursive: true });
  }
  const drop = ["jobs", "output", ...(spec.name === "extract" ? ["json"] : [])];
  const common = optionArgs(args, spec, drop);
  const argvs = files.map((f) => {
    const out = outputs?.get(f);
    return [spec.name, ...common, ...(out === undefined ? [] : [`--output=${out}`]), "--", f];
  });

  const tty = io.stdout.isTTY === true;
  const progress = new Progress(io.stderr, files.length, io.stderr.isTTY === true && io.env.CI === undefined);
  const results: (FileRun | undefined)[] = new Array(files.length);
  const counts = new Map<number, number>();
  let printed = 0;
  let finished = 0;
  const flush = () => {
    let wrote = false;
    for (let r = results[printed]; r !== undefined; r = results[printed]) {
      if (!wrote) progress.clear();
      wrote = true;
      const file = files[printed] as string;
      if (json) io.stdout.write(`${ndjsonRecord(spec, file, r, outputs?.get(file))}\n`);
      else {
        if (r.stdout) io.stdout.write(r.stdout.endsWith("\n") ? r.stdout : `${r.stdout}\n`);
        if (r.stderr) io.stderr.write(r.stderr);
      }
      results[printed] = undefined;
      printed++;
    }
  };
  const done = (index: number, run: FileRun) => {
    results[index] = run;
    counts.set(run.code, (counts.get(run.code) ?? 0) + 1);
    finished++;
    flush();
    progress.update(finished);
  };

  progress.update(0, true);
  // CPU of the whole process, every thread included: with the wall time, how many cores the batch got.
  const cpuStart = process.cpuUsage();
  if (jobs <= 1)
    for (const [i, argv] of argvs.entries()) {
      const capt = captureIo(tty, io.env, io.cwd);
      const code = await main(argv, capt);
      done(i, { code, stdout: capt.stdout.text, stderr: capt.stderr.text });
    }
  else await inWorkers(argvs, jobs, tty, done);
  progress.clear();

  const seconds = (performance.now() - progress.start) / 1000;
  const used = process.cpuUsage(cpuStart);
  const cpu = (used.user + used.system) / 1e6;
  const worst = Math.max(0, ...counts.keys());
  const parts = [...counts].sort(([a], [b]) => a - b).map(([code, n]) => `${n} ${OUTCOMES[code] ?? `exit ${code}`}`);
  io.stderr.write(
    `govreport ${spec.name}: ${files.length} file${files.length === 1 ? "" : "s"}: ${parts.join(", ")}; ${seconds.toFixed(1)} s, ${(files.length / seconds).toFixed(1)} files/s with ${jobs <= 1 ? "1 job" : `${jobs} worker threads`} (CPU ${cpu.toFixed(1)} s: ${(cpu / Math.max(seconds, 1e-9)).toFixed(1)} cores busy); exit ${worst}\n`,
  );
  return worst;
}
