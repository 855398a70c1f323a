import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../errors.js";
import { notRegular, wasReadThisRun } from "./read.js";

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
            : code === "EEXIST"
              ? "already exists; use --force to overwrite it"
              : `cannot write (${code ?? (e as Error).message})`;
  return new CliError(cause, { file });
}

export interface WriteOptions {
  force?: boolean;
  cwd?: string;
}

/**
 * Temp files this process has made and not yet removed or linked into place. Writing is
 * synchronous, and a signal handler is installed around it, so a signal (Ctrl-C, kill) is handled
 * only after the write has finished, its temp file gone; this set is what an unexpected exit
 * still removes.
 */
const pending = new Set<string>();

function removePending(): void {
  for (const tmp of pending) rmSync(tmp, { recursive: true, force: true });
  pending.clear();
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs `write` with the signals that end a process deferred: a signal that arrives meanwhile is
 * taken once `write` is done and its temp files are removed, and then ends the process as it
 * would have (by the same signal, so the shell sees the usual status).
 */
async function guarded<T>(write: () => T): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  process.once("exit", removePending);
  try {
    return write();
  } finally {
    removePending();
    // A signal that came during the write is delivered on the next turn of the event loop.
    await new Promise((done) => setImmediate(done));
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener("exit", removePending);
    if (received) process.kill(process.pid, received);
  }
}

/** `.<name>.govreport-<pid>-<random>.tmp`: hidden, ours, and whose process can be told dead. */
const TEMP = /^\.(.+)\.govreport-(\d+)-[0-9a-f]{8}\.tmp$/;

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.govreport-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temp files of ours for `path` left by a run that was killed outright (SIGKILL, a power
 * cut), where no handler runs: those whose process no longer exists. Returns their names.
 */
export function removeStaleTemps(path: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== basename(path) || alive(Number(m[2]))) continue;
    try {
      const file = join(dirname(path), name);
      if (lstatSync(file).isFile()) {
        unlinkSync(file);
        removed.push(name);
      }
    } catch {
      // Another run removed it.
    }
  }
  return removed;
}

/**
 * What an existing target is, followed through symbolic links: the file to replace, or a refusal.
 * A target that is not a regular file (a device, FIFO, socket, directory, or a link to nothing)
 * is never replaced, even with --force; nor is a file this run has read.
 */
function existingTarget(path: string, target: string, force: boolean): { path: string; stats: Stats } | undefined {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw writeError(e, target);
  }
  let real = path;
  let stats = link;
  if (link.isSymbolicLink()) {
    try {
      real = realpathSync(path);
      stats = statSync(real);
    } catch {
      throw new CliError("is a symbolic link to nothing; refused, even with --force", { file: target });
    }
  }
  const refused = notRegular(stats);
  if (refused) throw new CliError(`${refused}; refused, even with --force`, { file: target });
  if (wasReadThisRun(stats))
    throw new CliError("is an input of this run; an output never replaces its input, even with --force", {
      file: target,
    });
  if (!force) throw new CliError("already exists; use --force to overwrite it", { file: target });
  return { path: real, stats };
}

function writeTemp(tmp: string, content: string, like: Stats | undefined): void {
  pending.add(tmp);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, like ? 0o600 : 0o666);
  try {
    const bytes = Buffer.from(content, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    if (like) {
      // The replaced file's owner (possible only for root) and exact mode, not the umask's.
      const made = fstatSync(fd);
      if (like.uid !== made.uid || like.gid !== made.gid) {
        try {
          fchownSync(fd, like.uid, like.gid);
        } catch {
          // Not root: the file becomes ours, as any editor's save would make it.
        }
      }
      fchmodSync(fd, like.mode & 0o7777);
    }
  } finally {
    closeSync(fd);
  }
}

/** Without --force: the temp file is hard-linked into place, which fails if the target exists by then. */
function placeNew(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EMLINK") throw e;
    // A file system without hard links (FAT, some network mounts): an exclusive copy, which still
    // never replaces a file, though a reader may see it before it is complete.
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    closeSync(fd);
    renameSync(tmp, path);
    return;
  }
  unlinkSync(tmp);
  pending.delete(tmp);
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory, which is
 * then linked into place (a new file: this fails if the target appeared meanwhile, so two runs
 * never both "write" it) or renamed over the target (with `force`: the new file keeps the old
 * one's mode; it is a new file, so other hard links to the old one keep the old content). Targets
 * that are not regular files and files this run read are refused even with `force`.
 */
export async function writeOutput(target: string, content: string, options: WriteOptions = {}): Promise<void> {
  const given = resolve(options.cwd ?? process.cwd(), target);
  const existing = existingTarget(given, target, options.force === true);
  const path = existing?.path ?? given;
  removeStaleTemps(path);
  await guarded(() => {
    const tmp = tempName(path);
    try {
      writeTemp(tmp, content, existing?.stats);
      if (existing) {
        renameSync(tmp, path);
        pending.delete(tmp);
      } else placeNew(tmp, path);
    } catch (e) {
      throw writeError(e, target);
    }
  });
}

/**
 * Writes a set of files into a directory. A new directory is claimed by creating it (which fails
 * if it exists), assembled under a temporary name and renamed over the empty claim; an existing
 * one is updated file by file (atomically each), only with `force`.
 */
export async function writeDirectory(
  target: string,
  files: Record<string, string>,
  options: WriteOptions = {},
): Promise<void> {
  const path = resolve(options.cwd ?? process.cwd(), target);
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw writeError(e, target);
  }
  if (stats) {
    if (!stats.isDirectory())
      throw new CliError("exists and is not a directory; refused, even with --force", { file: target });
    if (!options.force) throw new CliError("already exists; use --force to overwrite it", { file: target });
    for (const [name, content] of Object.entries(files)) await writeOutput(join(path, name), content, { force: true });
    return;
  }
  await guarded(() => {
    let tmp: string | undefined;
    try {
      tmp = mkdtempSync(join(dirname(path), `.${basename(path)}.govreport-${process.pid}-`));
      pending.add(tmp);
      for (const [name, content] of Object.entries(files)) writeTemp(join(tmp, name), content, undefined);
      mkdirSync(path);
      renameSync(tmp, path);
      pending.delete(tmp);
    } catch (e) {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      throw writeError(e, target);
    }
  });
}
