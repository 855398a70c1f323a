import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchemaReference } from "../scripts/schema-reference.js";
import { FINDING_CODES } from "../src/finding.js";
import { UNITS } from "../src/units.js";

const docs = (name: string) => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), "utf8");

describe("docs/schema-reference.md", () => {
  const committed = docs("schema-reference.md");

  it("is up to date (regenerate with `pnpm --filter @govreport/schema run docs`)", () => {
    expect(committed).toBe(renderSchemaReference());
  });

  it("links only to headings it has", () => {
    const anchors = new Set(
      [...committed.matchAll(/^#+ (.+)$/gm)].map((m) =>
        (m[1] ?? "")
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, "")
          .replace(/ /g, "-"),
      ),
    );
    const links = [...committed.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !anchors.has(l ?? ""))).toEqual([]);
  });

  it("lists every unit and finding code", () => {
    for (const id of UNITS.keys()) if (id) expect(committed).toContain(`| \`${id}\` |`);
    for (const code of Object.keys(FINDING_CODES)) expect(committed).toContain(`\`${code}\``);
  });
});

describe("docs/concepts.md", () => {
  const concepts = docs("concepts.md");
  it("explains every finding code with its severity", () => {
    for (const [code, severity] of Object.entries(FINDING_CODES)) {
      expect(concepts).toMatch(new RegExp(`\\| \`${code.replace(".", "\\.")}\` \\| ${severity} \\|`));
    }
  });
});
