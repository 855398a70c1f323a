import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_DIR } from "../scripts/lib/paths.js";

/** Every file under `dir`, by path relative to it. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return files;
}

describe("docs/api (the API reference TypeDoc generates from the TSDoc of every public export)", () => {
  it("is current (else run `pnpm docs:api` and commit docs/api)", { timeout: 300_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), "govreport-api-"));
    try {
      const r = spawnSync(join(REPO_DIR, "node_modules", ".bin", "typedoc"), ["--out", out], {
        cwd: REPO_DIR,
        encoding: "utf8",
      });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
      const fresh = tree(out);
      const committed = tree(join(REPO_DIR, "docs", "api"));
      expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [file, content] of fresh)
        expect(committed.get(file) === content, `docs/api/${file} is out of date`).toBe(true);
      // TypeDoc fails (the status above) on an export without TSDoc: the config must keep it so.
      const config = JSON.parse(readFileSync(join(REPO_DIR, "typedoc.json"), "utf8"));
      expect(config.validation.notDocumented).toBe(true);
      expect(config.treatWarningsAsErrors).toBe(true);
      expect(config.packagesRequiringDocumentation).toEqual([
        "@govreport/schema",
        "@govreport/extract",
        "@govreport/data",
      ]);
      // Every package's reference is there, with the exports the README promises.
      expect(fresh.get("@govreport/data.md")).toContain("observationsCsv");
      expect(fresh.get(join("@govreport", "schema", "README.md"))).toContain("periodBounds");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
