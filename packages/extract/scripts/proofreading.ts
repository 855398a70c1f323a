/**
 * Planted slips in real report texts: each recipe names a shared text, a short passage to find in it
 * and what to print instead. The texts are read at run time from the shared folder and never copied
 * into the repository; a recipe holds only the passage and its replacement. Used by
 * test/proofreading.test.ts (each slip flagged on its line, no false alarm) and by
 * `pnpm --filter @govreport/extract proofreading` (the catch rate and the false-alarm count).
 */
import { readFileSync } from "node:fs";
import {
  type CheckResult,
  checkReport,
  codePointToIndex,
  type FindingCode,
  INCONSISTENCY_CODES,
  NOTE_CODES,
} from "@govreport/schema";
import { extractReport } from "../src/index.js";

export interface Slip {
  /** The shared text (file name in the shared reports folder). */
  text: string;
  /** The relation the slip breaks: average_growth, remainder, sum, part, share, product, change, growth_rate, points, target, direction. */
  kind: string;
  /** A passage printed exactly once in the text. */
  find: string;
  /** The passage with the slip. */
  slip: string;
  /** For a passage rewritten into the shape of a relation: the same rewrite with consistent figures, which must raise nothing. */
  fixed?: string;
  /** Which printing of the passage to change (1-based), for a text that prints it more than once (some hold the report twice). */
  occurrence?: number;
  /** tuning: a text read while writing the rules; held-out: a text whose slips were written after them. */
  split: "tuning" | "held-out";
  why: string;
  /**
   * A held-out slip the checks are known to miss, and why. Kept in the corpus so the catch rate
   * counts it; the test asserts it is still missed, so a fix must remove this and count it caught.
   */
  miss?: string;
}

/**
 * An inconsistency of an unchanged text, read by hand and found real: the report itself prints it (六大
 * with four named). Listed so that it is reported as what it is, and not counted as a false alarm; every
 * other finding on an unchanged text is one.
 */
export interface Verified {
  text: string;
  code: FindingCode;
  /** A passage printed once in the text, on the line the finding is raised on. */
  find: string;
  why: string;
}

export const SLIPS_FILE = new URL("../test/planted-slips.json", import.meta.url);

export function loadSlips(): Slip[] {
  return JSON.parse(readFileSync(SLIPS_FILE, "utf8")).slips as Slip[];
}

export function loadVerified(): Verified[] {
  return (JSON.parse(readFileSync(SLIPS_FILE, "utf8")).verified ?? []) as Verified[];
}

/** Splits the inconsistencies of an unchanged text into real ones (verified by hand) and false alarms. */
export function sortAlarms(
  name: string,
  text: string,
  flags: readonly Flag[],
  verified: readonly Verified[],
): { real: Flag[]; falseAlarms: Flag[]; unseen: Verified[] } {
  const mine = verified.filter((v) => v.text === name);
  const lineOf = (v: Verified) => {
    const at = text.indexOf(v.find);
    return at < 0 ? -1 : lineOfIndex(text, at);
  };
  const isReal = (f: Flag) => mine.some((v) => v.code === f.code && f.lines.includes(lineOf(v)));
  const inconsistencies = flags.filter((f) => !f.note);
  return {
    real: inconsistencies.filter(isReal),
    falseAlarms: inconsistencies.filter((f) => !isReal(f)),
    unseen: mine.filter((v) => !inconsistencies.some((f) => f.code === v.code && f.lines.includes(lineOf(v)))),
  };
}

/** A finding as `govreport check` reports it: its code and the lines of the figures involved. */
export interface Flag {
  code: FindingCode;
  note: boolean;
  lines: number[];
  message: string;
}

export interface Proofread {
  flags: Flag[];
  coverage: CheckResult["coverage"];
}

/** Runs extraction and the checks on a text, as `govreport check` does, keeping inconsistencies and notes. */
export function proofread(text: string): Proofread {
  const { report, quantities } = extractReport(text);
  const result = checkReport(report, { sourceText: text });
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (cp: number) => {
    const at = codePointToIndex(text, cp);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const flags = result.findings
    .filter((f) => INCONSISTENCY_CODES.has(f.code) || NOTE_CODES.has(f.code))
    .map((f) => ({
      code: f.code,
      note: NOTE_CODES.has(f.code),
      // A finding on printed words (an ordinal, a count) says where they are; one on figures, by its observations.
      lines:
        f.offset !== undefined
          ? [lineOf(f.offset)]
          : [...new Set(quantities.filter((q) => f.observations.includes(q.observation)).map((q) => lineOf(q.start)))],
      message: f.message.en,
    }));
  return { flags, coverage: result.coverage };
}

/** The line (1-based) a passage starts on. */
export function lineOfIndex(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export interface SlipResult {
  slip: Slip;
  /** Why the recipe could not be applied (its passage is not printed exactly once), if so. */
  error?: string;
  line: number;
  caught: boolean;
  flags: Flag[];
  /** Inconsistencies raised by the consistent rewrite (false alarms), when the recipe has one. */
  fixedAlarms: Flag[];
}

/** Applies one recipe to its text and checks the result: caught when a finding involves a figure on the slip's line. */
export function runSlip(slip: Slip, text: string, baseline: Proofread): SlipResult {
  const found: number[] = [];
  for (let i = text.indexOf(slip.find); i >= 0; i = text.indexOf(slip.find, i + 1)) found.push(i);
  const at = found[(slip.occurrence ?? 1) - 1] ?? -1;
  const error =
    found.length === 0
      ? "passage not found"
      : slip.occurrence === undefined && found.length > 1
        ? `passage printed ${found.length} times: say which (occurrence)`
        : at < 0
          ? `passage printed only ${found.length} times`
          : undefined;
  if (error)
    return {
      slip,
      error,
      line: 0,
      caught: false,
      flags: [],
      fixedAlarms: [],
    };
  const line = lineOfIndex(text, at);
  const changed = text.slice(0, at) + slip.slip + text.slice(at + slip.find.length);
  const { flags } = proofread(changed);
  // Only what the slip raised: a finding the unchanged text already had is not a catch.
  const known = new Set(baseline.flags.map((f) => `${f.code}|${f.message}`));
  const raised = flags.filter((f) => !known.has(`${f.code}|${f.message}`));
  const caught = raised.some((f) => f.lines.includes(line));
  let fixedAlarms: Flag[] = [];
  if (slip.fixed !== undefined) {
    const fixed = text.slice(0, at) + slip.fixed + text.slice(at + slip.find.length);
    fixedAlarms = proofread(fixed).flags.filter((f) => !f.note && !known.has(`${f.code}|${f.message}`));
  }
  return { slip, line, caught, flags: raised, fixedAlarms };
}
