import type { Observation, Report } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { reportOrigin } from "./origin.js";
import { observationStatus } from "./status.js";

const report = (over: Partial<Report> = {}) =>
  ({
    id: "r",
    title: { zh: "某镇政府工作报告", en: "A town's work report" },
    source: { sha256: "0".repeat(64) },
    delivered: "2023-07-13",
    ...over,
  }) as Report;
const obs = (role: Observation["role"], qualifier: Observation["quantity"]["qualifier"], period = "2023-H1") =>
  ({ role, period, quantity: { value: 1, unit: "", decimals: 0, qualifier } }) as Observation;

describe("observationStatus", () => {
  it("reads a target or plan as a target, whatever its qualifier", () => {
    expect(observationStatus(report(), obs("target", "at_least", "2023"))).toBe("target");
    expect(observationStatus(report(), obs("plan", "exact", "2023"))).toBe("target");
  });

  it("reads the qualifier of an actual or baseline of a period that is over", () => {
    expect(observationStatus(report(), obs("actual", "exact"))).toBe("actual");
    expect(observationStatus(report(), obs("actual", "more_than"))).toBe("lower_bound");
    expect(observationStatus(report(), obs("actual", "at_least"))).toBe("lower_bound");
    expect(observationStatus(report(), obs("actual", "at_most"))).toBe("upper_bound");
    expect(observationStatus(report(), obs("actual", "nearly"))).toBe("about");
    expect(observationStatus(report(), obs("baseline", "approximately", "2022-H1"))).toBe("about");
  });

  it("calls an actual for a period not over at delivery an estimate", () => {
    expect(observationStatus(report(), obs("actual", "exact", "2023"))).toBe("estimate");
    expect(observationStatus(report(), obs("actual", "exact", "2023-07-13"))).toBe("actual");
    expect(observationStatus(report({ delivered: undefined }), obs("actual", "exact", "2023"))).toBe("actual");
  });
});

describe("reportOrigin", () => {
  it("cites what is recorded and says what is not, without inventing a URL or date", () => {
    const o = reportOrigin(report({ published: "2023-08-03" }));
    expect(o.url).toBeUndefined();
    expect(o.dateAccessed).toBeUndefined();
    expect(o.citation).toBe(
      "某镇政府工作报告 (A town's work report). Delivered 2023-07-13, published 2023-08-03. URL not recorded.",
    );
    const withUrl = reportOrigin(
      report({
        source: {
          sha256: "0".repeat(64),
          url: "https://example.gov.cn/r.html",
          producer: { zh: "某镇人民政府", en: "A Town People's Government" },
        },
      }),
    );
    expect(withUrl.citation).toBe(
      "某镇人民政府 (A Town People's Government). 某镇政府工作报告 (A town's work report). Delivered 2023-07-13. https://example.gov.cn/r.html, date accessed not recorded.",
    );
  });
});
