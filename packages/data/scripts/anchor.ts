/**
 * anchor: sets each observation's `source.offset` to where its quote stands in the source text.
 *
 *   npx tsx scripts/anchor.ts <report.yaml> [--source <file>] [--write]
 *
 * Without --write it only reports what it would change (exit 1 when an offset is out of date), so
 * it doubles as a CI check. With --write it updates the YAML in place, atomically: each offset
 * that changes is spliced into the original text at the place the yaml Document API located it,
 * so comments and layout stay byte for byte (re-serializing the document would restyle flow
 * collections). An observation with no offset key yet gets one through the Document API, and
 * the file is then re-serialized. A quote that is not in the
 * source, or that occurs more than once while the recorded offset matches none of its occurrences,
 * is refused: the author must lengthen the quote or pick the occurrence.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { writeAtomic } from "./lib/build.js";

export const EXIT = { ok: 0, outdated: 1, usage: 2, io: 3, quotes: 4, source_mismatch: 5 } as const;

export interface Change {
  id: string;
  from: number | undefined;
  to: number;
  /** Where the old offset scalar stands in the YAML text (UTF-16 indices), when it exists. */
  range?: [start: number, end: number];
}

export interface Problem {
  id: string;
  /** Where in the YAML the quote is, 1-based. */
  line?: number;
  col?: number;
  message: string;
}

export interface AnchorResult {
  changes: Change[];
  problems: Problem[];
  /** Observations whose offset was already right. */
  unchanged: number;
}

/** Code-point offsets of every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  let from = 0;
  for (;;) {
    const i = text.indexOf(needle, from);
    if (i < 0) return out;
    out.push([...text.slice(0, i)].length);
    from = i + 1;
  }
}

/**
 * Computes, and applies to `doc`, the offset of every observation's quote. The document is edited
 * only where an offset changes; problems leave their observation untouched.
 */
export function anchorQuotes(doc: Document, sourceText: string, lines?: LineCounter): AnchorResult {
  const result: AnchorResult = { changes: [], problems: [], unchanged: 0 };
  const observations = doc.get("observations", true);
  if (!isSeq(observations)) {
    result.problems.push({ id: "(report)", message: "the report has no `observations` list" });
    return result;
  }
  const where = (node: Node | null | undefined) => {
    if (!lines || !node?.range) return {};
    const p = lines.linePos(node.range[0]);
    return { line: p.line, col: p.col };
  };
  observations.items.forEach((item, index) => {
    if (!isMap(item)) {
      result.problems.push({ id: `#${index}`, ...where(item as Node), message: "observation is not a mapping" });
      return;
    }
    const idNode = item.get("id", true);
    const id = isScalar(idNode) ? String(idNode.value) : `#${index}`;
    const source = item.get("source", true);
    const quoteNode = isMap(source) ? source.get("quote", true) : undefined;
    if (!isMap(source) || !isScalar(quoteNode) || typeof quoteNode.value !== "string") {
      result.problems.push({ id, ...where(item), message: "has no source.quote text" });
      return;
    }
    const quote = quoteNode.value;
    const offsetNode = source.get("offset", true);
    const current = isScalar(offsetNode) && typeof offsetNode.value === "number" ? offsetNode.value : undefined;
    const found = occurrences(sourceText, quote);
    if (found.length === 0) {
      result.problems.push({ id, ...where(quoteNode), message: `quote not found in the source: «${quote}»` });
      return;
    }
    let to: number;
    if (found.length === 1) {
      to = found[0] as number;
    } else if (current !== undefined && found.includes(current)) {
      to = current;
    } else {
      result.problems.push({
        id,
        ...where(quoteNode),
        message: `quote occurs ${found.length} times (offsets ${found.join(", ")}) and the recorded offset ${current ?? "(none)"} is none of them: lengthen the quote or set the offset: «${quote}»`,
      });
      return;
    }
    if (to === current) {
      result.unchanged++;
      return;
    }
    const change: Change = { id, from: current, to };
    if (isScalar(offsetNode) && offsetNode.range) change.range = [offsetNode.range[0], offsetNode.range[1]];
    source.set("offset", to);
    result.changes.push(change);
  });
  return result;
}

