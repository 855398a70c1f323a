import { coverageLine } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { describeShared, readShared, SHARED_TEXTS } from "../../../vitest.shared-texts.js";
import { loadSlips, loadVerified, type Proofread, proofread, runSlip, sortAlarms } from "../scripts/proofreading.js";

const slips = loadSlips();
const verified = loadVerified();

/** The full annual reports among the shared texts (its README): all but Baoding 2024, the plan part only as a digest printed it. */
const FULL_ANNUAL = SHARED_TEXTS.filter((n) => n !== "baoding_2024_annual.txt");
/**
 * Full annual reports in which check reads ten or fewer distinct relations, and why: read by hand, these
 * texts print mostly one figure per indicator (增长7.2% with no level or base), so there is little
 * arithmetic to check; a text that rises above ten must leave this list.
 */
const FALLS_SHORT: Record<string, string> = {
  "baoding_2021_annual.txt":
    "9: six numbered lists, two counted ones, one direction; levels printed with 比“十二五”末增长1.5倍 and 年均增长 but not the earlier level",
  "baoding_2023_annual.txt":
    "8: five numbered lists, three counted ones; growth rates without levels or bases, no breakdowns",
  "baoding_2025_annual.txt":
    "7: three numbered lists, two counted ones; growth rates without bases; one 其中 and one 占…的 share",
  "hailaer_2013_annual.txt":
    "9: three plan targets on last year's levels, three numbered lists, three counted ones; the review prints rates without bases",
  "hebei_2024_annual.txt": "7 (printed twice): four numbered lists, three counted ones; rates without levels or bases",
  "hebei_2025_annual.txt": "4 (printed twice): three numbered lists, one counted one; rates without levels or bases",
};
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
  "growth",
  "per_capita",
  "sequence",
  "count",
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

  it.each(FULL_ANNUAL)("%s: more than 10 distinct relations checked, or listed as falling short", (name) => {
    const { coverage } = load(name).base;
    // Each statement once: the Hebei texts print the whole report twice.
    expect(coverage.distinct).toBeLessThanOrEqual(coverage.checked);
    if (FALLS_SHORT[name]) {
      expect(coverage.distinct, `now over 10: remove ${name} from FALLS_SHORT`).toBeLessThanOrEqual(10);
    } else {
      expect(coverage.distinct, coverageLine(coverage)).toBeGreaterThan(10);
    }
  });

  it.each(SHARED_TEXTS)(
    "%s, unchanged, raises no inconsistency (notes only) but those verified by hand as the report's own",
    (name) => {
      const { text, base } = load(name);
      const { falseAlarms, unseen } = sortAlarms(name, text, base.flags, verified);
      expect(falseAlarms.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
      // A verified inconsistency no longer raised means the check changed: look again.
      expect(unseen.map((v) => `${v.code}: ${v.find}`)).toEqual([]);
    },
  );

  it.each(slips.map((s) => [`${s.text}: ${s.kind}: ${s.slip}`, s] as const))("flags %s on its line", (_, slip) => {
    const { text, base } = load(slip.text);
    const r = runSlip(slip, text, base);
    expect(r.error).toBeUndefined();
    expect(r.fixedAlarms.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
    if (slip.miss) {
      // A known miss stays counted as missed in the rate; once caught, drop its 'miss'.
      expect(r.caught, `caught now: remove 'miss' (${slip.miss})`).toBe(false);
      return;
    }
    expect(
      r.caught,
      `not flagged on line ${r.line}; raised: ${r.flags.map((f) => `${f.code}@${f.lines}`).join(", ") || "nothing"}`,
    ).toBe(true);
    // A slip of a kind is flagged by that kind's check: a note for a note, an inconsistency otherwise.
    expect(r.flags.some((f) => f.lines.includes(r.line) && f.note === (slip.kind === "points_note"))).toBe(true);
  });
});
