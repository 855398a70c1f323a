import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../dist/govreport.cjs", import.meta.url));
export const SHIPPED_DIR = fileURLToPath(new URL("../../data/reports/zhangjiang-2023-h1/", import.meta.url));
export const SHIPPED_YAML = `${SHIPPED_DIR}report.yaml`;
export const SHIPPED_SOURCE = `${SHIPPED_DIR}source.txt`;

export function requireBuild(): void {
  if (!existsSync(BIN))
    throw new Error(
      `${BIN} does not exist: these tests run the built binary. Run \`pnpm --filter @govreport/cli build\` (or the root \`pnpm test\`, which builds first).`,
    );
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let cacheDir: string | undefined;
/**
 * The binary's code cache, in a temp folder of this test file's own rather than the user's cache:
 * the first run of each command writes it, later ones read it, as for a user.
 */
function testCacheDir(): string {
  if (!cacheDir) {
    const dir = mkdtempSync(join(tmpdir(), "govreport-test-cache-"));
    cacheDir = dir;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return cacheDir;
}

/**
 * Root reads any file whatever its mode, so a permission test run as root would pass vacuously or
 * not at all: as root, the binary runs under setpriv without the two capabilities that override
 * file modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), as an ordinary user would.
 */
function command(args: readonly string[], unprivileged: boolean): [string, string[]] {
  const node: [string, string[]] = [process.execPath, [BIN, ...args]];
  if (!unprivileged || process.getuid?.() !== 0) return node;
  const drop = "-dac_override,-dac_read_search";
  return ["setpriv", ["--bounding-set", drop, "--inh-caps", drop, "--", node[0], ...node[1]]];
}

/** Runs the built binary as a user would, without colour and with an English locale. */
export function govreport(
  args: readonly string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string>; unprivileged?: boolean } = {},
): Run {
  requireBuild();
  const [cmd, argv] = command(args, options.unprivileged ?? false);
  const r = spawnSync(cmd, argv, {
    cwd: options.cwd,
    input: options.input ?? "",
    env: {
      PATH: process.env.PATH ?? "",
      LANG: "C",
      NO_COLOR: "1",
      GOVREPORT_CACHE_DIR: testCacheDir(),
      ...options.env,
    },
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`could not run ${cmd}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line, which users must never see without --debug. */
export const STACK = /^\s+at .+(:\d+:\d+|\(.*\))$/m;
