// What the scripts that drive the BUILT binary share (fuzz.mjs, worst-cases.mjs): where it is, a
// seedable random source, and one way to run it with a cap on time (and optionally memory) that
// collects its output and, when asked, the CPU time and peak memory the child itself used.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built launcher, or exits 2 with a one-line message naming the script. */
export function builtBin(script) {
  const bin = fileURLToPath(new URL("../dist/govreport.cjs", import.meta.url));
  if (!existsSync(bin)) {
    console.error(`${script}: dist/govreport.cjs is missing; run \`pnpm --filter @govreport/cli build\` first`);
    process.exit(2);
  }
  return bin;
}

/** mulberry32: small, seedable, good enough to choose mutations and generate texts. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let harness;
/**
 * A script that runs the binary in its own process and, at exit, writes that process's resource
 * usage (peak resident memory, user and system CPU time) on fd 3: what the child used, whatever
 * else the machine runs. Written once into a temp folder removed at exit.
 */
function usageHarness() {
  if (harness) return harness;
  const dir = mkdtempSync(join(tmpdir(), "govreport-run-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  harness = join(dir, "usage.cjs");
  writeFileSync(
    harness,
    `const fs=require("fs");process.on("exit",()=>{try{const u=process.resourceUsage();fs.writeSync(3,JSON.stringify({maxRSS:u.maxRSS,user:u.userCPUTime,system:u.systemCPUTime}))}catch{}});process.argv.splice(1,1);require(process.argv[1]);`,
  );
  return harness;
}

/** Resident memory of a running process in MB (Linux /proc), or undefined. */
function residentMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a running process has used so far, in ms (Linux /proc), or undefined. */
function cpuSoFarMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Runs `node [nodeArgs] bin args…` and resolves (never rejects) with its exit status or signal,
 * up to 1 MB of stdout and stderr, the wall time, and — with `usage` — its CPU time and peak
 * resident memory (`atLeast` when it was killed and they are what was seen until then). Killed
 * after `timeoutMs` of wall time, or (with `usage`) as soon as its resident memory passes
 * `killAboveMb` or its CPU time `killAboveCpuMs`; `killed` then says why.
 */
export function runBin(
  bin,
  args,
  {
    cwd,
    env,
    input,
    timeoutMs = 30_000,
    nodeArgs = [],
    usage = false,
    killAboveMb,
    killAboveCpuMs,
    keepOutput = true,
  } = {},
) {
  return new Promise((resolve) => {
    const argv = usage ? [...nodeArgs, usageHarness(), bin, ...args] : [...nodeArgs, bin, ...args];
    const child = spawn(process.execPath, argv, {
      cwd,
      env,
      stdio: [
        input === undefined ? "ignore" : "pipe",
        keepOutput ? "pipe" : "ignore",
        "pipe",
        ...(usage ? ["pipe"] : []),
      ],
    });
    let stdout = "";
    let stderr = "";
    let used = "";
    let killed;
    child.stdout?.on("data", (d) => {
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.on("data", (d) => {
      if (stderr.length < 1 << 20) stderr += d;
    });
    if (usage)
      child.stdio[3].on("data", (d) => {
        used += d;
      });
    if (input !== undefined) child.stdin.end(input);
    const kill = (why) => {
      if (killed) return;
      killed = why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`time cap ${timeoutMs / 1000} s`), timeoutMs);
    // While it runs, what it has used so far: the figures left when it is killed before it can say.
    let peakSeenMb = 0;
    let cpuSeenMs = 0;
    const watch = usage
      ? setInterval(() => {
          const mb = residentMb(child.pid);
          if (mb !== undefined) peakSeenMb = Math.max(peakSeenMb, mb);
          cpuSeenMs = cpuSoFarMs(child.pid) ?? cpuSeenMs;
          if (killAboveMb !== undefined && mb !== undefined && mb > killAboveMb) kill(`memory cap ${killAboveMb} MB`);
          if (killAboveCpuMs !== undefined && cpuSeenMs > killAboveCpuMs) kill(`CPU cap ${killAboveCpuMs / 1000} s`);
        }, 100)
      : undefined;
    const t0 = performance.now();
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      if (watch) clearInterval(watch);
      const ms = performance.now() - t0;
      const r = { status, signal, stdout, stderr, ms, killed };
      if (usage) {
        try {
          const u = JSON.parse(used);
          Object.assign(r, { cpuMs: (u.user + u.system) / 1000, peakMb: u.maxRSS / 1024 });
        } catch {
          // Killed before it could say: what was seen while it ran is a lower bound.
          Object.assign(r, { cpuMs: cpuSeenMs, peakMb: peakSeenMb, atLeast: true });
        }
      }
      resolve(r);
    });
  });
}
