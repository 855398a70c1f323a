import { describe, expect, it } from "vitest";
import { LineIndex } from "./lines.js";
import { displayWidth, pad, table } from "./width.js";

describe("display width", () => {
  it("counts CJK and full-width characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("张江镇")).toBe(6);
    expect(displayWidth("２０％")).toBe(6);
    expect(displayWidth("\u001b[31m红\u001b[39m")).toBe(2);
    expect(pad("税收", 6)).toBe("税收  ");
    expect(pad("1", 3, "right")).toBe("  1");
  });

  it("aligns a table of mixed scripts", () => {
    const t = table(
      [{ header: "indicator" }, { header: "value", align: "right" }, { header: "period" }],
      [
        ["税收", "20.17亿元", "2023年1-5月"],
        ["Tax", "1家", "x"],
      ],
    ).split("\n");
    // The third column starts at the same display column on every line.
    const starts = t.map((line) => displayWidth(line.slice(0, line.search(/(2023年1-5月|x|period)$/))));
    expect(new Set(starts).size).toBe(1);
  });
});

describe("LineIndex", () => {
  it("maps indices to 1-based lines and code-point columns", () => {
    const text = "第一行\n𠀀b中\n\nlast";
    const idx = new LineIndex(text);
    expect(idx.at(0)).toEqual({ line: 1, column: 1 });
    expect(idx.at(text.indexOf("中"))).toEqual({ line: 2, column: 3 });
    expect(idx.at(text.indexOf("last"))).toEqual({ line: 4, column: 1 });
    expect(idx.line(2)).toBe("𠀀b中");
  });

  it("gives the column a walk along the line gives, at every index", () => {
    const text = "😀增长1.5%𠀀，\nab😀\n\n𠀀𠀀x\uD800y";
    const idx = new LineIndex(text);
    let line = 1;
    let column = 1;
    for (let i = 0; i <= text.length; i++) {
      expect(idx.at(i), `index ${i}`).toEqual({ line, column });
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        column = 1;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        // Inside a pair the pair counts as begun.
        expect(idx.at(i + 1), `index ${i + 1}`).toEqual({ line, column: column + 1 });
        i++;
        column++;
      } else column++;
    }
  });
});
