import { randomBytes } from "node:crypto";
import { mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../errors.js";

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function writeError(e: unknown, file: string): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const cause =
    code === "ENOENT"
      ? "cannot write: the directory does not exist"
      : code === "EACCES" || code === "EPERM"
        ? "cannot write: permission denied"
        : code === "EISDIR"
          ? "cannot write: is a directory"
          : code === "ENOSPC"
            ? "cannot write: no space left on the device"
            : `cannot write (${code ?? (e as Error).message})`;
  return new CliError(cause, { file });
}

export interface WriteOptions {
  force?: boolean;
  cwd?: string;
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory, which is
 * then renamed over the target, so a reader never sees half a file. An existing file is replaced
 * only with `force`.
 */
export async function writeOutput(target: string, content: string, options: WriteOptions = {}): Promise<void> {
  const path = resolve(options.cwd ?? process.cwd(), target);
  if (!options.force && (await exists(path)))
    throw new CliError("already exists; use --force to overwrite it", { file: target });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, content, { flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw writeError(e, target);
  }
}

/**
 * Writes a set of files into a directory. A new directory is assembled under a temporary name and
 * renamed into place; an existing one is updated file by file (atomically each), only with `force`.
 */
export async function writeDirectory(
  target: string,
  files: Record<string, string>,
  options: WriteOptions = {},
): Promise<void> {
  const path = resolve(options.cwd ?? process.cwd(), target);
  if (await exists(path)) {
    if (!options.force) throw new CliError("already exists; use --force to overwrite it", { file: target });
    for (const [name, content] of Object.entries(files)) await writeOutput(join(path, name), content, { force: true });
    return;
  }
  let tmp: string;
  try {
    tmp = await mkdtemp(join(dirname(path), `.${basename(path)}.`));
  } catch (e) {
    throw writeError(e, target);
  }
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(tmp, name), content, { flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw writeError(e, target);
  }
}
