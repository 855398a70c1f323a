import { readFileSync } from "node:fs";
import { catalogueIndicator, type Observation, type Report } from "@govreport/schema";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { OBSERVATION_COLUMNS, reports } from "./index.js";
import { PANEL_COLUMNS, panelCsv, panelDataPackage, panelRecords, panelRows, reportYear } from "./panel.js";
import { judge, pairPromises, subjectKey, targetKind } from "./promises.js";

const shipped = reports[0] as Report;

/** A copy of the shipped report as another jurisdiction's or another year's. */
function variant(id: string, edit: (r: Report) => void): Report {
  const r = structuredClone(shipped);
  r.id = id;
  edit(r);
  return r;
}

describe("panel", () => {
  it("has one row per jurisdiction × indicator × period × role, with @govreport/data's column definitions", () => {
    const rows = panelRows([shipped]);
    const keys = rows.map((r) => [r.jurisdiction, r.indicatorKey, r.observation.period, r.observation.role].join("|"));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of PANEL_COLUMNS) {
      const same = OBSERVATION_COLUMNS.find((o) => o.name === c.name);
      if (same) expect(c).toBe(same);
    }
    expect(PANEL_COLUMNS.filter((c) => OBSERVATION_COLUMNS.includes(c as never)).length).toBeGreaterThan(15);
    expect(rows.every((r) => ["actual", "target", "baseline"].includes(r.observation.role))).toBe(true);
  });

  it("keeps report-local indicators apart across reports, and matches catalogue ones", () => {
    const later = variant("zhangjiang-2024-h1", (r) => {
      r.delivered = "2024-07-01";
    });
    const rows = panelRows([shipped, later]);
    const local = rows.filter((r) => !catalogueIndicator(r.observation.indicator));
    const catalogue = rows.filter((r) => catalogueIndicator(r.observation.indicator));
    expect(local.length).toBeGreaterThan(0);
    expect(catalogue.length).toBeGreaterThan(0);
    // The later copy states the same catalogue figures again: one row each, restated_in names it.
    expect(catalogue.every((r) => r.report.id === "zhangjiang-2024-h1" && r.restatedIn.includes(shipped.id))).toBe(
      true,
    );
    // Local indicators are never merged: each report keeps its own key.
    for (const r of local) expect(r.indicatorKey.startsWith(`${r.report.id}/`)).toBe(true);
    const csv = panelCsv(rows);
    expect(csv.split("\r\n")[0]).toBe(PANEL_COLUMNS.map((c) => c.name).join(","));
    expect(panelRecords(rows)).toHaveLength(rows.length);
  });

  it("lists a different figure for the same key instead of dropping it", () => {
    let changed: Observation | undefined;
    const other = variant("zhangjiang-2023-h1-b", (r) => {
      r.delivered = "2024-01-01";
      changed = r.observations.find((x) => catalogueIndicator(x.indicator) && x.role === "actual");
      if (changed) changed.quantity = { ...changed.quantity, value: changed.quantity.value + 0.5 };
    });
    const c = changed as Observation;
    const row = panelRows([shipped, other]).find(
      (r) => r.indicatorKey === c.indicator && r.observation.period === c.period && r.observation.role === "actual",
    );
    expect(row?.observation.quantity.value).toBe(c.quantity.value);
    expect(row?.alternatives.some((a) => a.quantity.value === c.quantity.value - 0.5)).toBe(true);
  });

  it("describes panel.csv in a data package valid against the Frictionless profiles", () => {
    const profile = (name: string) =>
      JSON.parse(readFileSync(new URL(`../test/profiles/${name}.json`, import.meta.url), "utf8")) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("textarea", true);
    const pkg = panelDataPackage({ version: "1.0.0" }, { path: "panel.csv", bytes: 10, hash: "sha256:00" });
    const vp = ajv.compile(profile("data-package"));
    expect(vp(pkg), ajv.errorsText(vp.errors)).toBe(true);
    const vr = ajv.compile(profile("tabular-data-resource"));
    expect(vr(pkg.resources[0]), ajv.errorsText(vr.errors)).toBe(true);
  });
});

