import type { Observation } from "@govreport/schema";
import { expect, it } from "vitest";
import { comparablePair, granularity } from "./diff.js";

const obs = (id: string, role: Observation["role"], period: string) => ({ id, role, period }) as Observation;

it("tells period lengths apart", () => {
  expect(["2023", "2023-H1", "2016/2020", "2023-01/2023-05", "2023-12-31"].map(granularity)).toEqual([
    "year",
    "half",
    "5 years",
    "5 months",
    "date",
  ]);
});

it("never sets a target against an actual, nor a five-year figure against a year", () => {
  const a = [obs("a1", "target", "2022"), obs("a2", "actual", "2016/2020")];
  expect(comparablePair(a, [obs("b1", "actual", "2022")])).toBeUndefined();
  expect(comparablePair(a, [obs("b1", "actual", "2021/2025")])?.map((o) => o.id)).toEqual(["a2", "b1"]);
  const both = [obs("a3", "actual", "2022"), ...a];
  expect(comparablePair(both, [obs("b1", "target", "2023"), obs("b2", "actual", "2023")])?.map((o) => o.id)).toEqual([
    "a3",
    "b2",
  ]);
});
