import { main } from "./main.js";
import { mark } from "./timing.js";

mark("entry module evaluated");

// `govreport export … | head` closes the pipe early: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

// A batch's worker thread: the same launcher, answering one file's command line at a time.
if (process.env.GOVREPORT_BATCH_WORKER === "1") {
  void import("./batch/worker.js").then(({ workerLoop }) => workerLoop(main));
} else {
  // No top-level await: this module is also bundled as CommonJS (see tsup.config.ts).
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
