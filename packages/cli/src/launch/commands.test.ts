import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/registry.js";
import { CACHED_COMMANDS } from "./commands.js";

describe("CACHED_COMMANDS", () => {
  it("names every command of the registry", () => {
    expect([...CACHED_COMMANDS].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });
});
