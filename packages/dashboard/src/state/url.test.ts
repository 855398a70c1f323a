import { describe, expect, it } from "vitest";
import { type AppState, formatHash, parseHash } from "./url.js";

const D = "zhangjiang-2023-h1";

describe("URL state", () => {
  it("round-trips a view with filters, language and a selected observation", () => {
    const state: AppState = {
      view: "explorer",
      report: "other-report",
      lang: "en",
      q: "税收 & more",
      cat: "economy",
      ind: "tax_revenue",
      role: "actual",
      qual: "more_than",
      sort: "value",
      dir: "desc",
      obs: "tax-2023",
    };
    expect(parseHash(formatHash(state, D), D)).toEqual(state);
  });

  it("leaves defaults out of links", () => {
    expect(formatHash({ view: "overview", report: D, lang: "zh" }, D)).toBe("#/overview");
    expect(formatHash({ view: "source", report: D, lang: "en", obs: "a" }, D)).toBe("#/source?lang=en&obs=a");
  });

  it("opens the overview in Chinese for empty, unknown or malformed hashes", () => {
    for (const h of ["", "#", "#/", "#/nonsense?lang=fr&sort=bogus&dir=up"]) {
      const s = parseHash(h, D);
      expect(s).toMatchObject({ view: "overview", report: D, lang: "zh" });
      expect(s.sort).toBeUndefined();
      expect(s.dir).toBeUndefined();
    }
  });
});
