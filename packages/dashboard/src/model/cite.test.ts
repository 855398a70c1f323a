import { describe, expect, it } from "vitest";
import { citeText, tableCsv } from "./cite.js";
import { fixtureReport } from "./fixture.js";

const report = fixtureReport();

describe("citeText", () => {
  const url = "https://example.org/#/categories?cat=economy&chart=economy-yoy-0";
  it("names the report, place, date, the quotes and the link, in Chinese", () => {
    const t = citeText(report, "同比 · 亿元", [{ printed: "20.17亿元", quote: "共计完成税收20.17亿元" }], url, "zh");
    expect(t).toContain("示例镇《示例镇政府工作报告》(2023-H1)");
    expect(t).toContain("“共计完成税收20.17亿元”");
    expect(t).toContain(url);
  });

  it("in English, and says a local report is not verified", () => {
    const t = citeText(
      report,
      "Tax",
      [
        { printed: "1", quote: "q" },
        { printed: "2", quote: "q" },
      ],
      url,
      "en",
      "text",
    );
    expect(t).toBe(
      `Example Town work report, Example Town, 2023-H1 (loaded locally, not verified). Tax: “q”. govreport dashboard, ${url}`,
    );
  });
});

describe("tableCsv", () => {
  it("quotes commas, quotes and line breaks and ends records with CRLF", () => {
    expect(
      tableCsv(
        ["a", "b"],
        [
          ["1,2", 'say "x"'],
          ["line\nbreak", "plain"],
        ],
      ),
    ).toBe('a,b\r\n"1,2","say ""x"""\r\n"line\nbreak",plain\r\n');
  });
});
