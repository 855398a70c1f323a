import type { Colors } from "./format/color.js";

export interface Output {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** What a command may touch: its streams, environment and working directory (injectable for tests). */
export interface Context {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Colours for stdout and for stderr, each on only where that stream is a terminal. */
  out: Colors;
  err: Colors;
  debug: boolean;
  lang: "zh" | "en";
}
