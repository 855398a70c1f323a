import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));

describe("the package source", () => {
  it("imports no Node built-ins and no Node globals, so the dashboard can run it in a browser", () => {
    // The stages and relations live in folders of src: read them too (tests beside the code are not shipped).
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const code = readFileSync(`${src}${f}`, "utf8");
      expect(code, f).not.toMatch(/from\s+["']node:|require\(|\bprocess\.|\bBuffer\b|__dirname/);
      // The only packages allowed: the schema, and @noble/hashes (pure JavaScript, made for browsers).
      for (const m of code.matchAll(/from\s+["']([^"']+)["']/g))
        expect(m[1], f).toMatch(/^(\.\.?\/|@govreport\/schema$|@noble\/hashes\/[a-z0-9]+\.js$)/);
    }
  });
});
