import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDir } from "../src/launch/code-cache.js";
import { BIN, govreport, requireBuild, SHIPPED_YAML } from "./run.js";

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-cache-test-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A run that reports what the code cache did (GOVREPORT_TIMING=1 prints it on stderr). */
function run(dir: string, args: string[] = ["validate", SHIPPED_YAML], env: Record<string, string> = {}) {
  const r = govreport(args, { env: { GOVREPORT_CACHE_DIR: dir, GOVREPORT_TIMING: "1", ...env } });
  const cache = [...r.stderr.matchAll(/^govreport code cache: ([a-z ]+):/gm)].map((m) => m[1]);
  return { ...r, cache };
}

/** Runs a copy of the binary elsewhere, as govreport() runs dist/govreport.cjs. */
function govreportAt(bin: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", LANG: "C", NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".v8"));

describe("code cache", () => {
  it("is written by the first run of a command, then used, with the same output", () => {
    const dir = join(tmp, "fresh");
    const first = run(dir);
    expect(first.status).toBe(0);
    expect(first.cache).toEqual(["written"]);
    const [file] = files(dir);
    expect(file).toMatch(/^commands-[0-9a-f]{16}-validate-/);
    const written = statSync(join(dir, file as string)).mtimeMs;

    const second = run(dir);
    expect(second.cache).toEqual(["used"]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(0);
    expect(statSync(join(dir, file as string)).mtimeMs).toBe(written);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });

  it("keeps one file per bundle and command, and none for help or --version, which load no bundle", () => {
    const dir = join(tmp, "commands");
    run(dir);
    run(dir, ["schema"]);
    // show needs the shipped reports, a bundle of their own; validate and schema do not load it.
    expect(run(dir, ["show"]).cache).toEqual(["written", "written"]);
    expect(run(dir, ["--version"]).cache).toEqual([]);
    expect(run(dir, ["--help"]).cache).toEqual([]);
    const kinds = files(dir).map((f) => `${f.split("-")[0]} ${f.split("-")[2]}`);
    expect(kinds.sort()).toEqual(["commands schema", "commands show", "commands validate", "data show"]);
    expect(run(dir, ["show"]).cache).toEqual(["used", "used"]);
  });

  it("ignores a corrupt, truncated or empty cache file and replaces it", () => {
    const dir = join(tmp, "corrupt");
    const good = run(dir);
    const file = join(dir, files(dir)[0] as string);
    const size = statSync(file).size;
    // Flipped bits in the bytecode itself: V8 checks no checksum, and would crash on it.
    const flipped = readFileSync(file);
    for (const at of [0.3, 0.5, 0.7]) flipped[Math.floor(size * at)] ^= 0xff;
    const corrupt = [flipped, Buffer.alloc(size, 0x5a), readFileSync(file).subarray(0, size >> 1), Buffer.alloc(0)];
    for (const bytes of corrupt) {
      writeFileSync(file, bytes);
      const r = run(dir);
      expect(r.cache).toEqual(["rejected", "written"]);
      expect(r.stdout).toBe(good.stdout);
      expect(r.status).toBe(0);
      expect(readFileSync(file).equals(bytes)).toBe(false);
    }
    expect(run(dir).cache).toEqual(["used"]);
  });

  it("never uses twice an entry that V8 accepted the header of but aborted on (was: exit 133 on every run)", () => {
    const dir = join(tmp, "abort");
    const good = run(dir);
    const file = join(dir, files(dir)[0] as string);
    const entry = readFileSync(file);
    // The header (magic, this bundle's sha256, the data's sha256) recomputed over changed data, as
    // someone patching the file would: it passes every check that does not run the bytecode.
    const data = Buffer.from(entry.subarray(72));
    for (let at = data.length >> 2; at < data.length; at += data.length >> 3) data[at] ^= 0x55;
    const crafted = Buffer.concat([entry.subarray(0, 40), createHash("sha256").update(data).digest(), data]);
    writeFileSync(file, crafted);
    const first = run(dir);
    // V8 checks no checksum of its own: depending on which bytes changed it aborts, rejects the
    // data, or runs it to the same result. The first two must never happen twice; an entry that ran
    // to the same output may stay.
    const ranFine = first.status === 0 && first.stdout === good.stdout && first.cache.join() === "used";
    const second = run(dir);
    expect(second.status, `first run: ${first.status} ${first.stderr.slice(-300)}`).toBe(0);
    expect(second.stdout).toBe(good.stdout);
    if (!ranFine) expect(readFileSync(file).equals(crafted), `first run: ${first.cache.join()}`).toBe(false);
    expect(run(dir).cache).toEqual(["used"]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".using"))).toEqual([]);
  });

  it("does not use an intact entry made from another build, whatever its file is called", () => {
    const dir = join(tmp, "other-build");
    const good = run(dir);
    const file = join(dir, files(dir)[0] as string);
    const entry = readFileSync(file);
    // The same data under another bundle's sha256: what another build with the same source length
    // would have written (V8 alone compares only that length).
    const other = Buffer.from(entry);
    other[8] = (other[8] ?? 0) ^ 0xff;
    writeFileSync(file, other);
    const r = run(dir);
    expect(r.cache).toEqual(["rejected", "written"]);
    expect(r.stdout).toBe(good.stdout);
    // Rewritten with this build's sha256 in its header.
    expect(readFileSync(file).subarray(0, 40).equals(entry.subarray(0, 40))).toBe(true);
  });

  it("does not read a cache file that is a FIFO or a link to /dev/zero (was: start-up hung)", () => {
    const dir = join(tmp, "special");
    run(dir);
    const file = join(dir, files(dir)[0] as string);
    rmSync(file);
    expect(spawnSync("mkfifo", [file]).status).toBe(0);
    let r = run(dir);
    expect(r.status).toBe(0);
    expect(r.cache).not.toContain("used");
    rmSync(file, { force: true });
    symlinkSync("/dev/zero", file);
    r = run(dir);
    expect(r.status).toBe(0);
    expect(r.cache).not.toContain("used");
  });

  it("ignores relative cache roots (was: a cache folder under the working directory)", () => {
    const cwd = mkdtempSync(join(tmp, "cwd-"));
    for (const env of [{ GOVREPORT_CACHE_DIR: "rel" }, { XDG_CACHE_HOME: "rel", HOME: cwd }, { HOME: "rel" }]) {
      const r = spawnSync(process.execPath, [BIN, "validate", SHIPPED_YAML], {
        cwd,
        env: { PATH: process.env.PATH ?? "", LANG: "C", ...env },
        encoding: "utf8",
      });
      expect(r.status).toBe(0);
      expect(readdirSync(cwd).filter((f) => f !== ".cache")).toEqual([]);
    }
    expect(cacheDir({ GOVREPORT_CACHE_DIR: "c" })).toBeUndefined();
    // A relative XDG_CACHE_HOME falls back to the home folder (read by os.homedir()).
    expect(cacheDir({ XDG_CACHE_HOME: "x" })).toMatch(/^\/.*\.cache\/govreport$/);
  });

  it("keeps the caches of the two most recently written other builds, and removes older ones", () => {
    const dir = join(tmp, "prune");
    mkdirSync(dir, { mode: 0o700 });
    const other = (build: string, ageDays: number) => {
      const file = join(dir, `commands-${build.repeat(16)}-validate-x64-v8-0.v8`);
      writeFileSync(file, "old");
      const when = Date.now() / 1000 - ageDays * 86400;
      utimesSync(file, when, when);
      return file;
    };
    other("a", 30);
    other("b", 2);
    other("c", 1);
    // Another bundle's cache is not another build of this one.
    writeFileSync(join(dir, `data-${"d".repeat(16)}-show-x64-v8-0.v8`), "old");
    writeFileSync(join(dir, "notes.txt"), "not ours");
    run(dir);
    const left = readdirSync(dir).sort();
    expect(left.filter((f) => /^commands-[abc]+-/.test(f)).map((f) => f[9])).toEqual(["b", "c"]);
    expect(left).toContain("notes.txt");
    expect(left).toContain(`data-${"d".repeat(16)}-show-x64-v8-0.v8`);
    expect(files(dir)).toHaveLength(4);
  });

  it("does not run the bytecode of a bundle changed in place, even at the same length", () => {
    // A copy of dist, patched as patch-package would: V8 itself compares only the source length.
    const copy = join(tmp, "patched-dist");
    cpSync(join(BIN, ".."), copy, { recursive: true });
    const bin = join(copy, "govreport.cjs");
    const dir = join(tmp, "patched-cache");
    const env = { GOVREPORT_CACHE_DIR: dir, GOVREPORT_TIMING: "1" };
    const before = govreportAt(bin, ["validate", SHIPPED_YAML], env);
    expect(before.stdout).toContain("acknowledged:");
    const commands = join(copy, "commands.cjs");
    const code = readFileSync(commands, "utf8");
    expect(code.split('"acknowledged:"')).toHaveLength(2);
    writeFileSync(commands, code.replace('"acknowledged:"', '"ACKNOWLEDGED:"'));
    const after = govreportAt(bin, ["validate", SHIPPED_YAML], env);
    expect(after.stderr).toMatch(/^govreport code cache: written:/m);
    expect(after.stdout).toContain("ACKNOWLEDGED:");
    expect(after.stdout).not.toContain("acknowledged:");
  });

  it("writes nothing for a run that fails on its input", () => {
    const dir = join(tmp, "failed");
    const r = run(dir, ["validate", join(tmp, "no-such.yaml")]);
    expect(r.status).toBe(2);
    expect(r.cache).toEqual([]);
    expect(() => files(dir)).toThrow();
  });

  it("is off with GOVREPORT_CODE_CACHE=0 or NODE_DISABLE_COMPILE_CACHE", () => {
    for (const env of [{ GOVREPORT_CODE_CACHE: "0" }, { NODE_DISABLE_COMPILE_CACHE: "1" }]) {
      const dir = join(tmp, `off-${Object.keys(env)[0]}`);
      const r = run(dir, undefined, env);
      expect(r.status).toBe(0);
      expect(r.cache).toEqual(["off"]);
      expect(() => files(dir)).toThrow();
    }
  });

  it("neither reads nor writes a folder that others can write to", () => {
    const dir = join(tmp, "shared");
    run(dir);
    chmodSync(dir, 0o777);
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.cache).toEqual(["not written"]);
    chmodSync(dir, 0o700);
  });

  it("works where the cache cannot be written", () => {
    const blocker = join(tmp, "a-file");
    writeFileSync(blocker, "");
    const r = run(join(blocker, "cache"));
    expect(r.status).toBe(0);
    expect(r.cache).toEqual(["not written"]);
  });
});

describe("cacheDir", () => {
  it("prefers GOVREPORT_CACHE_DIR, then XDG_CACHE_HOME, and is off when asked", () => {
    expect(cacheDir({ GOVREPORT_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" })).toBe("/c");
    expect(cacheDir({ XDG_CACHE_HOME: "/x" })).toBe(join("/x", "govreport"));
    expect(cacheDir({ GOVREPORT_CODE_CACHE: "0", GOVREPORT_CACHE_DIR: "/c" })).toBeUndefined();
    expect(cacheDir({ NODE_DISABLE_COMPILE_CACHE: "1" })).toBeUndefined();
    expect(cacheDir({})).toMatch(/govreport/);
  });
});
