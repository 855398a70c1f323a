import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { CliError } from "../errors.js";

/** What a folder or glob is searched for, per command. */
export const TEXT_FILES = /\.txt$/i;
export const REPORT_FILES = /\.(ya?ml|json)$/i;
export const ANY_INPUT = /\.(txt|ya?ml|json)$/i;

const GLOB = /[*?[\]{}]/;

function walk(dir: string, pattern: RegExp, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, pattern, out);
    else if (pattern.test(e.name)) out.push(path);
  }
}

/** Whether the arguments name more than one input: several of them, a folder, or a glob. */
export function isBatch(positionals: readonly string[], cwd: string): boolean {
  if (positionals.length > 1) return true;
  const [arg] = positionals;
  if (arg === undefined || arg === "-") return false;
  if (GLOB.test(arg)) {
    try {
      statSync(resolve(cwd, arg));
      return false; // a file whose name has [ or * in it
    } catch {
      return true;
    }
  }
  try {
    return statSync(resolve(cwd, arg)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files a batch runs on, in a stable order: files as given, a folder's files that match
 * `pattern` (recursively, hidden ones skipped), a glob's matches (picomatch). Paths are shown as
 * given, or relative to the working directory. A glob or folder that matches nothing is an error.
 */
export async function expandInputs(args: readonly string[], pattern: RegExp, cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === "-") throw new CliError("stdin (-) cannot be one of several inputs");
    const abs = resolve(cwd, arg);
    let isDir = false;
    let exists = true;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      exists = false;
    }
    if (isDir) {
      const found: string[] = [];
      walk(abs, pattern, found);
      if (found.length === 0)
        throw new CliError(`no input files in this folder (looked for ${pattern.source})`, { file: arg });
      out.push(...found.map((p) => relative(cwd, p) || p));
    } else if (!exists && GLOB.test(arg)) {
      // picomatch says where the pattern's fixed part ends; the folder under it is walked and matched.
      const { default: picomatch } = await import("picomatch");
      const pattern = arg.replace(/^\.\//, "");
      const { base } = picomatch.scan(pattern);
      const isMatch = picomatch(pattern, { dot: false });
      const root = resolve(cwd, base || ".");
      const found: string[] = [];
      try {
        walk(root, /./, found);
      } catch {
        // the fixed part names no folder: nothing matches
      }
      const shown = found
        .map((p) => (isAbsolute(pattern) ? p : relative(cwd, p)))
        .filter((p) => isMatch(p.split(sep).join("/")));
      if (shown.length === 0) throw new CliError("no file matches this pattern", { file: arg });
      out.push(...shown.sort());
    } else out.push(arg); // read (or reported unreadable) by the command itself
  }
  return out;
}
