import { readFileSync } from "node:fs";
import { CATALOGUE, type Observation, type Report } from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../../vitest.shared-texts.js";
import { loadFiles } from "../load/load-files.js";
import { fixtureReport } from "./fixture.js";
import { headlineCards, isAverageOf } from "./headline.js";

const BAODING = [2021, 2023, 2024, 2025, 2026].map((y) => `baoding_${y}_annual.txt`);

describe("headlineCards", () => {
  const report = fixtureReport();
  const cards = headlineCards(report);

  it("shows the catalogue's headline indicators the report has, in catalogue order", () => {
    const ids = cards.map((c) => c.indicator.id);
    const order = CATALOGUE.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(ids).toContain("tax_revenue");
    expect(ids).not.toContain("waste_sorting_compliance_rate");
    for (const c of cards) expect(c.indicator.headline).toBe(true);
  });

  it("keeps values as printed, with the stated comparison", () => {
    const tax = cards.find((c) => c.indicator.id === "tax_revenue");
    expect(tax?.values).toHaveLength(1);
    expect(tax?.values[0]).toMatchObject({
      printed: "20.17亿元",
      baseline: { printed: "13.88亿元", period: "2022-01/2022-05" },
      change: "6.39亿元",
      percent: "45.4%",
      direction: "increase",
    });
  });

  it("prefers actuals and shows one value per subject, counting the rest", () => {
    const elevators = cards.find((c) => c.indicator.id === "elevators_added_completed");
    expect(elevators?.values.map((v) => v.obs.role)).toEqual(["actual"]);
    expect(elevators?.more).toBe(1);
    const count = cards.find((c) => c.indicator.id === "illegal_construction_removed_count");
    expect(count?.values.map((v) => v.printed)).toEqual(["50处", "56处"]);
  });
});

// A made-up report (not a real text) with the shapes the issue found on real ones: a daily
// average of new enterprises (Shanghai's 新增企业超过320家), a per-mu tax, a plan for the year.
const SYNTHETIC = `示例市2025年政府工作报告

一、2025年工作回顾
过去一年，全市生产总值达到5.67万亿元，比上年增长5.2%。全年新设企业11.8万家，平均每天新增企业超过320家。
一般公共预算收入达到8200亿元，亩均税收达到15万元。

二、2026年主要目标
全市生产总值增长5%左右，招商引资1000亿元，新增企业12万家。
`;

async function draftOf(name: string, bytes: Uint8Array) {
  const out = await loadFiles([{ name, bytes }]);
  const loaded = out.loaded;
  if (!loaded) throw new Error(`${name} did not load: ${JSON.stringify(out.messages)}`);
  expect(loaded.origin).toBe("text");
  return loaded.report;
}

/** What a draft's headline cards must never do: show an average, or a goal as if achieved. */
function expectTruthfulHeadlines(report: Report) {
  for (const card of headlineCards(report)) {
    for (const v of card.values) {
      expect(isAverageOf(v.obs, card.indicator), `${v.printed} (${v.obs.subject})`).toBe(false);
      // A goal or a plan is on a card (with its role shown) only when the report states no result.
      if (v.obs.role !== "actual") {
        const actual = report.observations.find(
          (o) => o.indicator === card.indicator.id && o.role === "actual" && !isAverageOf(o, card.indicator),
        );
        expect(actual, `${card.indicator.id}: ${v.printed} (${v.obs.role}) shown while a result exists`).toBe(
          undefined,
        );
      }
    }
  }
}

describe("headline cards of a draft", () => {
  it("never show an average as the indicator's figure, nor a goal as a result (synthetic text)", async () => {
    const report = await draftOf("sample.txt", new TextEncoder().encode(SYNTHETIC));
    const printed = (o: Observation) => o.quantity.printed;
    // The shapes are in the draft…
    const daily = report.observations.find((o) => printed(o) === "超过320家");
    expect(daily?.subject).toContain("平均每天");
    expect(report.observations.find((o) => printed(o) === "15万元")?.subject).toContain("亩均");
    // …and not on its cards.
    const cards = headlineCards(report);
    const shown = cards.flatMap((c) => c.values.map((v) => v.printed));
    expect(shown).not.toContain("超过320家");
    expect(shown).not.toContain("15万元");
    expect(shown).toContain("5.67万亿元");
    // The year's plan is shown as a target, never as what was achieved.
    const plan = cards.flatMap((c) => c.values).find((v) => v.printed === "1000亿元");
    expect(plan?.obs.role).toBe("target");
    expectTruthfulHeadlines(report);
  });

  describeShared("Baoding's reports", BAODING, () => {
    it("never show an average or a goal as a result (招商引资 1000亿元 is a target)", async () => {
      for (const name of BAODING) {
        const report = await draftOf(name, new Uint8Array(readFileSync(sharedPath(name))));
        expectTruthfulHeadlines(report);
        if (name === "baoding_2025_annual.txt") {
          const v = headlineCards(report)
            .flatMap((c) => c.values)
            .find((x) => x.printed.startsWith("1000亿元"));
          expect(v?.obs.role).toBe("target");
        }
        if (name === "baoding_2021_annual.txt") {
          // 确保亩均税收达到15万元以上 is a tax per mu of land, not the city's tax revenue.
          const perMu = report.observations.find((o) => o.subject?.includes("亩均税收"));
          expect(perMu).toBeDefined();
          const shown = headlineCards(report).flatMap((c) => c.values.map((x) => x.obs.id));
          expect(shown).not.toContain(perMu?.id);
        }
      }
    }, 120_000);
  });
});