/**
 * The YAML text with the changes applied: spliced into `original` where every changed offset had a
 * scalar in place, else the re-serialized document (which restyles the layout).
 */
export function applyChanges(original: string, doc: Document, changes: readonly Change[]): string {
  if (changes.some((c) => !c.range)) return doc.toString({ lineWidth: 0 });
  let text = original;
  const byStart = [...changes].sort((a, b) => (b.range?.[0] ?? 0) - (a.range?.[0] ?? 0));
  for (const c of byStart) {
    const [start, end] = c.range as [number, number];
    text = text.slice(0, start) + String(c.to) + text.slice(end);
  }
  return text;
}

interface Args {
  report: string;
  source?: string;
  write: boolean;
}

function parseArgs(argv: string[]): Args | string {
  let report: string | undefined;
  let source: string | undefined;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--write") write = true;
    else if (a === "--source") {
      source = argv[++i];
      if (!source) return "--source needs a file";
    } else if (a === "--help" || a === "-h") return "";
    else if (a.startsWith("-")) return `unknown option ${a}`;
    else if (report) return `only one report file, got ${report} and ${a}`;
    else report = a;
  }
  if (!report) return "missing the report YAML file";
  return { report, write, ...(source ? { source } : {}) };
}

const USAGE = "usage: anchor <report.yaml> [--source <file>] [--write]";

export function main(argv: string[], log = console.log, err = console.error): number {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    err(args ? `anchor: ${args}\n${USAGE}` : USAGE);
    return args ? EXIT.usage : EXIT.ok;
  }
  const reportPath = resolve(args.report);
  let yamlText: string;
  try {
    yamlText = readFileSync(reportPath, "utf8");
  } catch (e) {
    err(`anchor: cannot read ${reportPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return EXIT.io;
  }
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, keepSourceTokens: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const p = e.linePos?.[0];
      err(`${reportPath}:${p ? `${p.line}:${p.col}` : "?"}: ${e.message.split("\n")[0]}`);
    }
    return EXIT.io;
  }
  const declaredFile = doc.getIn(["source", "file"]);
  const sourcePath = resolve(
    args.source ?? join(dirname(reportPath), typeof declaredFile === "string" ? declaredFile : "source.txt"),
  );
  let sourceText: string;
  try {
    sourceText = readFileSync(sourcePath, "utf8");
  } catch (e) {
    err(
      `anchor: cannot read the source text ${sourcePath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return EXIT.io;
  }
  // Offsets into a different text would be wrong everywhere: refuse rather than re-anchor silently.
  const sha = doc.getIn(["source", "sha256"]);
  const actual = createHash("sha256").update(sourceText, "utf8").digest("hex");
  if (typeof sha === "string" && sha !== actual) {
    err(`${reportPath}: source.sha256 is ${sha}, but ${sourcePath} hashes to ${actual}`);
    return EXIT.source_mismatch;
  }

  const result = anchorQuotes(doc, sourceText, lines);
  for (const p of result.problems) {
    err(`${reportPath}:${p.line !== undefined ? `${p.line}:${p.col}` : "?"}: observation ${p.id}: ${p.message}`);
  }
  for (const c of result.changes) log(`${c.id}: offset ${c.from ?? "(none)"} → ${c.to}`);
  log(
    `${result.changes.length} offset(s) ${args.write && result.problems.length === 0 ? "updated" : "out of date"}, ${result.unchanged} already right, ${result.problems.length} problem(s)`,
  );
  // A refused quote leaves the whole file untouched: a half-anchored report is worse than a stale one.
  if (result.problems.length > 0) return EXIT.quotes;
  if (args.write && result.changes.length > 0) {
    try {
      writeAtomic(reportPath, applyChanges(yamlText, doc, result.changes));
    } catch (e) {
      err(`anchor: cannot write ${reportPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return EXIT.io;
    }
  }
  if (!args.write && result.changes.length > 0) return EXIT.outdated;
  return EXIT.ok;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) process.exit(main(process.argv.slice(2)));
