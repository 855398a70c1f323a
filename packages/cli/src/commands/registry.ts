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
  /** For commands that take many files: what a folder is searched for. */
  batch?: { pattern: RegExp };
  load(): Promise<CommandModule>;
}

const json: OptionSpec = { name: "json", description: "Print a stable machine-readable JSON result on stdout" };
const force: OptionSpec = { name: "force", description: "Replace the output if it already exists" };
const jobs: OptionSpec = {
  name: "jobs",
  short: "j",
  value: "<n>",
  description:
    "With several files: how many worker threads run them (default: the number of cores; 1 runs them in this thread)",
};
const BATCH_NOTE =
  " Several files, a folder (searched recursively) or a quoted glob run in one process, --jobs worker threads at a time: each file's output as for one file, in order, then a summary line on stderr (a progress bar on a terminal); a bad file is reported and the others go on; the exit code is the worst file's; with --json, one JSON line per file (NDJSON).";
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
    usage: "govreport validate <report.yaml|report.json|-|folder|glob>… [--source <text>] [--json] [--jobs <n>]",
    description: `Parses the report (YAML or JSON, by extension or content; - reads stdin), reports schema problems with file:line:column and JSON path, then runs every consistency check: comparisons, relations, units, bounds, and provenance of each quote against the source text. The source is --source, or the report's source.file resolved relative to the report; its sha256 is compared with source.sha256. Findings the report acknowledges are listed as such and do not make it invalid.${BATCH_NOTE}`,
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "<report>…" },
    options: [
      { name: "source", short: "s", value: "<text file>", description: "Source text to check quotes against" },
      json,
      jobs,
    ],
    examples: [
      ["govreport validate packages/data/reports/zhangjiang-2023-h1/report.yaml", "validate a report and its quotes"],
      ["govreport validate draft.yaml --source report.txt", "check quotes against another copy of the text"],
      ["cat draft.json | govreport validate - --json", "read stdin, print JSON"],
      ["govreport validate reports/ --jobs 2 --json > results.ndjson", "a folder of reports, one JSON line each"],
    ],
    exit: EXIT_VALIDATE,
    batch: { pattern: /\.(ya?ml|json)$/i },
    load: MODULES.validate,
  },
  {
    name: "check",
    summary: "Proofread a report's raw text: find figures that do not add up",
    usage: "govreport check <report.txt|-|folder|glob>… [--json] [--jobs <n>]",
    description: `Extracts the figures from the text and recomputes every relation it states between them, each printed figure taken as the interval its rounding allows. Changes: value − baseline = change (比去年同期13.88亿元增长6.39亿元); growth rates: (value ÷ baseline − 1) × 100, or change ÷ (value − change) × 100 without the base (比上年增加4.62亿元,增长28.8%, 达到20.67亿元); percentage points: value − baseline; directions: 由162.4亿元增加到287.9亿元 must rise. Average growth: ((to ÷ from)^(1 ÷ years) − 1) × 100 with the years printed (由2010年的5.24亿元增加到2015年的15.07亿元,年均增长23.53%), the earlier level in the same sentence or, for the same indicator with its year printed, in an earlier sentence of the paragraph. Sums: total = parts, strictly for a list in parentheses or after a colon (4718家(镇域企业2506家、管镇企业2212家)) and for a 共计 total after its parts; parts of a whole: a 其中 list ≤ its whole (764.6万千瓦,其中…386.9万千瓦); remainders: done + remaining = total (共20项,已完成12项,剩余8项); shares: part ÷ whole × 100 (主动公开率98%, 占…的87.2%); products: count × each = total (8名专家每人带4名学员,共32名); per-capita: total ÷ people (发放9.2亿元,惠及15万人,人均6133元; 户均 for households); growth between two printed levels: (to ÷ from − 1) × 100, (1 − to ÷ from) × 100 for a fall, to ÷ from − 1 in 倍 (N + 1 times also allowed) (从14.8亿元跃升至422.7亿元、增长27倍); targets: base × (1 + rate) (增长5%,达到15.8亿元); numbered lists: the k-th marker is k, no gap, no repeat (一是…二是…五是; （一）…（八）); counted lists: count = items named (八个方面的工作： then （一）…（八）; 奶业、蔬菜、中药材、中央厨房、精品肉类五大工程). Growth of GDP and value added is stated at comparable prices and is not checked against nominal levels (the indicator catalogue says which). Each inconsistency is printed with its line and column, the quote (and the lines of figures printed elsewhere), the figure as stated, the formula, the arithmetic with the printed figures, what rounding allows and what the printed figure would have to be; notes follow (提高3% for a rate: percentage points may be meant). The last line says what was checked: checked 13 relations: 6 directions of change, 5 average growth rates, 2 targets; 0 inconsistencies (and how many are distinct when the text prints passages twice). --json lists every relation checked (up to --limit), with its figures (line, column, quote), formula, arithmetic and verdict. Reads UTF-8, UTF-16 (with BOM) and GBK/GB18030.${BATCH_NOTE}`,
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "<text>…" },
    options: [
      {
        name: "limit",
        value: "<n|all>",
        description:
          "List at most n inconsistencies and n notes (in text order) and, with --json, n relations checked (default 1000); how many more were found is said (--json: unlisted)",
      },
      json,
      jobs,
    ],
    examples: [
      ["govreport check packages/data/reports/zhangjiang-2023-h1/source.txt", "proofread a report"],
      ["govreport check draft.txt --json > findings.json", "machine-readable findings"],
      ["pbpaste | govreport check -", "proofread text from the clipboard"],
      ["govreport check reports/ --jobs 2", "a folder of texts in one process"],
    ],
    exit: "0 no inconsistency; 1 inconsistencies found; 2 usage error or unreadable input (several files: the worst)",
    batch: { pattern: /\.txt$/i },
    load: MODULES.check,
  },
  {
    name: "extract",
    summary: "Draft a report file (YAML or JSON) from raw text",
    usage:
      "govreport extract <report.txt|-> [-o draft.yaml] [--format yaml|json] [--id <id>] [--force]  |  govreport extract <files|folder|glob>… -o <folder> [--jobs <n>] [--json]",
    description: `Finds the figures in the text and writes a draft report: identity, period, observations with verbatim quotes and offsets, comparisons and relations. The draft is a machine's reading: review every observation before publishing it, then run govreport validate. Without -o the draft goes to stdout. With several files, a folder or a glob, -o names a folder (made if missing) and each draft is written there as <text file name>.yaml (or .json with --format json); two inputs with the same name are refused before anything is written.${BATCH_NOTE}`,
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "<text>…" },
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
      jobs,
      { name: "json", description: "With several files: one JSON line per file (NDJSON) instead of messages" },
    ],
    examples: [
      ["govreport extract report.txt -o draft.yaml", "write a YAML draft"],
      ["govreport extract report.txt --format json --id beijing-2023", "JSON on stdout with a chosen id"],
      ["govreport extract texts/ -o drafts/", "a draft per text: drafts/<name>.yaml"],
    ],
    exit: "0 written; 2 usage error, unreadable input, or output exists (several files: the worst)",
    batch: { pattern: /\.txt$/i },
    load: MODULES.extract,
  },
  {
    name: "export",
    summary: "Convert a report to CSV, canonical JSON or a data package",
    usage: "govreport export <report.yaml|report.json|id> --format csv|json|datapackage [-o <path>] [--force]",
    description:
      "Exports one report, given as a file or as the id of a shipped report: csv (one row per observation, the columns of the data package's observations.csv), json (the validated report with defaults filled in), or datapackage (a Frictionless data package folder: datapackage.json describing observations.csv, indicators.csv and units.csv, joined by foreign keys; needs -o). A report with schema problems is refused.",
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
      "Compares two reports (files or shipped ids) indicator by indicator: for indicators in both, each side's value and period and the change (absolute and %) when the units are commensurable; then the indicators only one report has. Like is compared with like: figures of the same role (actual, target, baseline, plan) and the same period length (a year with a year, a half with a half, a five-year total with a five-year total), actual figures and whole years first, the latest period of each side; where an indicator has no such pair, the row says nothing is comparable and gives no change (a 2022 target is never set against a 2016-2020 average).",
    positionals: { min: 2, max: 2, names: "<a> <b>" },
    options: [json],
    examples: [
      ["govreport diff last-year.yaml this-year.yaml", "what changed between two reports"],
      ["govreport diff zhangjiang-2023-h1 draft.yaml --json", "machine-readable comparison"],
    ],
    exit: "0 compared; 1 a report is invalid; 2 usage error or unreadable input",
    load: MODULES.diff,
  },
  {
    name: "panel",
    summary: "Build a tidy panel from many reports: jurisdiction × indicator × period × role",
    usage: "govreport panel <files|folder|glob>… [--format csv|json|datapackage] [-o <path>] [--force]",
    description:
      "Reads many reports (raw texts, extracted on the fly, or report files) and writes one row per jurisdiction × indicator × period × role (actual, target, baseline) with value, unit, value in base unit, qualifier, report id, quote and offset, under the column definitions of @govreport/data's observations.csv. Catalogue indicators are matched across reports; an indicator the catalogue does not cover stays its report's own (indicator_key <report id>/<local id>) and is never merged by a guess. Where several figures share a key, the row keeps the latest report's and lists the others (restated_in, other_figures). Formats: csv (default, stdout), json (records), datapackage (a Frictionless data package folder: datapackage.json and panel.csv; needs -o).",
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "<files>…" },
    options: [
      {
        name: "format",
        short: "f",
        value: "<csv|json|datapackage>",
        choices: ["csv", "json", "datapackage"],
        description: "Output format (default: csv)",
      },
      out("Output file (csv, json) or folder (datapackage); default stdout"),
      force,
    ],
    examples: [
      ["govreport panel reports/ > panel.csv", "every report in a folder, as CSV"],
      ["govreport panel hebei_*.txt --format datapackage -o hebei-panel/", "a data package of a series"],
    ],
    exit: "0 written; 1 a report is invalid (the others are still used); 2 usage error, unreadable input, or output exists",
    load: MODULES.panel,
  },
  {
    name: "promises",
    summary: "Pair each year's targets with the results stated in the next report",
    usage: "govreport promises <files|folder|glob>… [--json]",
    description:
      "Pairs each target a report sets for its year Y (an aim, or work it schedules with a figure: 完成营造林600万亩) with the actual for Y that the same jurisdiction's next report states, and gives a verdict: met, met within rounding (the result rounds to the target at the target's printed precision), missed, not comparable (units that do not convert, or a range as result), no result stated (the next report gives no figure for the indicator), or no result found (a report-local indicator: the next report may state it in other words). 左右/约 means about: a result within ±5% of the target meets it (the tolerance is printed with each such verdict); 以上/不低于 is a floor, 以内/不超过/控制在 a ceiling (met by staying under it), 6%-6.5% a range. A catalogue indicator matches by id; a report-local one only when both reports print the same subject, aim and report words aside (确保粮食总产…以上 and 粮食总产; never 新增 against a total), and a subject that names nothing (增长) matches nothing. A main target (主要预期目标) of last year that this year's report does not set again is listed as explicitly absent (not stated), or as not found when the report's list of main targets was not found. Every pair shows both quotes. Inputs are raw texts (extracted on the fly) or report files.",
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "<files>…" },
    options: [json],
    examples: [
      ["govreport promises hebei_2023.txt hebei_2024.txt hebei_2025.txt", "did they do what they promised?"],
      ["govreport promises reports/ --json > promises.json", "machine-readable pairs"],
    ],
    exit: "0 paired; 1 a report is invalid (the others are still used); 2 usage error or unreadable input",
    load: MODULES.promises,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
