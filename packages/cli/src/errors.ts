import { escapeControl } from "./format/escape.js";

/** Exit codes: 0 valid / nothing found, 1 the input is readable but wrong, 2 usage or unreadable input. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface Place {
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in code points. */
  column?: number;
  /** 0-based byte offset, for places that have no line (a size limit, a byte-order mark). */
  offset?: number;
}

/**
 * An error the user can act on. It prints as one line, `govreport: <file>:<line>:<col>: <cause>`,
 * without a stack trace, and ends the run with `exitCode`.
 */
const BRAND = Symbol.for("govreport.CliError");

export class CliError extends Error {
  override name = "CliError";
  readonly [BRAND] = true;
  /**
   * By brand, not by prototype: the built binary has two bundles (the launcher and the commands,
   * see tsup.config.ts), each with its own copy of this class, and main must recognise errors
   * thrown by either.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: boolean })[BRAND] === true;
  }
  constructor(
    message: string,
    readonly place?: Place,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

export function formatPlace(place: Place | undefined): string {
  if (!place) return "";
  let s = place.file;
  if (place.line !== undefined) {
    s += `:${place.line}`;
    if (place.column !== undefined) s += `:${place.column}`;
  } else if (place.offset !== undefined) s += `: byte ${place.offset}`;
  return `${s}: `;
}

/**
 * One line, whatever the message and file name hold: control characters (an escape sequence in a
 * file name, a newline that would start a fake message) are shown escaped.
 */
export function formatCliError(e: CliError): string {
  return escapeControl(`govreport: ${formatPlace(e.place)}${e.message}`);
}
