import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type LineCounter } from "yaml";

export type PathSegment = string | number;

export interface Located {
  /** 1-based line and column of the node. */
  line: number;
  col: number;
  /** False when the path leads past what the document has (a missing field): the position is then its parent's. */
  exact: boolean;
}

const SEGMENT = /^(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** Reads a JSON path as `formatJsonPath` writes it ($.observations[3]["odd key"].unit) back into segments. */
export function parseJsonPath(path: string): PathSegment[] | undefined {
  if (!path.startsWith("$")) return undefined;
  const out: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3] ?? '""') as string);
    rest = rest.slice(m[0].length);
  }
  return out;
}

function startOf(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

/**
 * Finds where a JSON path points in a YAML document. With `key`, a path ending in a mapping key
 * points at the key rather than its value (for "unknown field" issues).
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  segments: readonly PathSegment[],
  options: { key?: boolean } = {},
): Located {
  let node: unknown = doc.contents;
  let at = startOf(node) ?? 0;
  let exact = true;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
      if (!pair) {
        exact = false;
        break;
      }
      const last = i === segments.length - 1;
      const keyAt = startOf(pair.key);
      if (last && options.key && keyAt !== undefined) {
        at = keyAt;
        break;
      }
      // `field:` with no value: point at the key.
      next = pair.value;
      if (startOf(next) === undefined || (isScalar(next) && next.value === null && keyAt !== undefined)) {
        at = keyAt ?? at;
        if (!last) exact = false;
        break;
      }
    } else if (isSeq(node) && typeof seg === "number") {
      next = node.items[seg];
      if (next === undefined) {
        exact = false;
        break;
      }
    } else {
      exact = false;
      break;
    }
    node = next;
    at = startOf(node) ?? at;
  }
  const pos = lines.linePos(at);
  return { line: pos.line, col: pos.col, exact };
}
