import { indicatorId, type Observation, type Quantity } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { FIXTURE_TEXT, fixtureReport } from "./fixture.js";
import { figureMarks, lines, segmentText } from "./highlights.js";

describe("figureMarks", () => {
  const report = fixtureReport();
  const marks = figureMarks(FIXTURE_TEXT, report.observations);

  it("marks each observation's printed figure at its quote's code-point offset", () => {
    const values = marks.filter((m) => m.part === "value");
    expect(values.map((m) => m.obsId)).toEqual(report.observations.map((o) => o.id));
    for (const m of values) {
      const obs = report.observations.find((o) => o.id === m.obsId);
      expect(m.precision).toBe("figure");
      expect(FIXTURE_TEXT.slice(m.start, m.end)).toBe(obs?.quantity.printed);
    }
  });

  it("marks the figures of a stated comparison after the value, as parts of the observation", () => {
    const tax = marks.filter((m) => m.obsId === "tax");
    expect(tax.map((m) => [m.part, FIXTURE_TEXT.slice(m.start, m.end)])).toEqual([
      ["value", "20.17亿元"],
      ["baseline", "13.88亿元"],
      ["change", "6.39亿元"],
      ["percent", "45.4%"],
    ]);
    // The separate baseline observation shares the printed baseline figure.
    const baseline = marks.find((m) => m.obsId === "tax-baseline");
    expect(baseline && [baseline.start, baseline.end]).toEqual(tax[1] && [tax[1].start, tax[1].end]);
  });

  it("tells apart figures printed twice in one quote by taking occurrences in turn", () => {
    const text = "完成10台,其中新装10台";
    const q: Quantity = { value: 10, unit: "台", decimals: 0, qualifier: "exact", printed: "10台" };
    const observations: Observation[] = ["a", "b"].map((id) => ({
      id,
      indicator: indicatorId("x"),
      role: "actual",
      period: "2023",
      section: [],
      quantity: q,
      source: { quote: text, offset: 0 },
    }));
    const [a, b] = figureMarks(text, observations);
    expect(a?.start).toBe(2);
    expect(b?.start).toBe(text.lastIndexOf("10台"));
  });

  it("falls back to the quote found elsewhere, or the whole quote when the figure is not in it", () => {
    const text = "前言。完成30户改造。";
    const q: Quantity = { value: 30, unit: "户", decimals: 0, qualifier: "exact", printed: "30户" };
    const moved: Observation = {
      id: "m",
      indicator: indicatorId("x"),
      role: "actual",
      period: "2023",
      section: [],
      quantity: q,
      source: { quote: "完成30户改造", offset: 0 },
    };
    const wrongFigure: Observation = {
      ...moved,
      id: "w",
      quantity: { ...q, printed: "31户", value: 31 },
      source: { quote: "完成30户改造", offset: 3 },
    };
    const [m, w] = figureMarks(text, [moved, wrongFigure]);
    expect(m).toMatchObject({ precision: "moved", start: 5, end: 8 });
    expect(w).toMatchObject({ precision: "quote", start: 3, end: 10 });
  });
});

describe("segmentText", () => {
  it("cuts text into plain and marked pieces that put the text back together", () => {
    const text = "abcdefghij";
    const segs = segmentText(text, [
      { obsId: "x", part: "value", start: 2, end: 5, precision: "figure" },
      { obsId: "y", part: "change", start: 4, end: 7, precision: "figure" },
    ]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs.map((s) => [s.text, s.obsIds, s.mainIds])).toEqual([
      ["ab", [], []],
      ["cd", ["x"], ["x"]],
      ["e", ["x", "y"], ["x"]],
      ["fg", ["y"], []],
      ["hij", [], []],
    ]);
  });

  it("works within a line's range", () => {
    const text = "one\r\ntwo 12 three";
    const [, second] = lines(text);
    expect(second).toEqual({ start: 5, end: text.length });
    const segs = segmentText(
      text,
      [{ obsId: "n", part: "value", start: 9, end: 11, precision: "figure" }],
      second?.start,
      second?.end,
    );
    expect(segs.map((s) => s.text)).toEqual(["two ", "12", " three"]);
    expect(lines("a\r\nb")[0]).toEqual({ start: 0, end: 1 });
  });
});
