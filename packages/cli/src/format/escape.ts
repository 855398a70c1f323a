/**
 * Control characters from data (quotes, ids, file names) must not reach a terminal as they are:
 * ESC starts sequences that retitle the window, clear the screen or move the cursor, and a newline
 * inside a quote would print a line that looks like ours. In human output they are shown escaped,
 * as `\x1b`, `\n`, `\t`; so are C1 controls (U+0080–U+009F: 0x9b is a one-byte CSI on some
 * terminals) and the bidirectional overrides and isolates that make text display in another order
 * than it is stored (U+202A–U+202E, U+2066–U+2069). JSON output is never escaped this way.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** The string with every control character escaped; the same string when there is none. */
export function escapeControl(s: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s) ? s.replace(CONTROL, escapeOne) : s;
}

/**
 * A copy of a value (a command's result, before it is formatted for a person) with every string
 * in it escaped. Formatting then cannot print a control character from the data, whichever field
 * a formatter uses; the result given to --json stays untouched.
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === "string") return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeStrings(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v);
    return out as T;
  }
  return value;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped.
const UNSAFE = /\u001b(?!\[[0-9;]*m)|[\u0000-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One message line: every control character escaped but colour (SGR) sequences and a final line break. */
export function escapeMessage(s: string): string {
  const end = s.endsWith("\n") ? "\n" : "";
  const body = end ? s.slice(0, -1) : s;
  return body.replace(UNSAFE, escapeOne) + end;
}

/**
 * For the stream commands write their messages to (stderr), one line per write: a guard behind
 * each message's own escaping, so that a file name or a warning that holds a newline or an escape
 * sequence cannot split a message or drive the terminal.
 */
export function terminalSafe<T extends { write(s: string): unknown }>(stream: T): T {
  const write = (s: string) => stream.write(typeof s === "string" ? escapeMessage(s) : s);
  return new Proxy(stream, {
    get(target, key) {
      if (key === "write") return write;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
