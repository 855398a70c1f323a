/**
 * A fast reader for the plain subset of YAML that report files use (block mappings and sequences,
 * flow collections, single-line quoted and plain scalars, comments) and for JSON. The `yaml`
 * package takes ~100 ms to load and parse a 100 KB report; this ~15 ms in a fresh process, a few
 * once V8 has optimized it. Anything outside the subset — anchors, tags, block scalars, multi-line
 * scalars, several documents, complex keys, duplicate keys, anything malformed — makes it give up
 * (return undefined), and the caller parses with `yaml`, which handles every case and words every
 * error. So this reader never has to be right about an error, only about the data of documents it
 * accepts; a differential test checks that against `yaml`.
 */

/** Where a node was written: its offset, and for mappings each key's offset and child. */
export interface PosNode {
  at: number;
  keys?: Map<string, { key: number; node: PosNode }>;
  items?: PosNode[];
}

export interface FastResult {
  data: unknown;
  pos: PosNode;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

interface Parsed {
  value: unknown;
  pos: PosNode;
  /** Index just after the node. */
  end: number;
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
/** Core-schema forms this reader leaves to `yaml`: hex, octal, infinities, NaN. */
const EXOTIC = /^(?:[-+]?0[xo]|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;

function resolvePlain(s: string, json: boolean): unknown {
  if (json) {
    if (s === "null") return null;
    if (s === "true") return true;
    if (s === "false") return false;
    if (JSON_NUMBER.test(s)) return Number(s);
    return bail();
  }
  // Only text starting with - + . or a digit can be a number; the rest is a string unless it is
  // one of the core schema's words (compared directly: this runs for every key and value).
  const c = s.charCodeAt(0);
  if (!(c === 0x2d || c === 0x2b || c === 0x2e || (c >= 0x30 && c <= 0x39))) {
    switch (s) {
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return null;
      case "true":
      case "True":
      case "TRUE":
        return true;
      case "false":
      case "False":
      case "FALSE":
        return false;
      default:
        return s;
    }
  }
  // No text matching INT or FLOAT is EXOTIC, so the commoner tests go first.
  if (INT.test(s)) return Number(s);
  if (FLOAT.test(s)) return Number.parseFloat(s);
  if (EXOTIC.test(s)) return bail();
  return s;
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // An own "__proto__" property, as `yaml` makes it, rather than a prototype change.
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** A space or a tab (a comment's # must follow one). */
const isBlank = (c: number) => c === 0x20 || c === 0x09;

// Scans run as regular expressions from a position (lastIndex), not as loops over characters:
// this code runs once per file, mostly before V8 has compiled it, where a native search is many
// times faster than a loop in the interpreter. Each is global (or sticky) and reset before use.
/** Where a double-quoted scalar's plain run ends: a quote, an escape or a line break. */
const DQ_STOP = /["\\\n]/g;
/** Where a plain scalar in a flow collection may end; `:` and `#` only in some contexts. */
const FLOW_STOP = /[,[\]{}\n:#]/g;
/** A mapping key's colon (followed by a space or a line end), or a comment, whichever is first. */
const KEY_STOP = /:(?=[ \n]|$)|[ \t]#|\n/g;
/** Characters that may not start a plain key, a plain block value, a plain flow scalar. */
const KEY_NOT_FIRST = "[]{},&*!|>'\"%@`?#-";
const INLINE_NOT_FIRST = "&*!|>%@`?#],}";
const FLOW_NOT_FIRST = "&*!|>%@`?#[]{},:";
/** Spaces and line breaks. */
const SPACES = /[ \n\r]*/y;

class Reader {
  /** Collections open around the current position. */
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly json: boolean,
    private readonly maxDepth: number,
  ) {}

  /** Entering a collection: deeper than maxDepth is left to `yaml` (and its nesting guard). */
  private enter(): void {
    if (++this.depth > this.maxDepth) bail();
  }

  private leave(node: Parsed): Parsed {
    this.depth--;
    return node;
  }

  /** Column (0-based) of index i; tabs in indentation are left to `yaml`. */
  private col(i: number): number {
    const start = this.s.lastIndexOf("\n", i - 1) + 1;
    for (let k = start; k < i; k++) if (this.s[k] === "\t") bail();
    return i - start;
  }

  private eol(i: number): number {
    const e = this.s.indexOf("\n", i);
    return e < 0 ? this.s.length : e;
  }

  /** Skips spaces, blank lines and comment lines; returns the next content character's index. */
  private skipToContent(i: number): number {
    const s = this.s;
    for (;;) {
      SPACES.lastIndex = i;
      SPACES.test(s);
      i = SPACES.lastIndex;
      if (i < s.length && s[i] === "#") {
        i = this.eol(i);
        continue;
      }
      if (i < s.length && s[i] === "\t") {
        // A tab is fine inside a line, not as indentation.
        const start = s.lastIndexOf("\n", i - 1) + 1;
        if (s.slice(start, i).trim() === "") bail();
        i++;
        continue;
      }
      return i;
    }
  }

  /** After a value on a line: only spaces and a comment may follow before the line ends. */
  private endOfLine(i: number): number {
    const s = this.s;
    while (i < s.length && (s[i] === " " || s[i] === "\t")) i++;
    if (i < s.length && s[i] === "#") {
      if (s[i - 1] !== " " && s[i - 1] !== "\t") bail();
      return this.eol(i);
    }
    if (i < s.length && s[i] !== "\n") bail();
    return i;
  }

  document(): FastResult {
    const s = this.s;
    const start = this.skipToContent(0);
    if (start >= s.length) bail();
    const flowDoc = s[start] === "{" || s[start] === "[";
    if ((this.json && !flowDoc) || (!flowDoc && this.col(start) !== 0)) bail();
    if (s.startsWith("---", start) || s.startsWith("...", start) || s[start] === "%") bail();
    const node = flowDoc ? this.inline(start, -1) : this.block(start, 0);
    if (this.skipToContent(node.end) < s.length) bail();
    return { data: node.value, pos: node.pos };
  }

  private isDash(i: number): boolean {
    const n = this.s[i + 1];
    return this.s[i] === "-" && (n === " " || n === "\n" || n === undefined);
  }

  private block(p: number, n: number): Parsed {
    if (this.isDash(p)) return this.sequence(p, n);
    if (this.s[p] === "{" || this.s[p] === "[") return this.inline(p, n);
    if (this.key(p)) return this.mapping(p, n);
    return this.inline(p, n);
  }

  /** A mapping key at p: `key: `, `"key": `, `'key': `. */
  private key(p: number): { key: string; valueAt: number } | undefined {
    const s = this.s;
    const c = s[p];
    if (c === '"' || c === "'") {
      const q = c === '"' ? this.doubleQuoted(p) : this.singleQuoted(p);
      let i = q.end;
      while (s[i] === " ") i++;
      if (s[i] !== ":") return undefined;
      const after = s[i + 1];
      if (after !== " " && after !== "\n" && after !== undefined) return undefined;
      return { key: q.value as string, valueAt: i + 1 };
    }
    KEY_STOP.lastIndex = p;
    // test() and lastIndex, not exec(): no match array. A colon match is one character long.
    if (!KEY_STOP.test(s) || s.charCodeAt(KEY_STOP.lastIndex - 1) !== 0x3a /* : */) return undefined;
    const colon = KEY_STOP.lastIndex - 1;
    const key = s.slice(p, colon).trimEnd();
    if (key === "" || KEY_NOT_FIRST.includes(key[0] ?? "") || /\s#/.test(key)) bail();
    // Keys that resolve to something other than text (1, true, null) are left to `yaml`.
    if (resolvePlain(key, false) !== key) bail();
    return { key, valueAt: colon + 1 };
  }

  private mapping(p: number, n: number): Parsed {
    this.enter();
    const s = this.s;
    const obj: Record<string, unknown> = {};
    const keys = new Map<string, { key: number; node: PosNode }>();
    const pos: PosNode = { at: p, keys };
    for (;;) {
      const k = this.key(p) ?? bail();
      if (keys.has(k.key)) bail();
      let i = k.valueAt;
      while (s[i] === " ") i++;
      let child: Parsed;
      if (i >= s.length || s[i] === "\n" || s[i] === "#") {
        const next = this.skipToContent(this.endOfLine(i));
        const nc = next < s.length ? this.col(next) : -1;
        if (next < s.length && (nc > n || (nc === n && this.isDash(next)))) child = this.block(next, nc);
        else child = { value: null, pos: { at: p }, end: this.endOfLine(i) };
      } else {
        child = this.inline(i, n);
      }
      setKey(obj, k.key, child.value);
      keys.set(k.key, { key: p, node: child.pos });
      const next = this.skipToContent(child.end);
      if (next >= s.length) return this.leave({ value: obj, pos, end: child.end });
      const nc = this.col(next);
      if (nc < n) return this.leave({ value: obj, pos, end: child.end });
      if (nc > n || this.isDash(next)) bail();
      p = next;
    }
  }

  private sequence(p: number, n: number): Parsed {
    this.enter();
    const s = this.s;
    const arr: unknown[] = [];
    const items: PosNode[] = [];
    for (;;) {
      let i = p + 1;
      while (s[i] === " ") i++;
      let child: Parsed;
      if (i >= s.length || s[i] === "\n" || s[i] === "#") {
        const next = this.skipToContent(this.endOfLine(i));
        const nc = next < s.length ? this.col(next) : -1;
        child = nc > n ? this.block(next, nc) : { value: null, pos: { at: p }, end: this.endOfLine(i) };
      } else {
        child = this.block(i, i - (s.lastIndexOf("\n", i - 1) + 1));
      }
      arr.push(child.value);
      items.push(child.pos);
      const next = this.skipToContent(child.end);
      if (next >= s.length) return this.leave({ value: arr, pos: { at: p, items }, end: child.end });
      const nc = this.col(next);
      if (nc < n) return this.leave({ value: arr, pos: { at: p, items }, end: child.end });
      if (nc > n) bail();
      // A mapping key at the sequence's own indent: the sequence was the value of the key above.
      if (!this.isDash(next)) return this.leave({ value: arr, pos: { at: p, items }, end: child.end });
      p = next;
    }
  }

  /** A value that starts on this line: a flow collection (which may span lines) or a one-line scalar. */
  private inline(p: number, n: number): Parsed {
    const s = this.s;
    const c = s[p];
    let v: Parsed;
    if (c === "{" || c === "[") v = this.flow(p, n);
    else if (c === '"') v = this.doubleQuoted(p);
    else if (c === "'") v = this.singleQuoted(p);
    else if (c === undefined || INLINE_NOT_FIRST.includes(c) || this.isDash(p)) return bail();
    else {
      const end = this.eol(p);
      const line = s.slice(p, end);
      const hash = line.includes("#") ? line.search(/[ \t]#/) : -1;
      const text = (hash < 0 ? line : line.slice(0, hash)).trimEnd();
      if ((text.includes(":") && /:(\s|$)/.test(text)) || text.includes("\t")) bail();
      return { value: resolvePlain(text, this.json), pos: { at: p }, end };
    }
    v.end = this.endOfLine(v.end);
    return v;
  }

  private flowSpace(i: number, n: number): number {
    const s = this.s;
    for (;;) {
      const c = s[i];
      if (c === " " || c === "\t" || c === "\r") i++;
      else if (c === "\n") {
        i++;
        // Continuation lines of a flow collection inside a block must be indented past it.
        let k = i;
        while (s[k] === " ") k++;
        if (n >= 0 && k - i <= n && s[k] !== "\n" && k < s.length) bail();
      } else if (c === "#") {
        if (s[i - 1] !== " " && s[i - 1] !== "\t" && s[i - 1] !== "\n") bail();
        i = this.eol(i);
      } else return i;
    }
  }

  private flow(p: number, n: number): Parsed {
    this.enter();
    const s = this.s;
    const isMap = s[p] === "{";
    const close = isMap ? "}" : "]";
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    const keys = new Map<string, { key: number; node: PosNode }>();
    const items: PosNode[] = [];
    let i = this.flowSpace(p + 1, n);
    if (s[i] === close)
      return this.leave({ value: isMap ? obj : arr, pos: isMap ? { at: p, keys } : { at: p, items }, end: i + 1 });
    for (;;) {
      if (isMap) {
        const keyAt = i;
        const k = this.flowScalar(i, n, true);
        if (typeof k.value !== "string") bail();
        const key = k.value as string;
        if (keys.has(key)) bail();
        i = this.flowSpace(k.end, n);
        if (s[i] !== ":") bail();
        i = this.flowSpace(i + 1, n);
        const v = s[i] === "{" || s[i] === "[" ? this.flow(i, n) : this.flowScalar(i, n, false);
        setKey(obj, key, v.value);
        keys.set(key, { key: keyAt, node: v.pos });
        i = this.flowSpace(v.end, n);
      } else {
        const v = s[i] === "{" || s[i] === "[" ? this.flow(i, n) : this.flowScalar(i, n, false);
        arr.push(v.value);
        items.push(v.pos);
        i = this.flowSpace(v.end, n);
      }
      if (s[i] === close) break;
      if (s[i] !== ",") bail();
      i = this.flowSpace(i + 1, n);
      if (s[i] === close || s[i] === ",") bail();
    }
    return this.leave({ value: isMap ? obj : arr, pos: isMap ? { at: p, keys } : { at: p, items }, end: i + 1 });
  }

  private flowScalar(i: number, n: number, isKey: boolean): Parsed {
    const s = this.s;
    const c = s[i];
    if (c === '"') return this.doubleQuoted(i);
    if (c === "'") return this.singleQuoted(i);
    if (c === undefined || FLOW_NOT_FIRST.includes(c) || this.isDash(i) || (isKey && this.json)) bail();
    let k = s.length;
    FLOW_STOP.lastIndex = i;
    while (FLOW_STOP.test(s)) {
      const at = FLOW_STOP.lastIndex - 1;
      const d = s.charCodeAt(at);
      if (d === 0x3a /* : */ && !/[\s,[\]{}]/.test(s[at + 1] ?? " ")) continue;
      if (d === 0x23 /* # */ && !isBlank(s.charCodeAt(at - 1))) continue;
      k = at;
      break;
    }
    const text = s.slice(i, k).trim();
    if (text === "" || text.includes("\t")) bail();
    // A plain scalar that runs on to the next line folds into one; left to `yaml`.
    if (s[k] === "\n" || s[k] === "#") {
      const next = this.flowSpace(k, n);
      if (!/[,\]}:]/.test(s[next] ?? "")) bail();
    }
    return { value: isKey ? text : resolvePlain(text, this.json), pos: { at: i }, end: k };
  }

  private doubleQuoted(p: number): Parsed {
    const s = this.s;
    let out = "";
    let i = p + 1;
    for (;;) {
      // Copy the run up to the next quote, backslash or line break in one slice.
      DQ_STOP.lastIndex = i;
      const k = DQ_STOP.test(s) ? DQ_STOP.lastIndex - 1 : s.length;
      out += s.slice(i, k);
      i = k;
      const c = s[i];
      if (c === undefined || c === "\n") return bail();
      if (c === '"') break;
      const e = s[i + 1] ?? "";
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        continue;
      }
      const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      const hex = s.slice(i + 2, i + 2 + len);
      if (len === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return bail();
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return bail();
      out += String.fromCodePoint(cp);
      i += 2 + len;
    }
    return { value: out, pos: { at: p }, end: i + 1 };
  }

  private singleQuoted(p: number): Parsed {
    const s = this.s;
    const eol = this.eol(p);
    let out = "";
    let i = p + 1;
    for (;;) {
      const q = s.indexOf("'", i);
      // Unclosed on this line: a multi-line scalar, or no closing quote at all.
      if (q < 0 || q > eol) return bail();
      out += s.slice(i, q);
      if (s.charCodeAt(q + 1) !== 0x27) {
        i = q;
        break;
      }
      out += "'";
      i = q + 2;
    }
    return { value: out, pos: { at: p }, end: i + 1 };
  }
}

/**
 * Reads `text` (LF line breaks) if it is within the subset; undefined when `yaml` must do it.
 * `json`: scalars must be JSON literals and keys quoted, as under the `yaml` JSON schema.
 * Collections nested deeper than `maxDepth` are also left to `yaml` (the caller's guard words that
 * error), so what this accepts never nests deeper.
 */
export function fastParse(
  text: string,
  json: boolean,
  options: { maxDepth?: number; onBail?: (e: Error) => void } = {},
): FastResult | undefined {
  const { maxDepth = Number.POSITIVE_INFINITY, onBail } = options;
  if (text.includes("\r") || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new Reader(text, json, maxDepth).document();
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) {
      onBail?.(e);
      return undefined;
    }
    throw e;
  }
}
