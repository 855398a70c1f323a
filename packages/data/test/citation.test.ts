import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PACKAGE_DIR, REPO_DIR } from "../scripts/lib/paths.js";
import { DATA_HOMEPAGE, DATA_LICENSE } from "../src/datapackage.js";

describe("CITATION.cff", () => {
  it("cites the data package as it is: its version, licence and home", () => {
    const cff = parse(readFileSync(join(REPO_DIR, "CITATION.cff"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8"));
    expect(cff["cff-version"]).toBe("1.2.0");
    expect(cff.version).toBe(pkg.version);
    expect(cff.license).toBe(DATA_LICENSE.name);
    expect(pkg.license).toContain(DATA_LICENSE.name);
    expect(cff.url).toBe(DATA_HOMEPAGE);
    expect(cff.authors.length).toBeGreaterThan(0);
  });
});
