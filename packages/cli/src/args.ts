import { parseArgs as parsePlatformArgs } from "node:util";
import { CliError } from "./errors.js";

export interface OptionSpec {
  name: string;
  short?: string;
  /** Placeholder of the option's value (`--format <fmt>`); absent for a flag. */
  value?: string;
  choices?: readonly string[];
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

type PlatformOptions = Record<string, { type: "string" | "boolean"; short?: string }>;

function platformOptions(options: readonly OptionSpec[]): PlatformOptions {
  const out: PlatformOptions = {};
  for (const o of options)
    out[o.name] = { type: o.value === undefined ? "boolean" : "string", ...(o.short ? { short: o.short } : {}) };
  return out;
}

/** The option node:util names in its error message (`'--force'`, `'-o, --output <value>'`, `'-x'`). */
function optionInMessage(message: string, options: readonly OptionSpec[]): { arg: string; spec?: OptionSpec } {
  const long = /--([\w-]+)/.exec(message)?.[1];
  if (long !== undefined) return { arg: `--${long}`, spec: options.find((o) => o.name === long) };
  const short = /'-(\w)/.exec(message)?.[1] ?? "";
  return { arg: `-${short}`, spec: options.find((o) => o.short === short) };
}

/**
 * Parses `argv` against a command's options with node:util's parseArgs (`--name value`,
 * `--name=value`, `-x value`, `-xvalue`, flags, `--` ending options) and turns its errors into
 * one-line usage errors naming the option.
 */
export function parseArgs(argv: readonly string[], options: readonly OptionSpec[], command: string): ParsedArgs {
  const help = command ? `govreport ${command} --help` : "govreport --help";
  let parsed: ReturnType<typeof parsePlatformArgs>;
  try {
    parsed = parsePlatformArgs({
      args: [...argv],
      options: platformOptions(options),
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = (e as Error).message;
    const { arg, spec } = optionInMessage(message, options);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || !spec) throw new CliError(`unknown option ${arg} (see ${help})`);
    if (spec.value === undefined) throw new CliError(`--${spec.name} takes no value (see ${help})`);
    // A missing value, or one that looks like an option (`-o -x`: node:util calls it ambiguous).
    throw new CliError(
      `--${spec.name} needs a value: --${spec.name} ${spec.value} (a value starting with "-": --${spec.name}=-…)`,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const spec of options) {
    const value = values[spec.name];
    if (typeof value === "string" && spec.choices && !spec.choices.includes(value))
      throw new CliError(`--${spec.name} must be one of ${spec.choices.join(", ")}, not "${value}"`);
  }
  return { positionals: parsed.positionals, options: { ...values } };
}

/**
 * Where the command word is: the first positional once the global options (and their values) are
 * set aside, by node:util's parseArgs in its lenient mode, so that `govreport --lang zh check x`
 * finds `check`. Unknown options are left to the strict parse of the command's own options.
 */
export function commandIndex(argv: readonly string[], globals: readonly OptionSpec[]): number {
  const { tokens } = parsePlatformArgs({
    args: [...argv],
    options: platformOptions(globals),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === "positional");
  return first === undefined ? -1 : first.index;
}
