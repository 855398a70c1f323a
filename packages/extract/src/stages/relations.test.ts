import { describe, expect, it } from "vitest";
import { upToFigures } from "../../test/stage-helpers.js";
import { linkComparisons } from "./comparisons.js";
import { chooseIndicators } from "./indicators.js";
import { observe } from "./observations.js";
import { quoteFigures } from "./quotes.js";
import { relate } from "./relations.js";
import { shareOut } from "./respectively.js";
import { assignRoles } from "./roles.js";
import { readSubjects } from "./subjects.js";

describe("stage relations", () => {
  it("proposes the relation a text states between its observations (parts of a whole)", () => {
    const { reading, figures } = upToFigures("一、2023年工作回顾\n户管清单4718家(镇域企业2506家、管镇企业2212家)。\n", {
      year: 2024,
    });
    for (const stage of [linkComparisons, readSubjects, shareOut, assignRoles]) stage(figures, reading);
    quoteFigures(figures, reading, []);
    observe(figures, chooseIndicators(figures, reading).observationFigures, reading);
    const relations = relate(figures, reading);
    expect(relations.map((r) => r.kind)).toContain("sum");
    const sum = relations.find((r) => r.kind === "sum");
    expect(sum && "total" in sum ? sum.total : undefined).toBe(figures[0]?.id);
  });
});
