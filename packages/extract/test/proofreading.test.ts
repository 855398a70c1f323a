import { describe, expect, it } from "vitest";
import { describeShared, readShared, SHARED_TEXTS } from "../../../vitest.shared-texts.js";
import { loadSlips, type Proofread, proofread, runSlip } from "../scripts/proofreading.js";

const slips = loadSlips();
/** Every relation kind the issue asks for, each needing at least one planted slip. */
const KINDS = [
  "average_growth",
  "remainder",
  "sum",
  "part",
  "share",
  "product",
  "change",
  "growth_rate",
  "points",
  "points_note",
  "target",
  "direction",
];

describe("the recipe file", () => {
  it("has at least 30 slips, covering every relation kind, in texts of both splits", () => {
    expect(slips.length).toBeGreaterThanOrEqual(30);
    expect(KINDS.filter((k) => !slips.some((s) => s.kind === k))).toEqual([]);
    expect(new Set(slips.map((s) => s.split))).toEqual(new Set(["tuning", "held-out"]));
  });

  it("holds only short passages, never a text", () => {
    for (const s of slips) {
      expect(s.find.length, s.find).toBeLessThanOrEqual(60);
      expect(s.slip.length, s.slip).toBeLessThanOrEqual(80);
    }
  });
});

describeShared("planted slips in the shared texts", SHARED_TEXTS, () => {
  const baselines = new Map<string, { text: string; base: Proofread }>();
  const load = (name: string) => {
    let b = baselines.get(name);
    if (!b) {
      const text = readShared(name);
      b = { text, base: proofread(text) };
      baselines.set(name, b);
    }
    return b;
  };

  it.each(SHARED_TEXTS)("%s, unchanged, raises no inconsistency (notes only)", (name) => {
    const { base } = load(name);
    expect(base.flags.filter((f) => !f.note).map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });

  it.each(slips.map((s) => [`${s.text}: ${s.kind}: ${s.slip}`, s] as const))("flags %s on its line", (_, slip) => {
    const { text, base } = load(slip.text);
    const r = runSlip(slip, text, base);
    expect(r.error).toBeUndefined();
    expect(
      r.caught,
      `not flagged on line ${r.line}; raised: ${r.flags.map((f) => `${f.code}@${f.lines}`).join(", ") || "nothing"}`,
    ).toBe(true);
    // A slip of a kind is flagged by that kind's check: a note for a note, an inconsistency otherwise.
    expect(r.flags.some((f) => f.lines.includes(r.line) && f.note === (slip.kind === "points_note"))).toBe(true);
    expect(r.fixedAlarms.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });
});
