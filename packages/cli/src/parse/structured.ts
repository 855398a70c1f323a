import type { Document, Node, YAMLError } from "yaml";
import { CliError, type Place } from "../errors.js";
import { LineIndex } from "../format/lines.js";
import { mark } from "../timing.js";
import { fastParse, type PosNode } from "./fast-yaml.js";
import { findExcessiveNesting } from "./nesting.js";

export type PathSegment = string | number;
export type Format = "yaml" | "json";

/** Deeper than any report needs (about 7 levels), far below what exhausts the parser. */
export const MAX_DEPTH = 64;
/** Aliases expanded in one document: enough for hand-written anchors, not for a "billion laughs" bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Keys that would reach Object.prototype in careless code downstream; a report never needs them. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface Position {
  line: number;
  column: number;
}

export interface StructuredDocument {
  data: unknown;
  format: Format;
  /**
   * Where the value at a JSON path is written. A missing key resolves to its nearest written
   * parent; `key: true` prefers the key over the value (for "unknown field" messages).
   */
  locate(segments: readonly PathSegment[], options?: { key?: boolean }): Position | undefined;
}

/** .json → JSON, .yaml/.yml → YAML; otherwise JSON when the text starts with { or [. */
export function detectFormat(name: string, text: string): Format {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return /^\s*[[{]/.test(text) ? "json" : "yaml";
}

/** The parser's message without its own " at line 3, column 5:" and code excerpt. */
function cleanMessage(e: YAMLError): string {
  const first = e.message.split("\n")[0] ?? e.message;
  return first.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}

/**
 * Parses YAML or JSON (JSON as YAML with the strict JSON schema) into plain data, refusing what a
 * report never contains and what could exhaust time or memory: excessive nesting or aliases,
 * reserved keys (`__proto__`, `constructor`, `prototype`), duplicate keys, non-finite numbers and
 * several documents in one file. Every refusal is a CliError at the offending line and column.
 * Documents in the plain subset reports use are read by a fast reader; the rest by `yaml`.
 */
export async function parseStructured(
  text: string,
  file: string,
  format: Format = detectFormat(file, text),
): Promise<StructuredDocument> {
  const lines = new LineIndex(text);
  const position = (offset: number): Position => lines.at(offset);

  // GOVREPORT_FAST_YAML=0 turns the fast reader off: for the batch benchmark, which weighs it.
  const fast =
    process.env.GOVREPORT_FAST_YAML === "0" ? undefined : fastParse(text, format === "json", { maxDepth: MAX_DEPTH });
  mark(fast ? "  fast reader parsed" : "  fast reader declined");
  let parsed: { data: unknown; locate: Locate };
  if (fast) parsed = { data: fast.data, locate: locateIn(fast.pos, position) };
  else {
    // The fast reader accepts nothing nested deeper than MAX_DEPTH; `yaml` recurses per level
    // and must not see such text at all.
    const deep = findExcessiveNesting(text, MAX_DEPTH);
    if (deep) throw new CliError(`nested more than ${MAX_DEPTH} levels deep`, { file, ...deep });
    parsed = await parseWithYaml(text, file, format, position);
  }
  const { data, locate } = parsed;
  const where = (segments: PathSegment[], key = false): Place => ({ file, ...locate(segments, { key }) });
  checkValues(data, where);
  mark("  values checked");
  return { data, format, locate };
}

type Locate = StructuredDocument["locate"];

function locateIn(root: PosNode, position: (offset: number) => Position): Locate {
  return (segments, options = {}) => {
    let node: PosNode = root;
    let best = root.at;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const last = i === segments.length - 1;
      if (node.keys) {
        const entry = node.keys.get(String(seg));
        if (!entry) break;
        best = last && options.key ? entry.key : entry.node.at;
        node = entry.node;
      } else if (node.items && typeof seg === "number") {
        const item = node.items[seg];
        if (!item) break;
        best = item.at;
        node = item;
      } else break;
    }
    return position(best);
  };
}

async function parseWithYaml(
  text: string,
  file: string,
  format: Format,
  position: (offset: number) => Position,
): Promise<{ data: unknown; locate: Locate }> {
  const { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } = await import("yaml");
  const at = (offset: number | undefined): Place => ({ file, ...(offset === undefined ? {} : position(offset)) });
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: format === "json" ? "json" : "core", uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    throw new CliError(`cannot parse ${format.toUpperCase()}: ${(e as Error).message}`, { file });
  }
  const error = doc.errors[0];
  if (error) {
    const what = format === "json" ? "JSON" : "YAML";
    const msg =
      error.code === "RESOURCE_EXHAUSTION"
        ? "nested too deeply to parse"
        : error.code === "MULTIPLE_DOCS"
          ? `invalid ${what}: more than one document (---); a report file holds one report`
          : `invalid ${what}: ${cleanMessage(error)}`;
    throw new CliError(msg, at(error.pos[0]));
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      // The place is the first alias: where the expansion starts.
      let first: number | undefined;
      visit(doc, {
        Alias(_, node) {
          first = node.range?.[0];
          return visit.BREAK;
        },
      });
      throw new CliError(
        `aliases expand to more than ${MAX_ALIAS_COUNT} nodes (a "billion laughs" alias bomb?); refused`,
        at(first),
      );
    }
    if (e instanceof RangeError) throw new CliError("nested too deeply to parse", { file });
    throw new CliError(`cannot read the ${format.toUpperCase()} document: ${(e as Error).message}`, { file });
  }

  const locate: Locate = (segments, options = {}) => {
    let node: unknown = doc.contents;
    let best: number | undefined = (doc.contents as Node | null)?.range?.[0];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (isAlias(node)) node = node.resolve(doc);
      const last = i === segments.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyStart = (pair.key as Node).range?.[0];
        const value = pair.value as Node | null;
        best = last && options.key ? keyStart : (value?.range?.[0] ?? keyStart);
        node = value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        best = item.range?.[0] ?? best;
        node = item;
      } else break;
    }
    return best === undefined ? undefined : position(best);
  };
  return { data, locate };
}

