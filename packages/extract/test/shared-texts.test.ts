// The two modes of the tests over shared texts, run for real on one of this package's suites: a
// plain clone (no texts beside it) passes and says what it skipped; CI (GOVREPORT_REQUIRE_SHARED=1)
// fails on the same missing texts instead of skipping them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const empty = mkdtempSync(join(tmpdir(), "govreport-no-shared-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

function runSuite(env: Record<string, string>) {
  const r = spawnSync("pnpm", ["exec", "vitest", "run", "test/real-reports.test.ts", "--reporter=default"], {
    cwd: pkg,
    encoding: "utf8",
    env: { ...process.env, GOVREPORT_REQUIRE_SHARED: "", NO_COLOR: "1", FORCE_COLOR: "0", ...env },
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("tests over the shared texts, when the texts are absent", () => {
  it("skip with one line each and pass, the project's own report still tested", () => {
    const r = runSuite({ GOVREPORT_REPORTS_DIR: empty });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`skipped: baoding_2021_annual.txt: needs baoding_2021_annual.txt in ${empty}`);
    expect(r.out).toMatch(/Tests\s+\d+ passed \| \d+ skipped/);
  }, 120_000);

  it("fail under GOVREPORT_REQUIRE_SHARED=1, naming the missing texts", () => {
    const r = runSuite({ GOVREPORT_REPORTS_DIR: empty, GOVREPORT_REQUIRE_SHARED: "1" });
    expect(r.status).toBe(1);
    expect(r.out).toContain("missing shared text(s) baoding_2021_annual.txt");
    expect(r.out).not.toContain("skipped: baoding_2021_annual.txt");
  }, 120_000);
});
