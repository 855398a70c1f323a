import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataFiles, shippedReports, validateAll } from "../scripts/lib/build.js";
import { generatedModule } from "../scripts/lib/generate.js";
import { PACKAGE_DIR, packageInfo, REPO_DIR } from "../scripts/lib/paths.js";
import { brokenFixture, FIXTURES, positionOf, replaceOnce } from "./helpers.js";

/** A fixed build time, so that datapackage.json's `created` is reproducible. */
const SOURCE_DATE_EPOCH = "1700000000";

/** Runs scripts/build.ts as `pnpm build` does, writing into a temporary folder. */
function build(...args: string[]) {
  const out = mkdtempSync(join(tmpdir(), "govreport-data-out-"));
  const r = spawnSync(
    join(REPO_DIR, "node_modules", ".bin", "tsx"),
    [
      "--tsconfig",
      "scripts/tsconfig.json",
      "scripts/build.ts",
      "--out",
      join(out, "dist"),
      "--generated",
      join(out, "gen.ts"),
      ...args,
    ],
    { cwd: PACKAGE_DIR, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DEBUG: "", SOURCE_DATE_EPOCH } },
  );
  return { status: r.status, output: `${r.stdout}${r.stderr}`, out };
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe("scripts/build.ts", () => {
  it("fails on an unacknowledged arithmetic error, naming file:line:column, and writes nothing", () => {
    const { reportsDir, yaml } = brokenFixture((y) => y.slice(0, y.indexOf("acknowledged:")));
    const { status, output, out } = build("--reports", reportsDir);
    expect(status).toBe(1);
    const { line, col } = positionOf(yaml, "2.6", yaml.indexOf("change:"));
    expect(output).toContain(
      `report.yaml:${line}:${col}: $.observations[0].comparison.change.value: comparison.change_mismatch [tax]`,
    );
    expect(output).toMatch(/tiny-2023: INVALID/);
    expect(output).toMatch(/build failed: tiny-2023 must be fixed; nothing was written/);
    noStackTrace(output);
    expect(existsSync(join(out, "dist"))).toBe(false);
    expect(existsSync(join(out, "gen.ts"))).toBe(false);
  });

  it("fails on a schema error with its line and column", () => {
    const { reportsDir, yaml } = brokenFixture((y) => replaceOnce(y, "role: target", "role: wish"));
    const { status, output } = build("--reports", reportsDir, "--check");
    expect(status).toBe(1);
    const { line, col } = positionOf(yaml, "wish");
    expect(output).toContain(
      `report.yaml:${line}:${col}: $.observations[8].role: must be one of "actual", "target", "plan", "baseline"`,
    );
    noStackTrace(output);
  });

  it("writes exactly what the build functions produce for a valid report", () => {
    const { status, output, out } = build("--reports", FIXTURES);
    expect(status, output).toBe(0);
    expect(output).toMatch(/tiny-2023: ok — 9 observations, 3 relations; 0 errors, 0 warnings, 1 info, 1 acknowledged/);
    expect(output).toMatch(/comparison\.change_mismatch \[tax\]: .* \(acknowledged: The report prints/);
    const shipped = shippedReports(validateAll(FIXTURES));
    for (const f of dataFiles(shipped, packageInfo({ SOURCE_DATE_EPOCH })))
      expect(readFileSync(join(out, "dist", f.path), "utf8")).toBe(f.content);
    expect(readFileSync(join(out, "gen.ts"), "utf8")).toBe(generatedModule(shipped));
  });

  it("exits 2 on bad usage and 3 on an unreadable reports folder, without a stack trace", () => {
    const usage = build("--bogus");
    expect(usage.status).toBe(2);
    expect(usage.output).toMatch(/usage:/);
    const io = build("--reports", join(tmpdir(), "no-such-folder-govreport"), "--check");
    expect(io.status).toBe(3);
    expect(io.output).toMatch(/cannot read the reports folder .*no-such-folder-govreport: ENOENT/);
    noStackTrace(usage.output + io.output);
  });
});
