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

/**
 * Parses `argv` against a command's options: `--name value`, `--name=value`, `-x value`, flags,
 * and `--` ending options. Anything unknown is a usage error naming it.
 */
export function parseArgs(argv: readonly string[], options: readonly OptionSpec[], command: string): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: {} };
  const help = command ? `govreport ${command} --help` : "govreport --help";
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (rest || arg === "-" || !arg.startsWith("-")) {
      out.positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      rest = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let spec: OptionSpec | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      spec = options.find((o) => o.name === name);
    } else {
      name = arg.slice(1);
      if (name.length > 1) {
        inline = name.slice(1);
        name = name.slice(0, 1);
      }
      spec = options.find((o) => o.short === name);
    }
    if (!spec) throw new CliError(`unknown option ${arg.split("=")[0]} (see ${help})`);
    if (spec.value === undefined) {
      if (inline !== undefined) throw new CliError(`--${spec.name} takes no value (see ${help})`);
      out.options[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`--${spec.name} needs a value: --${spec.name} ${spec.value}`);
    if (spec.choices && !spec.choices.includes(value))
      throw new CliError(`--${spec.name} must be one of ${spec.choices.join(", ")}, not "${value}"`);
    out.options[spec.name] = value;
  }
  return out;
}
