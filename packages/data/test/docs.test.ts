import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDocs } from "../scripts/docs.js";
import { OBSERVATION_COLUMNS } from "../src/columns.js";

describe("generated docs", () => {
  const docs = renderDocs();

  it("are up to date (else run `pnpm --filter @govreport/data docs` and commit docs/)", () => {
    expect(docs).toBeDefined();
    for (const [file, content] of docs ?? []) {
      let committed: string | undefined;
      try {
        committed = readFileSync(file, "utf8");
      } catch {
        committed = undefined;
      }
      expect(committed === content, `${file} is out of date`).toBe(true);
    }
  });

  it("document every CSV column, in order", () => {
    const dictionary = [...(docs ?? new Map()).entries()].find(([f]) => f.endsWith("data-dictionary.md"))?.[1] ?? "";
    const documented = [...dictionary.matchAll(/^\| \d+ \| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(OBSERVATION_COLUMNS.map((c) => c.name));
  });
});
