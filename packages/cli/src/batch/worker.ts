import { parentPort } from "node:worker_threads";
import type { Io } from "../main.js";
import { captureIo, type FileRun } from "./run.js";

/**
 * The loop of a batch worker thread: the launcher started again with GOVREPORT_BATCH_WORKER=1
 * (see bin.ts). Each message is one file's command line; the reply is its exit code and output.
 */
export function workerLoop(main: (argv: readonly string[], io: Io) => Promise<number>): void {
  const port = parentPort;
  if (!port) throw new Error("GOVREPORT_BATCH_WORKER is set outside a worker thread");
  const tty = process.env.GOVREPORT_BATCH_TTY === "1";
  port.on("message", async (m: { index: number; argv: string[] }) => {
    const io = captureIo(tty);
    const code = await main(m.argv, io);
    const reply: FileRun & { index: number } = {
      index: m.index,
      code,
      stdout: io.stdout.text,
      stderr: io.stderr.text,
    };
    port.postMessage(reply);
  });
}
