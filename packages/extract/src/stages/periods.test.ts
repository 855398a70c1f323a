import { describe, expect, it } from "vitest";
import { repairLayout } from "./layout.js";
import { readContext } from "./meta.js";
import { readPeriods } from "./periods.js";
import { readSections } from "./sections.js";

function periodsOf(text: string) {
  const laid = repairLayout(text, []);
  const structure = readSections(laid);
  return readPeriods(laid, structure, readContext(laid, structure, { year: 2024 }, []));
}

describe("stage periods", () => {
  it("gives a place the period phrase before it in its sentence, else its part's period", () => {
    const text = "一、2023年工作回顾\n1-5月，产值5亿元。\n税收3亿元。\n二、2024年工作安排\n投资8亿元。\n";
    const { markers, periodAt } = periodsOf(text);
    expect(markers.map((m) => m.text)).toContain("1-5月");
    expect(periodAt(text.indexOf("5亿元"))).toBe("2023-01/2023-05");
    expect(periodAt(text.indexOf("3亿元"))).toBe("2023");
    expect(periodAt(text.indexOf("8亿元"))).toBe("2024");
  });

  it("lets a period set off at the head of a paragraph hold for the paragraph", () => {
    const text = "一、工作回顾\n五年来，产值增长5%。税收增长3%。\n";
    const { periodAt } = periodsOf(text);
    expect(periodAt(text.indexOf("3%"))).toBe(periodAt(text.indexOf("5%")));
    expect(periodAt(text.indexOf("3%"))).toMatch(/^\d{4}\/\d{4}$/);
  });
});
