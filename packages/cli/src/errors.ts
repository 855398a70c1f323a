/** Exit codes: 0 valid / nothing found, 1 the input is readable but wrong, 2 usage or unreadable input. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface Place {
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in code points. */
  column?: number;
}

/**
 * An error the user can act on. It prints as one line, `govreport: <file>:<line>:<col>: <cause>`,
 * without a stack trace, and ends the run with `exitCode`.
 */
export class CliError extends Error {
  override name = "CliError";
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
  }
  return `${s}: `;
}

export function formatCliError(e: CliError): string {
  return `govreport: ${formatPlace(e.place)}${e.message}`;
}
