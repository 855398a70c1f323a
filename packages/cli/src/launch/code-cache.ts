import { createHash } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join } from "node:path";
import { Script } from "node:vm";
import { mark } from "../timing.js";

/**
 * Runs a CommonJS bundle through V8's code cache, as Node 22's module.enableCompileCache() does
 * (Node 20 has no such switch). Compiling the 600 KB bundle, zod included, and then each function
 * a command calls costs ~50 ms of a `govreport validate` (scripts/bench.mjs: first run 2.55×
 * `node -e 0`, cached 2.09×); with the cache V8 deserializes bytecode instead (~5 ms). The
 * first run of each command compiles as usual and, at exit, writes what V8 compiled; later runs
 * of that command reuse it.
 *
 * The cache is keyed by the bundle's content hash (taken at each run, ~1 ms: a bundle patched in
 * place, as patch-package does, must not meet bytecode of its old self), the command and the V8
 * version. V8 itself only checks its version, its flags and the source length.
 * It lives in $GOVREPORT_CACHE_DIR, else $XDG_CACHE_HOME/govreport or the platform's cache folder,
 * never in a shared temporary folder: bytecode from there could be anyone's. A folder that others
 * can write to is not used. Files are written atomically (temp file + rename); an unreadable,
 * truncated or rejected file only means compiling as if there were none. Caches of older builds
 * are removed when a new one is written (the two most recent other builds are kept). At most
 * about 600 KB per command and build. GOVREPORT_CODE_CACHE=0 or NODE_DISABLE_COMPILE_CACHE turns
 * it off.
 *
 * An entry is `GRCODE1\0`, the sha256 of the bundle it was made from, the sha256 of the data, then
 * V8's data; both hashes are compared before V8 sees a byte, so bytecode of another build (V8
 * checks only the source's length) or a damaged file is never run. Only a regular file of at most
 * MAX_ENTRY bytes is read (not a FIFO, a device or a symbolic link, which could hang start-up).
 * Relative cache roots are ignored: they would put the cache wherever the command runs.
 *
 * Bytecode is trusted by V8: a payload that is well-formed for the checks above but not for V8
 * (written by a buggy V8, or by hand) can abort the process. That cannot be checked without
 * running it, so an entry is never used twice after it failed: while a run uses one, a marker
 * `<entry>.<pid>.using` exists; it is removed when the process exits normally (whatever its exit
 * code). A marker whose process is gone means that process died while using the entry (a V8
 * abort, or a kill): the entry and the marker are deleted and the command compiles afresh.
 */

export type CacheStatus = "used" | "written" | "not written" | "rejected" | "off";

export interface RunOptions {
  /** What runs differently gets its own cache file (a command name; [a-z] only). */
  variant: string;
  /**
   * Modules the bundle leaves to its host (esbuild externals): returns one, or undefined for
   * Node's own require (the node: built-ins).
   */
  provide?: (id: string) => unknown;
  env?: NodeJS.ProcessEnv;
  /** Told what happened, for GOVREPORT_TIMING. */
  onStatus?: (status: CacheStatus, detail: string) => void;
}

export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GOVREPORT_CODE_CACHE === "0" || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // A relative root is ignored (the XDG base directory spec says so for XDG_CACHE_HOME).
  if (env.GOVREPORT_CACHE_DIR) return isAbsolute(env.GOVREPORT_CACHE_DIR) ? env.GOVREPORT_CACHE_DIR : undefined;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "govreport");
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (!home || !isAbsolute(home)) return undefined;
  if (process.platform === "win32")
    return join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "govreport", "Cache");
  if (process.platform === "darwin") return join(home, "Library", "Caches", "govreport");
  return join(home, ".cache", "govreport");
}

/** Ours alone: a folder another user owns or can write to might hold planted bytecode. */
function safeFolder(dir: string): boolean {
  try {
    const s = statSync(dir);
    if (!s.isDirectory()) return false;
    if (process.platform === "win32" || typeof process.getuid !== "function") return true;
    return s.uid === process.getuid() && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

const MAGIC = Buffer.from("GRCODE1\0", "latin1");
const DIGEST = 32;
const HEADER = MAGIC.length + 2 * DIGEST;
/** Larger entries are not read: the commands bundle's is ~600 KB. */
const MAX_ENTRY = 16 * 1024 * 1024;
const digest = (data: Uint8Array) => createHash("sha256").update(data).digest();

/** A regular file's bytes, read through one descriptor with a bound; undefined for anything else. */
function readBounded(file: string, max: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > max) return undefined;
    const buffer = Buffer.allocUnsafe(info.size);
    let total = 0;
    while (total < buffer.length) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    return buffer.subarray(0, total);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The cached data, if the file holds an intact entry made from this very bundle. Release builds
 * of V8 check no checksum of a code cache, and bytecode with a flipped bit can crash the process,
 * so the data's sha256 is checked too. (V8's --verify-snapshot-checksum would need node:v8, which
 * costs more to load than crypto, which the commands load anyway.)
 */
function readCache(file: string, bundleHash: Buffer): { data?: Buffer; corrupt: boolean } {
  const bytes = readBounded(file, MAX_ENTRY);
  if (bytes === undefined) return { corrupt: false };
  const data = bytes.subarray(HEADER);
  if (
    bytes.length <= HEADER ||
    !bytes.subarray(0, MAGIC.length).equals(MAGIC) ||
    !bytes.subarray(MAGIC.length, MAGIC.length + DIGEST).equals(bundleHash) ||
    !digest(data).equals(bytes.subarray(MAGIC.length + DIGEST, HEADER))
  )
    return { corrupt: true };
  return { data, corrupt: false };
}

/** Writes the cache atomically; false (and nothing written) where that is not possible or not safe. */
function writeCache(dir: string, file: string, bundleHash: Buffer, data: Buffer): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!safeFolder(dir)) return false;
    writeFileSync(tmp, Buffer.concat([MAGIC, bundleHash, digest(data), data]), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // The temp file was never made.
    }
    return false;
  }
  pruneOtherBuilds(dir, file);
  return true;
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
 * Whether a run died while using `file` (its `.using` marker outlived it): then the entry is
 * deleted with the markers, and true is returned.
 */
