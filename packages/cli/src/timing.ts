/**
 * Phase timings for start-up work, printed to stderr at exit when GOVREPORT_TIMING=1: milliseconds
 * since the process started (performance.now()), so the first mark shows what Node's own start-up
 * and module loading cost before any govreport code ran. Off by default; a mark then costs one
 * comparison. The marks live on globalThis, so the launcher and the bundle it runs share one list.
 */
const enabled = typeof process !== "undefined" && process.env.GOVREPORT_TIMING === "1";

type Marks = [label: string, ms: number][];

export function mark(label: string): void {
  if (!enabled) return;
  const g = globalThis as { __govreportTiming?: Marks };
  let marks = g.__govreportTiming;
  if (!marks) {
    const list: Marks = [];
    marks = g.__govreportTiming = list;
    process.on("exit", () => {
      let prev = 0;
      for (const [l, ms] of list) {
        process.stderr.write(
          `govreport timing: ${ms.toFixed(1).padStart(7)} ms  +${(ms - prev).toFixed(1).padStart(6)}  ${l}\n`,
        );
        prev = ms;
      }
    });
  }
  marks.push([label, performance.now()]);
}
