import { commandIndex, type OptionSpec, parseArgs } from "./args.js";
import { COMMANDS, findCommand, GLOBAL_OPTIONS } from "./commands/registry.js";
import type { Context, Output } from "./context.js";
import { CliError, EXIT, formatCliError } from "./errors.js";
import { colors, useColor } from "./format/color.js";
import { escapeControl, terminalSafe } from "./format/escape.js";
import { commandHelp, mainHelp } from "./help.js";
import { mark } from "./timing.js";

import { VERSION } from "./version.js";

export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function defaultLang(env: NodeJS.ProcessEnv): "zh" | "en" {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(l) ? "zh" : "en";
}

/**
 * Runs one command line and returns the exit code. Only the chosen command's module is imported,
 * so --help and --version load neither zod nor yaml.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes("--debug");
  const noColor = argv.includes("--no-color");
  const err = colors(useColor(io.stderr, io.env, noColor));
  try {
    const first = commandIndex(argv, GLOBAL_OPTIONS);
    const name = first < 0 ? undefined : argv[first];
    const spec = name === undefined ? undefined : findCommand(name);
    if (name !== undefined && name !== "help" && !spec)
      throw new CliError(
        `unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(", ")} (see govreport --help)`,
      );
    const rest = first < 0 ? [...argv] : [...argv.slice(0, first), ...argv.slice(first + 1)];
    const options: OptionSpec[] = [...GLOBAL_OPTIONS, ...(spec?.options ?? [])];
    const args = parseArgs(rest, options, spec?.name ?? "");
    const out = colors(useColor(io.stdout, io.env, noColor));

    if (name === "help") {
      const target = args.positionals[0];
      const s = target === undefined ? undefined : findCommand(target);
      if (target !== undefined && !s) throw new CliError(`unknown command "${target}" (see govreport --help)`);
      io.stdout.write(`${s ? commandHelp(s, out) : mainHelp(out)}\n`);
      return EXIT.ok;
    }
    if (args.options.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (args.options.help) {
      io.stdout.write(`${spec ? commandHelp(spec, out) : mainHelp(out)}\n`);
      return EXIT.ok;
    }
    if (!spec) {
      io.stderr.write(`${mainHelp(err)}\n`);
      return EXIT.usage;
    }
    if (spec.batch) {
      const { isBatch } = await import("./batch/inputs.js");
      if (isBatch(args.positionals, io.cwd)) {
        const { runBatch } = await import("./batch/run.js");
        return await runBatch(spec, args, io, main);
      }
    }
    const { min, max } = spec.positionals;
    const n = args.positionals.length;
    if (n < min || n > max)
      throw new CliError(
        `${n < min ? "missing" : "too many"} arguments: usage: ${spec.usage} (see govreport ${spec.name} --help)`,
      );
    const ctx: Context = {
      ...io,
      stderr: terminalSafe(io.stderr),
      out,
      err,
      debug,
      lang: (args.options.lang as "zh" | "en" | undefined) ?? defaultLang(io.env),
    };
    // zod compiles a parser per object schema on first use (~30 ms for the report schema), which
    // pays off over many parses; a command-line run parses once. This is z.config({ jitless: true })
    // set through zod's global, so that it applies before the bundled zod is loaded.
    const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
    g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
    const mod = await spec.load();
    mark(`${spec.name}: command module loaded`);
    return await mod.run(args, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${err.red(formatCliError(e))}\n`);
      if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`${err.red(escapeControl(`govreport: internal error: ${message}`))}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    else io.stderr.write("govreport: run again with --debug for details, and report it as a bug\n");
    return 70;
  }
}
