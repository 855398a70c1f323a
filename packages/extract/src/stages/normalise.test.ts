import { describe, expect, it } from "vitest";
import type { ExtractWarning } from "../codes.js";
import { normalise } from "./normalise.js";

describe("stage normalise", () => {
  it("drops a BOM and maps CRLF and lone CR to LF, with a warning saying what changed", () => {
    const warnings: ExtractWarning[] = [];
    expect(normalise("\uFEFF一、回顾\r\n产值5亿元。\r完成", warnings)).toBe("一、回顾\n产值5亿元。\n完成");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe("text.normalised");
    expect(warnings[0]?.message).toMatch(/BOM removed, 1 CRLF, 1 lone CR/);
  });

  it("leaves a normalised text as it is and says nothing", () => {
    const warnings: ExtractWarning[] = [];
    expect(normalise("产值5亿元。\n", warnings)).toBe("产值5亿元。\n");
    expect(warnings).toEqual([]);
  });
});
