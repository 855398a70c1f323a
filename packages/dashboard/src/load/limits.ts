/**
 * What the page accepts, stated so that an input beyond it gets a clear message instead of a
 * frozen page or "Maximum call stack size exceeded". docs/dashboard.md lists the same figures.
 */
export const LIMITS = {
  /** Any file, in bytes. */
  fileBytes: 20 * 1024 * 1024,
  /** A raw text to extract (or a source text), in bytes: the government reports are 10–200 KB. */
  textBytes: 4 * 1024 * 1024,
  /** Nesting of arrays and objects in a report file (a report needs about 6). */
  depth: 64,
  /** Characters in any one string of a report file (the longest quote of a report is a paragraph). */
  stringChars: 100_000,
  /** Observations in one report. */
  observations: 20_000,
} as const;

export type LimitProblem =
  | { limit: "fileBytes" | "textBytes"; bytes: number }
  | { limit: "depth"; at: string; line?: number }
  | { limit: "stringChars"; at: string; chars: number }
  | { limit: "observations"; count: number };

/**
 * The deepest nesting of brackets in a JSON or YAML flow text, scanned without parsing (so
 * without recursion): where it first goes beyond `max`, the 1-based line; undefined when it does not.
 * Quoted strings are skipped; YAML block nesting by indentation is counted by its indentation.
 */
export function tooDeep(text: string, max: number = LIMITS.depth): { line: number } | undefined {
  let depth = 0;
  let line = 1;
  let quote = "";
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      line++;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === " " || c === "-") {
        indent++;
        // Block nesting: every two columns of indentation (or "- ") is a level at most.
        if (indent / 2 > max) return { line };
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth > max) return { line };
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Checks parsed data against the limits with an explicit stack (never recursion). */
export function beyondLimits(data: unknown): LimitProblem | undefined {
  const obs = (data as { observations?: unknown })?.observations;
  if (Array.isArray(obs) && obs.length > LIMITS.observations) return { limit: "observations", count: obs.length };
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: data, path: "$", depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === "string") {
      if (v.length > LIMITS.stringChars) return { limit: "stringChars", at: path, chars: v.length };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= LIMITS.depth) return { limit: "depth", at: path };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: `${path}.${k}`, depth: depth + 1 });
  }
  return undefined;
}
