import type { OptionSpec, ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { MODULES } from "./modules.js";

export interface CommandModule {
  run(args: ParsedArgs, ctx: Context): Promise<number>;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  description: string;
  /** Positional arguments: how many are accepted. */
  positionals: { min: number; max: number; names: string };
  options: readonly OptionSpec[];
  examples: readonly (readonly [command: string, what: string])[];
  exit: string;
  load(): Promise<CommandModule>;
}

const json: OptionSpec = { name: "json", description: "Print a stable machine-readable JSON result on stdout" };
const force: OptionSpec = { name: "force", description: "Replace the output if it already exists" };
const out = (what: string): OptionSpec => ({ name: "output", short: "o", value: "<path>", description: what });

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: "help", short: "h", description: "Show help (for a command: govreport <command> --help)" },
  { name: "version", short: "V", description: "Print the version" },
  { name: "debug", description: "Show stack traces for unexpected errors" },
  { name: "no-color", description: "No colour (also when NO_COLOR is set or the output is not a terminal)" },
  {
    name: "lang",
    value: "<zh|en>",
    choices: ["zh", "en"],
    description: "Language of findings (default: zh when LANG starts with zh, else en)",
  },
];

const EXIT_VALIDATE =
  "0 valid; 1 schema issues or unacknowledged errors; 2 usage error, or input unreadable, undecodable or malformed";

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "validate",
    summary: "Check a report file (YAML or JSON): schema, arithmetic, provenance",
    usage: "govreport validate <report.yaml|report.json|-> [--source <text>] [--json]",
    description:
      "Parses the report (YAML or JSON, by extension or content; - reads stdin), reports schema problems with file:line:column and JSON path, then runs every consistency check: comparisons, relations, units, bounds, and provenance of each quote against the source text. The source is --source, or the report's source.file resolved relative to the report; its sha256 is compared with source.sha256. Findings the report acknowledges are listed as such and do not make it invalid.",
    positionals: { min: 1, max: 1, names: "<report>" },
    options: [
      { name: "source", short: "s", value: "<text file>", description: "Source text to check quotes against" },
      json,
    ],
    examples: [
      ["govreport validate packages/data/reports/zhangjiang-2023-h1/report.yaml", "validate a report and its quotes"],
      ["govreport validate draft.yaml --source report.txt", "check quotes against another copy of the text"],
      ["cat draft.json | govreport validate - --json", "read stdin, print JSON"],
    ],
    exit: EXIT_VALIDATE,
    load: MODULES.validate,
  },
  {
    name: "check",
    summary: "Proofread a report's raw text: find figures that do not add up",
    usage: "govreport check <report.txt|-> [--json]",
    description:
      "Extracts the figures from the text and recomputes what the text states: changes against a baseline (比去年同期13.88亿元增长6.39亿元), percentages, percentage points, and the relations the extractor recognizes: breakdowns of a total (4718家(镇域企业2506家、管镇企业2212家)), rates over their parts (主动公开率98%) and growth targets on a base. Each inconsistency is printed with its line and column in the text, the quote (and the lines of figures printed elsewhere), the figure as stated and the figure the other printed numbers give. Reads UTF-8, UTF-16 (with BOM) and GBK/GB18030.",
    positionals: { min: 1, max: 1, names: "<text>" },
    options: [json],
    examples: [
      ["govreport check packages/data/reports/zhangjiang-2023-h1/source.txt", "proofread a report"],
      ["govreport check draft.txt --json > findings.json", "machine-readable findings"],
      ["pbpaste | govreport check -", "proofread text from the clipboard"],
    ],
    exit: "0 no inconsistency; 1 inconsistencies found; 2 usage error or unreadable input",
    load: MODULES.check,
  },
  {
    name: "extract",
    summary: "Draft a report file (YAML or JSON) from raw text",
    usage: "govreport extract <report.txt|-> [-o draft.yaml] [--format yaml|json] [--id <id>] [--force]",
    description:
      "Finds the figures in the text and writes a draft report: identity, period, observations with verbatim quotes and offsets, comparisons and relations. The draft is a machine's reading: review every observation before publishing it, then run govreport validate. Without -o the draft goes to stdout.",
    positionals: { min: 1, max: 1, names: "<text>" },
    options: [
      out("Write the draft here (atomically; never over an existing file without --force)"),
      {
        name: "format",
        short: "f",
        value: "<yaml|json>",
        choices: ["yaml", "json"],
        description: "Output format (default: yaml, or by the -o extension)",
      },
      { name: "id", value: "<id>", description: "Report id (default: from the file name)" },
      force,
    ],
    examples: [
      ["govreport extract report.txt -o draft.yaml", "write a YAML draft"],
      ["govreport extract report.txt --format json --id beijing-2023", "JSON on stdout with a chosen id"],
    ],
    exit: "0 written; 2 usage error, unreadable input, or output exists",
    load: MODULES.extract,
  },
  {
    name: "export",
    summary: "Convert a report to CSV, canonical JSON or a data package",
    usage: "govreport export <report.yaml|report.json|id> --format csv|json|datapackage [-o <path>] [--force]",
    description:
      "Exports one report, given as a file or as the id of a shipped report: csv (one row per observation, the columns of the data package's observations.csv), json (the validated report with defaults filled in), or datapackage (a Frictionless data package folder: datapackage.json and observations.csv; needs -o). A report with schema problems is refused.",
    positionals: { min: 1, max: 1, names: "<report>" },
    options: [
      {
        name: "format",
        short: "f",
        value: "<csv|json|datapackage>",
        choices: ["csv", "json", "datapackage"],
        description: "Output format (required)",
      },
      out("Output file (csv, json) or directory (datapackage); default stdout"),
      force,
    ],
    examples: [
      ["govreport export zhangjiang-2023-h1 --format csv > zhangjiang.csv", "a shipped report as CSV"],
      ["govreport export draft.yaml --format json -o draft.json", "canonical JSON"],
      ["govreport export draft.yaml --format datapackage -o out/", "a data package folder"],
    ],
    exit: "0 written; 1 the report is invalid; 2 usage error, unreadable input, or output exists",
    load: MODULES.export,
  },
  {
    name: "schema",
    summary: "Print the report JSON Schema",
    usage: "govreport schema [--out <file>] [--force]",
    description:
      "Prints the JSON Schema of a report file: the same bytes as @govreport/schema/report.schema.json, generated from the zod schema validate uses. Point an editor at it (YAML language server: # yaml-language-server: $schema=report.schema.json) for completion and inline errors.",
    positionals: { min: 0, max: 0, names: "" },
    options: [{ name: "out", short: "o", value: "<file>", description: "Write to a file instead of stdout" }, force],
    examples: [
      ["govreport schema > report.schema.json", "save the schema"],
      ["govreport schema --out report.schema.json --force", "write (or replace) a file"],
    ],
    exit: "0 written; 2 usage error or output exists",
    load: MODULES.schema,
  },
  {
    name: "show",
    summary: "List the shipped reports, or show one",
    usage: "govreport show [<report-id>] [--json]",
    description:
      "Without an id, lists the reports shipped in @govreport/data. With an id, prints the report's identity, its headline indicators as a table, and the summary of its checks.",
    positionals: { min: 0, max: 1, names: "[<report-id>]" },
    options: [json],
    examples: [
      ["govreport show", "list shipped reports"],
      ["govreport show zhangjiang-2023-h1", "headline indicators of one report"],
    ],
    exit: "0 shown; 2 unknown id or usage error",
    load: MODULES.show,
  },
  {
    name: "diff",
    summary: "Compare the indicators of two reports",
    usage: "govreport diff <a> <b> [--json]",
    description:
      "Compares two reports (files or shipped ids) indicator by indicator: for indicators in both, each side's value and period and the change (absolute and %) when the units are commensurable; then the indicators only one report has. Where a report has several figures for an indicator, the actual figure for the latest period is compared.",
    positionals: { min: 2, max: 2, names: "<a> <b>" },
    options: [json],
    examples: [
      ["govreport diff last-year.yaml this-year.yaml", "what changed between two reports"],
      ["govreport diff zhangjiang-2023-h1 draft.yaml --json", "machine-readable comparison"],
    ],
    exit: "0 compared; 1 a report is invalid; 2 usage error or unreadable input",
    load: MODULES.diff,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
