import { describe, expect, it } from "vitest";
import { commandIndex, type OptionSpec, parseArgs } from "./args.js";

const OPTIONS: OptionSpec[] = [
  { name: "output", short: "o", value: "<path>", description: "" },
  { name: "format", value: "<yaml|json>", choices: ["yaml", "json"], description: "" },
  { name: "force", description: "" },
];
const GLOBALS: OptionSpec[] = [
  { name: "lang", value: "<zh|en>", description: "" },
  { name: "debug", description: "" },
];

describe("parseArgs (node:util underneath)", () => {
  it("reads long, inline, short and grouped-short values, flags, - and --", () => {
    expect(parseArgs(["a.txt", "--output", "x", "--force", "-", "--", "-b"], OPTIONS, "extract")).toEqual({
      positionals: ["a.txt", "-", "-b"],
      options: { output: "x", force: true },
    });
    expect(parseArgs(["--output=y", "a"], OPTIONS, "").options.output).toBe("y");
    expect(parseArgs(["-oz", "a"], OPTIONS, "").options.output).toBe("z");
  });

  it.each([
    [["--bogus"], /^unknown option --bogus \(see govreport extract --help\)$/],
    [["-x"], /^unknown option -x \(see govreport extract --help\)$/],
    [["--force=1"], /^--force takes no value/],
    [["--output"], /^--output needs a value: --output <path>/],
    [["-o", "-x"], /^--output needs a value/],
    [["--format", "xml"], /^--format must be one of yaml, json, not "xml"$/],
  ])("%j is a one-line usage error", (argv, message) => {
    expect(() => parseArgs(argv, OPTIONS, "extract")).toThrow(message);
  });

  it("finds the command word after global options and their values", () => {
    expect(commandIndex(["--lang", "zh", "check", "x"], GLOBALS)).toBe(2);
    expect(commandIndex(["--debug", "--", "check"], GLOBALS)).toBe(2);
    expect(commandIndex(["--debug"], GLOBALS)).toBe(-1);
  });
});