/** A target observation as the extractor writes one. */
function target(
  printed: string,
  value: number,
  qualifier: Observation["quantity"]["qualifier"],
  quote: string,
  extra: Partial<Observation["quantity"]> = {},
): Observation {
  const o = structuredClone(shipped.observations[0] as Observation);
  return {
    ...o,
    role: "target",
    indicator: "gdp_growth",
    quantity: { value, unit: "%", decimals: String(value).split(".")[1]?.length ?? 0, qualifier, printed, ...extra },
    source: { ...o.source, quote },
  };
}

describe("verdicts", () => {
  const v = (t: Observation, a: number, decimals = 1) => {
    const { kind, about } = targetKind(t, shipped);
    return judge(t, kind, about, a, decimals).verdict;
  };
  it("左右 is about: within ±5% of the target meets it", () => {
    const t = target("6%左右", 6, "approximately", "增长6%左右");
    expect([v(t, 5.7), v(t, 5.5), v(t, 6.6)]).toEqual(["met", "missed", "met"]);
  });
  it("以上 is a floor; a result printed short may meet it within rounding", () => {
    const t = target("5.5%以上", 5.5, "at_least", "增长5.5%以上");
    expect([v(t, 5.5), v(t, 5.4), v(t, 5, 0), v(t, 4, 0)]).toEqual(["met", "missed", "met_within_rounding", "missed"]);
  });
  it("控制在 is a ceiling, met by staying under it", () => {
    const t = target("控制在3%", 3, "at_most", "涨幅控制在3%左右");
    expect(targetKind(t, shipped)).toEqual({ kind: "ceiling", about: true });
    expect([v(t, 2), v(t, 3.1), v(t, 3.3)]).toEqual(["met", "met", "missed"]);
  });
  it("a range is met from its lower end", () => {
    const t = target("6%-6.5%", 6, "exact", "增长6%-6.5%", { max: 6.5 });
    expect(targetKind(t, shipped).kind).toBe("range");
    expect([v(t, 6.2), v(t, 7), v(t, 5.8)]).toEqual(["met", "met", "missed"]);
  });
  it("pairs nothing without a next report, and keeps those targets pending", () => {
    const r = pairPromises([{ report: shipped }]);
    expect(r.pairs).toEqual([]);
    expect(r.summary.pairs).toBe(0);
  });
});

describe("reportYear", () => {
  /** The shipped report with no delivered date, a review period and targets for the given years. */
  const dated = (period: string, targetYears: number[]) =>
    variant(`y-${period}`, (r) => {
      delete r.delivered;
      r.period = period as Report["period"];
      const o = r.observations[0] as Observation;
      r.observations = targetYears.map((y, i) => ({
        ...o,
        id: `t${i}`,
        role: "target",
        period: String(y) as Observation["period"],
      }));
    });
  it("is the delivered year when the report has its date", () => {
    expect(reportYear(shipped)).toBe(Number(shipped.delivered?.slice(0, 4)));
  });
  it("is the year after the review period when the report sets targets for it (a five-year review too)", () => {
    expect(reportYear(dated("2022", [2023, 2023, 2025]))).toBe(2023);
    expect(reportYear(dated("2021/2025", [2026, 2030, 2030]))).toBe(2026);
  });
  it("is the year most targets are for when the review period was misread (a digest of the plan alone)", () => {
    expect(reportYear(dated("2024", [2024, 2024, 2027]))).toBe(2024);
  });
  it("is the year after the review period when the report sets no annual target", () => {
    expect(reportYear(dated("2022", []))).toBe(2023);
  });
});

describe("subjectKey", () => {
  it("drops aim and report words around what is measured", () => {
    expect(subjectKey("确保粮食总产斤以上")).toBe(subjectKey("粮食总产斤"));
    expect(subjectKey("新建改造高标准农田")).toBe(subjectKey("高标准农田"));
    expect(subjectKey("新增国家高新技术企业")).toBe(subjectKey("新增国家级高新技术企业超"));
    expect(subjectKey("力争国家科技型中小企业")).toBe(subjectKey("国家科技型中小企业总数"));
  });
  it("keeps a flow apart from a stock, and a different scope apart", () => {
    expect(subjectKey("新增国家高新技术企业")).not.toBe(subjectKey("国家高新技术企业总数"));
    expect(subjectKey("地表水水质优良比例")).not.toBe(subjectKey("全省地表水国考断面水质优良比例保持在"));
  });
  it("gives no key to a subject too short to name anything once its words are dropped", () => {
    expect(subjectKey("力争完成")).toBeUndefined();
    expect(subjectKey(undefined)).toBeUndefined();
  });
});
