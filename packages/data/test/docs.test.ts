import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDocs } from "../scripts/docs.js";
import { OBSERVATION_COLUMNS } from "../src/columns.js";
import { getReport, getSourceText } from "../src/index.js";

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

describe("docs/concepts.md", () => {
  it("quotes the shipped data: every example quote and offset is an observation's, and stands at its offset", () => {
    const concepts = readFileSync(new URL("../../../docs/concepts.md", import.meta.url), "utf8");
    const examples = [...concepts.matchAll(/source: \{ quote: "([^"]+)", offset: (\d+) \}/g)];
    expect(examples.length).toBeGreaterThan(0);
    const report = getReport("zhangjiang-2023-h1");
    const text = [...(getSourceText("zhangjiang-2023-h1") ?? "")];
    for (const [, quote, offset] of examples) {
      expect(report.observations.some((o) => o.source.quote === quote && o.source.offset === Number(offset))).toBe(
        true,
      );
      expect(text.slice(Number(offset), Number(offset) + [...(quote ?? "")].length).join("")).toBe(quote);
    }
    // The prose states offsets too: each "X starts at N" / "X at N" pair is where X is in the text.
    const at = (needle: string) => text.join("").indexOf(needle);
    expect([...text.join("").slice(0, at("共计完成税收20.17亿元"))].length).toBe(404);
    expect(concepts).toContain("共计完成税收20.17亿元, at 404");
    expect([...text.join("").slice(0, at("主动公开率98%"))].length).toBe(6198);
    expect(concepts).toContain("主动公开率98% at 6198");
  });
});