function diedUsing(dir: string, file: string): boolean {
  const prefix = `${basename(file)}.`;
  let died = false;
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix) || !name.endsWith(".using")) continue;
      const pid = Number(name.slice(prefix.length, -".using".length));
      if (!Number.isInteger(pid) || alive(pid)) continue;
      died = true;
      unlinkSync(join(dir, name));
    }
    if (died) unlinkSync(file);
  } catch {
    // Another run cleaned up first.
  }
  return died;
}

/** Marks `file` as used by this process until it exits; false when the marker cannot be made (then the entry is not used). */
function markUsing(file: string): boolean {
  const marker = `${file}.${process.pid}.using`;
  try {
    writeFileSync(marker, "", { flag: "wx", mode: 0o600 });
  } catch {
    return false;
  }
  process.once("exit", () => {
    try {
      unlinkSync(marker);
    } catch {
      // Removed already.
    }
  });
  return true;
}

/** Besides this build's, the caches of this many other builds are kept (a global and a project install, say). */
const OTHER_BUILDS_KEPT = 2;

/** Removes the caches of the same bundle's builds but the most recently written others. */
function pruneOtherBuilds(dir: string, written: string): void {
  const [, bundle, hash] = /([a-z]+)-([0-9a-f]{16})-[^/\\]*$/.exec(written) ?? [];
  if (bundle === undefined) return;
  try {
    const newest = new Map<string, number>();
    const files: [name: string, build: string][] = [];
    for (const name of readdirSync(dir)) {
      const m = /^([a-z]+)-([0-9a-f]{16})-.*\.v8$/.exec(name);
      const build = m?.[2];
      if (m?.[1] !== bundle || build === undefined || build === hash) continue;
      files.push([name, build]);
      newest.set(build, Math.max(newest.get(build) ?? 0, statSync(join(dir, name)).mtimeMs));
    }
    const kept = new Set(
      [...newest]
        .sort((a, b) => b[1] - a[1])
        .slice(0, OTHER_BUILDS_KEPT)
        .map(([build]) => build),
    );
    for (const [name, build] of files) if (!kept.has(build)) unlinkSync(join(dir, name));
  } catch {
    // Another run may be pruning too.
  }
}

/** Runs `bundle` (a CommonJS file) as `require` would, compiling through the code cache; returns its exports. */
export function runBundle(bundle: string, options: RunOptions): unknown {
  const env = options.env ?? process.env;
  const status = options.onStatus ?? (() => {});
  const source = readFileSync(bundle, "utf8");
  const dir = cacheDir(env);
  const bundleHash = dir === undefined ? Buffer.alloc(0) : createHash("sha256").update(source).digest();
  const hash = bundleHash.toString("hex").slice(0, 16);
  const variant = /^[a-z]{1,16}$/.test(options.variant) ? options.variant : "other";
  const name = /^[a-z]+/.exec(basename(bundle))?.[0] ?? "bundle";
  const file =
    dir === undefined
      ? undefined
      : join(dir, `${name}-${hash}-${variant}-${process.arch}-v8-${process.versions.v8}.v8`);
  const usable = dir !== undefined && safeFolder(dir);
  const died = file !== undefined && usable && diedUsing(dir, file);
  const read = file !== undefined && usable && !died ? readCache(file, bundleHash) : { corrupt: false };
  const cached = read.data !== undefined && file !== undefined && markUsing(file) ? read.data : undefined;
  mark(`${name}.cjs and its code cache read`);

  // The same wrapper as Node's CommonJS loader, so the bundle sees require, module and exports.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  const hit = cached !== undefined && !script.cachedDataRejected;
  mark(hit ? `${name}.cjs compiled from the code cache` : `${name}.cjs compiled`);
  if (file === undefined) status("off", "code cache turned off");
  else if (hit) status("used", `${file} (${Math.round(cached.length / 1024)} KB)`);
  else if (died) status("rejected", `${file} was in use by a run that died; deleted, compiled afresh`);
  else if (read.corrupt) status("rejected", `${file} is damaged or of another build; compiled afresh`);
  else if (cached) status("rejected", `${file} was rejected by V8; compiled afresh`);

  if (dir !== undefined && file !== undefined && !hit)
    // At exit the cache holds every function this run compiled, not only the top level.
    process.once("exit", (code) => {
      if (code > 1) return; // a run cut short by an error compiled little worth keeping
      if (writeCache(dir, file, bundleHash, script.createCachedData())) status("written", file);
      else status("not written", `${dir} cannot be written, or others can write to it`);
    });

  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const nodeRequire = createRequire(bundle);
  const provide = options.provide;
  const require = provide ? (id: string) => provide(id) ?? nodeRequire(id) : nodeRequire;
  run.call(module.exports, module.exports, require, module, bundle, dirname(bundle));
  return module.exports;
}
