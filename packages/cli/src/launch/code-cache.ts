import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
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
  if (env.GOVREPORT_CACHE_DIR) return env.GOVREPORT_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "govreport");
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (!home) return undefined;
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

const DIGEST = 32;
const digest = (data: Uint8Array) => createHash("sha256").update(data).digest();

/**
 * The cached data, if the file holds it intact. Release builds of V8 check no checksum of a code
 * cache, and bytecode with a flipped bit can crash the process, on every later run; so the file
 * starts with the sha256 of the rest. (V8's own --verify-snapshot-checksum would need node:v8,
 * which costs more to load than crypto, which the commands load anyway.)
 */
function readCache(file: string): { data?: Buffer; corrupt: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { corrupt: false };
  }
  const data = bytes.subarray(DIGEST);
  if (bytes.length <= DIGEST || !digest(data).equals(bytes.subarray(0, DIGEST))) return { corrupt: true };
  return { data, corrupt: false };
}

/** Writes the cache atomically; false (and nothing written) where that is not possible or not safe. */
function writeCache(dir: string, file: string, data: Buffer): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!safeFolder(dir)) return false;
    writeFileSync(tmp, Buffer.concat([digest(data), data]), { mode: 0o600 });
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
  const hash = dir === undefined ? "" : createHash("sha256").update(source).digest("hex").slice(0, 16);
  const variant = /^[a-z]{1,16}$/.test(options.variant) ? options.variant : "other";
  const name = /^[a-z]+/.exec(basename(bundle))?.[0] ?? "bundle";
  const file =
    dir === undefined
      ? undefined
      : join(dir, `${name}-${hash}-${variant}-${process.arch}-v8-${process.versions.v8}.v8`);
  const usable = dir !== undefined && safeFolder(dir);
  const read = file !== undefined && usable ? readCache(file) : { corrupt: false };
  const cached = read.data;
  mark(`${name}.cjs and its code cache read`);

  // The same wrapper as Node's CommonJS loader, so the bundle sees require, module and exports.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  const hit = cached !== undefined && !script.cachedDataRejected;
  mark(hit ? `${name}.cjs compiled from the code cache` : `${name}.cjs compiled`);
  if (file === undefined) status("off", "code cache turned off");
  else if (hit) status("used", `${file} (${Math.round(cached.length / 1024)} KB)`);
  else if (read.corrupt) status("rejected", `${file} is damaged; compiled afresh`);
  else if (cached) status("rejected", `${file} was rejected by V8; compiled afresh`);

  if (dir !== undefined && file !== undefined && !hit)
    // At exit the cache holds every function this run compiled, not only the top level.
    process.once("exit", (code) => {
      if (code > 1) return; // a run cut short by an error compiled little worth keeping
      if (writeCache(dir, file, script.createCachedData())) status("written", file);
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
