import type { OptionSpec } from "./args.js";
import { COMMANDS, type CommandSpec, GLOBAL_OPTIONS } from "./commands/registry.js";
import type { Colors } from "./format/color.js";
import { displayWidth, pad } from "./format/width.js";

/** Wraps prose at `width` columns, counting CJK characters as two. */
export function wrap(text: string, width: number, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

function optionLabel(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` ${o.value}` : ""}`;
}

function optionList(options: readonly OptionSpec[]): string {
  const w = Math.max(...options.map((o) => displayWidth(optionLabel(o))));
  return options.map((o) => `  ${pad(optionLabel(o), w)}  ${o.description}`).join("\n");
}

const MAIN_EXAMPLES: readonly (readonly [string, string])[] = [
  ["govreport check report.txt", "proofread the figures of a report's text"],
  ["govreport extract report.txt -o draft.yaml", "draft a data file from the text"],
  ["govreport validate draft.yaml", "check the data file against its source"],
  ["govreport validate --help", "help for one command"],
];

function examples(c: Colors, list: readonly (readonly [string, string])[] = MAIN_EXAMPLES): string[] {
  const w = Math.max(...list.map(([cmd]) => displayWidth(cmd)));
  return list.map(([cmd, what]) => `  ${pad(cmd, w)}  ${c.dim(`# ${what}`)}`);
}

export function mainHelp(c: Colors): string {
  const w = Math.max(...COMMANDS.map((x) => x.name.length));
  return [
    `${c.bold("govreport")} — validate, proofread, extract and export Chinese government work reports (政府工作报告)`,
    "",
    c.bold("Usage:"),
    "  govreport <command> [options]",
    "",
    c.bold("Commands:"),
    ...COMMANDS.map((x) => `  ${pad(x.name, w)}  ${x.summary}`),
    "",
    c.bold("Global options:"),
    optionList(GLOBAL_OPTIONS),
    "",
    c.bold("Examples:"),
    ...examples(c),
    "",
    "Exit codes: 0 ok, 1 problems found in the input, 2 usage error or unreadable input, 70 internal error (a bug).",
    "Data goes to stdout, messages to stderr.",
    "Start-up: each command keeps V8's compiled code in the user cache folder (Linux: ~/.cache/govreport);",
    "GOVREPORT_CACHE_DIR moves it, GOVREPORT_CODE_CACHE=0 turns it off.",
  ].join("\n");
}

export function commandHelp(spec: CommandSpec, c: Colors): string {
  return [
    `${c.bold(`govreport ${spec.name}`)} — ${spec.summary}`,
    "",
    c.bold("Usage:"),
    `  ${spec.usage}`,
    "",
    wrap(spec.description, 100, "  "),
    "",
    c.bold("Options:"),
    optionList(spec.options),
    "",
    c.bold("Global options:"),
    optionList(GLOBAL_OPTIONS),
    "",
    c.bold("Examples:"),
    ...examples(c, spec.examples),
    "",
    `${c.bold("Exit codes:")} ${spec.exit}`,
  ].join("\n");
}
