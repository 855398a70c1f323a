import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  findQuantities,
  parseQuantity,
  type Quantity,
  quantityInterval,
  type Report,
  resolveUnit,
} from "@govreport/schema";
import { describe, expect, it } from "vitest";
import { shippedReports, validateAll } from "../scripts/lib/build.js";
import { formatReport } from "../scripts/lib/format.js";
import { generatedModule } from "../scripts/lib/generate.js";
import { isValid } from "../scripts/lib/load.js";
import { GENERATED_FILE, REPORTS_DIR } from "../scripts/lib/paths.js";
import { getChecks, getReport, getSourceText, isReportId, reportIds, reports } from "../src/index.js";

/** The shipped reports read from their YAML now, not from the generated module (which may lag). */
const validation = validateAll(REPORTS_DIR);

describe("shipped reports", () => {
  it("include the Zhangjiang report and no report folder lacks its YAML", () => {
    expect(validation.loaded.map((r) => r.id)).toContain("zhangjiang-2023-h1");
    expect(validation.without).toEqual([]);
  });

  for (const r of validation.loaded) {
    describe(r.id, () => {
      const report = r.report as Report;
      const text = r.sourceText ?? "";
      const codePoints = [...text];

      it("is valid: schema, source hash and length, no unacknowledged error", () => {
        expect(isValid(r), formatReport(r)).toBe(true);
        expect(r.unusedAcknowledgements, "stale acknowledgements").toEqual([]);
      });

      it("every quote stands in the source at its code-point offset", () => {
        for (const o of report.observations) {
          const quote = [...o.source.quote];
          const at = codePoints.slice(o.source.offset, o.source.offset + quote.length).join("");
          expect(at, `${o.id} at ${o.source.offset}`).toBe(o.source.quote);
        }
      });

      it("every figure is printed in its quote and reads back as the recorded value", () => {
        const same = (a: Quantity, b: Quantity) =>
          a.value === b.value && a.unit === b.unit && a.decimals === b.decimals && (a.max ?? null) === (b.max ?? null);
        const quantities = (o: Report["observations"][number]) => [
          o.quantity,
          ...(o.comparison
            ? [o.comparison.baseline?.quantity, o.comparison.change, o.comparison.percent, o.comparison.points]
            : []),
        ];
        for (const o of report.observations) {
          for (const q of quantities(o)) {
            if (!q?.printed) continue;
            expect(o.source.quote, o.id).toContain(q.printed);
            const read = parseQuantity(q.printed, { units: report.units });
            expect(same(read, q) && read.qualifier === q.qualifier, `${o.id}: ${q.printed}`).toBe(true);
          }
          if (o.quantity.printed) continue;
          const found = findQuantities(o.source.quote, {
            units: report.units,
            chinese: true,
            bare: o.quantity.unit === "",
          });
          expect(
            found.some((f) => same(f, o.quantity)),
            `${o.id}: ${o.quantity.value}${o.quantity.unit} in ${o.source.quote}`,
          ).toBe(true);
        }
      });

      it("every sum holds within the printed rounding, or is acknowledged", () => {
        const byId = new Map(report.observations.map((o) => [o.id, o]));
        const acknowledged = (id: string) =>
          report.acknowledged.some((a) => a.code === "relation.sum_mismatch" && a.relation === id);
        for (const rel of report.relations) {
          if (rel.kind !== "sum") continue;
          // An interval in base units, computed here apart from the schema's checks.
          const span = (id: string) => {
            const q = byId.get(id)?.quantity as Quantity;
            const s = resolveUnit(q.unit, report.units)?.scale ?? Number.NaN;
            const i = quantityInterval(q);
            return [i.lo * s, i.hi * s] as const;
          };
          const [lo, hi] = span(rel.total);
          const parts = rel.parts.map(span);
          const sumLo = parts.reduce((a, p) => a + p[0], 0);
          const sumHi = parts.reduce((a, p) => a + p[1], 0);
          const holds = sumLo <= hi * (1 + 1e-12) && lo <= sumHi * (1 + 1e-12);
          expect(holds || acknowledged(rel.id), `${rel.id}: [${lo}, ${hi}] vs [${sumLo}, ${sumHi}]`).toBe(true);
        }
      });

      it("every ratio holds within the printed rounding, or is acknowledged", () => {
        const byId = new Map(report.observations.map((o) => [o.id, o]));
        const acknowledged = (id: string) =>
          report.acknowledged.some((a) => a.code === "relation.ratio_mismatch" && a.relation === id);
        const base = (id: string) => {
          const q = byId.get(id)?.quantity as Quantity;
          const s = resolveUnit(q.unit, report.units)?.scale ?? Number.NaN;
          const i = quantityInterval(q);
          return [i.lo * s, i.hi * s] as const;
        };
        for (const rel of report.relations) {
          if (rel.kind !== "ratio") continue;
          const [nLo, nHi] = base(rel.numerator);
          const [dLo, dHi] = base(rel.denominator);
          const ratio = byId.get(rel.ratio)?.quantity as Quantity;
          const per = { "%": 100, "‰": 1000 }[ratio.unit] ?? 1;
          const stated = quantityInterval(ratio);
          const lo = (nLo / dHi) * per;
          const hi = (nHi / dLo) * per;
          const holds = lo <= stated.hi * (1 + 1e-12) && stated.lo <= hi * (1 + 1e-12);
          expect(
            holds || acknowledged(rel.id),
            `${rel.id}: stated [${stated.lo}, ${stated.hi}], computed [${lo}, ${hi}]`,
          ).toBe(true);
        }
      });

      it("every relation holds or its finding is acknowledged", () => {
        const relationErrors = (r.checks?.findings ?? []).filter(
          (f) => f.relation !== undefined && f.severity === "error" && !f.acknowledged,
        );
        expect(relationErrors.map((f) => `${f.relation}: ${f.message.en}`)).toEqual([]);
        const ids = new Set(report.observations.map((o) => o.id));
        for (const rel of report.relations) {
          const refs = Object.entries(rel).filter(([k]) => !["kind", "id", "note"].includes(k));
          for (const [, v] of refs)
            for (const id of [v].flat()) expect(ids.has(id as string), `${rel.id} → ${id}`).toBe(true);
        }
      });
    });
  }
});

