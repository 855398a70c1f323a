import type { Output } from "../context.js";

const clock = (s: number) => {
  if (!Number.isFinite(s)) return "–";
  const t = Math.round(s);
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, "0")}`;
};

/**
 * A one-line progress bar on a terminal: files done of all, files per second, time left. It is
 * redrawn at most ten times a second and erased before other output; off a terminal it prints
 * nothing (the batch's summary line says it all at the end).
 */
export class Progress {
  private last = 0;
  private shown = false;
  readonly start = performance.now();

  constructor(
    private readonly stream: Output,
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  update(done: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100 && done < this.total) return;
    this.last = now;
    const seconds = (now - this.start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? (this.total - done) / rate : Number.POSITIVE_INFINITY;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    this.stream.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} files · ${rate.toFixed(1)} files/s · ${clock(left)} left\u001b[K`,
    );
    this.shown = true;
  }

  /** Erases the bar so that a file's output starts on a clean line. */
  clear(): void {
    if (this.shown) this.stream.write("\r\u001b[K");
    this.shown = false;
  }
}
