import { readFileSync } from "node:fs";
import { sha256Hex } from "@govreport/extract";
import { describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../../vitest.shared-texts.js";
import { FIXTURE_INPUT, FIXTURE_TEXT } from "../model/fixture.js";
import { loadFiles } from "./load-files.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("loadFiles", () => {
  it("loads a report file with its source text and checks it against that text", async () => {
    const input = { ...FIXTURE_INPUT, source: { sha256: await sha256Hex(FIXTURE_TEXT) } };
    const out = await loadFiles([
      { name: "r.json", bytes: enc(JSON.stringify(input)) },
      { name: "r.txt", bytes: enc(FIXTURE_TEXT) },
    ]);
    expect(out.loaded?.origin).toBe("file");
    expect(out.loaded?.sourceText).toBe(FIXTURE_TEXT);
    expect(out.messages.map((m) => m.kind)).toEqual(["encoding", "loaded"]);
    // Quotes were checked against the text: no provenance findings for a faithful fixture.
    expect(out.loaded?.checks.findings.filter((f) => f.code.startsWith("provenance."))).toEqual([]);
  });

  it("says when the text is not the one the report was read from", async () => {
    const out = await loadFiles([
      { name: "r.json", bytes: enc(JSON.stringify(FIXTURE_INPUT)) },
      { name: "r.txt", bytes: enc(FIXTURE_TEXT) },
    ]);
    expect(out.messages.map((m) => m.kind)).toContain("shaMismatch");
    expect(out.loaded?.notes.join(" ")).toContain("sha256");
  });

  describeShared("a shared raw text", ["hailaer_2016_annual.txt"], () => {
    it("extracts a raw report text into a checked draft", async () => {
      const text = readFileSync(sharedPath("hailaer_2016_annual.txt"));
      const out = await loadFiles([{ name: "hailaer_2016_annual.txt", bytes: new Uint8Array(text) }]);
      expect(out.loaded?.origin).toBe("text");
      expect(out.loaded?.report.observations.length).toBeGreaterThan(10);
      const extracted = out.messages.find((m) => m.kind === "extracted");
      expect(extracted && "observations" in extracted && extracted.observations).toBe(
        out.loaded?.report.observations.length,
      );
    });
  });

  it("refuses what it cannot read, naming the file", async () => {
    const out = await loadFiles([{ name: "report.pdf", bytes: enc("%PDF") }]);
    expect(out.loaded).toBeUndefined();
    expect(out.messages).toEqual([{ kind: "unsupported", file: "report.pdf" }]);
  });
});