describe("the typed exports", () => {
  it("src/generated/reports.ts is up to date with the YAML (else run `pnpm --filter @govreport/data build`)", () => {
    expect(validation.valid).toBe(true);
    const fresh = generatedModule(shippedReports(validation));
    expect(readFileSync(GENERATED_FILE, "utf8") === fresh, "src/generated/reports.ts is stale").toBe(true);
  });

  it("serve each report, its source text and its checks by id", () => {
    expect(reports.map((r) => r.id)).toEqual([...reportIds]);
    for (const id of reportIds) {
      const report = getReport(id);
      expect(isReportId(id)).toBe(true);
      expect(report.id).toBe(id);
      // The text served is the one the report was checked against.
      const text = getSourceText(id);
      expect(createHash("sha256").update(text, "utf8").digest("hex")).toBe(report.source.sha256);
      expect(getChecks(id).valid).toBe(true);
      expect(getChecks(id).findings.filter((f) => f.acknowledged)).toHaveLength(getChecks(id).summary.acknowledged);
    }
    expect(isReportId("no-such-report")).toBe(false);
    expect(getReport("no-such-report")).toBeUndefined();
    expect(getSourceText("no-such-report")).toBeUndefined();
    expect(getChecks("no-such-report")).toBeUndefined();
  });

  it("stay browser-safe: nothing src/index.ts imports touches node:", () => {
    const sources = ["index.ts", "columns.ts", "csv.ts", "datapackage.ts"].map((f) =>
      readFileSync(new URL(`../src/${f}`, import.meta.url), "utf8"),
    );
    for (const s of sources) expect(s).not.toMatch(/from "node:|require\(/);
    expect(readFileSync(GENERATED_FILE, "utf8")).not.toMatch(/from "node:/);
  });
});