function pathString(segments: readonly PathSegment[]): string {
  let s = "$";
  for (const seg of segments)
    s += typeof seg === "number" ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
  return s;
}

/**
 * Refuses non-finite numbers, big integers, binary data, reserved keys and nesting deeper than
 * MAX_DEPTH, reporting the first in document order. One shared path, copied only for an error.
 * Recursion is bounded by MAX_DEPTH, also where aliases make the same object appear at many paths.
 */
function checkValues(root: unknown, where: (p: PathSegment[], key?: boolean) => Place): void {
  const path: PathSegment[] = [];
  const refuse = (message: string, at: PathSegment[] = path, key = false): never => {
    throw new CliError(`${message} at ${pathString(path)}`, where([...at], key));
  };
  const visit = (v: unknown): void => {
    if (path.length > MAX_DEPTH)
      throw new CliError(`nested more than ${MAX_DEPTH} levels deep (at ${pathString(path)})`, where([...path]));
    if (typeof v === "number") {
      if (!Number.isFinite(v))
        refuse(Number.isNaN(v) ? "not a number (NaN)" : "number out of range (it would be Infinity)");
      return;
    }
    if (typeof v === "bigint") refuse("number out of range");
    if (typeof v !== "object" || v === null) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i]);
        path.pop();
      }
      return;
    }
    if (v instanceof Uint8Array) refuse("binary data is not allowed");
    for (const key of Object.keys(v)) {
      if (RESERVED_KEYS.has(key))
        refuse(
          `the key "${key}" is not allowed (reserved, it could alter object prototypes); refused`,
          [...path, key],
          true,
        );
      path.push(key);
      visit((v as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(root);
}
