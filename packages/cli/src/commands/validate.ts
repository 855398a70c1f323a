import { checkReport, type Finding, type SEVERITIES } from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import type { Colors } from "../format/color.js";
import { escapeStrings } from "../format/escape.js";
import { loadReportFile, locatePath } from "../report-file.js";
import { resolveSource, type SourceCheck } from "../source-text.js";
import { mark } from "../timing.js";

export interface LocatedFinding extends Finding {
  line?: number;
  column?: number;
}

export interface ValidateResult {
  file: string;
  valid: boolean;
  schemaIssues: { path: string; line?: number; column?: number; message: string }[];
  findings: LocatedFinding[];
  summary: { schemaIssues: number; error: number; warning: number; info: number; acknowledged: number };
  source: (SourceCheck & { note?: string }) | null;
  notes: string[];
}

export async function validate(arg: string, sourceArg: string | undefined, ctx: Context): Promise<ValidateResult> {
  const { input, doc, parsed } = await loadReportFile(arg, ctx);
  const result: ValidateResult = {
    file: input.name,
    valid: false,
    schemaIssues: [],
    findings: [],
    summary: { schemaIssues: 0, error: 0, warning: 0, info: 0, acknowledged: 0 },
    source: null,
    notes: [],
  };
  if (!parsed.success) {
    result.schemaIssues = parsed.issues.map((issue) => ({
      path: issue.path,
      ...locatePath(doc, issue.path, issue.keys),
      message: issue.message,
    }));
    result.summary.schemaIssues = result.schemaIssues.length;
    return result;
  }
  const report = parsed.report;
  const field = locatePath(doc, "$.source.file");
  const source = await resolveSource(report, input.path, sourceArg, ctx, { file: input.name, ...field });
  if (source.missing) result.notes.push(source.missing);
  if (source.check) {
    result.source = source.check;
    if (!source.check.matches)
      result.notes.push(
        `the source text ${source.check.file} hashes to ${source.check.sha256}, but the report's source.sha256 is ${source.check.expected}: the text differs from the one the report was made from`,
      );
    if (source.check.expectedChars !== undefined && source.check.expectedChars !== source.check.chars)
      result.notes.push(
        `the source text has ${source.check.chars} characters, the report's source.chars says ${source.check.expectedChars}`,
      );
  }
  mark("source text read and hashed");
  const checked = checkReport(report, source.text === undefined ? {} : { sourceText: source.text });
  mark("consistency checks run");
  result.findings = checked.findings.map((f) => ({ ...f, ...(f.path ? locatePath(doc, f.path) : {}) }));
  mark("findings located");
  result.summary = { schemaIssues: 0, ...checked.summary };
  result.valid = checked.valid;
  return result;
}

const SEVERITY_ORDER: readonly (typeof SEVERITIES)[number][] = ["error", "warning", "info"];

function heading(c: Colors, severity: string, n: number): string {
  const label =
    { error: "Errors", warning: "Warnings", info: "Info", acknowledged: "Acknowledged" }[severity] ?? severity;
  const paint =
    severity === "error" ? c.red : severity === "warning" ? c.yellow : severity === "info" ? c.blue : c.green;
  return c.bold(paint(`${label} (${n})`));
}

function where(file: string, line?: number, column?: number): string {
  return line === undefined ? file : `${file}:${line}:${column ?? 1}`;
}

export function formatFinding(f: LocatedFinding, file: string, ctx: Context): string[] {
  const c = ctx.out;
  const lines = [`  ${where(file, f.line, f.column)}  ${c.dim(f.code)}  ${f.message[ctx.lang]}`];
  const extra: string[] = [];
  if (f.observations.length > 0) extra.push(`observations: ${f.observations.join(", ")}`);
  if (f.relation) extra.push(`relation: ${f.relation}`);
  if (f.path) extra.push(f.path);
  if (extra.length > 0) lines.push(`      ${c.dim(extra.join(" · "))}`);
  if (f.explanation) lines.push(`      ${c.green("acknowledged:")} ${f.explanation[ctx.lang]}`);
  return lines;
}

export function formatValidate(r: ValidateResult, ctx: Context): string {
  const c = ctx.out;
  const out: string[] = [];
  if (r.schemaIssues.length > 0) {
    out.push(heading(c, "error", r.schemaIssues.length).replace("Errors", "Schema issues"));
    for (const i of r.schemaIssues) out.push(`  ${where(r.file, i.line, i.column)}  ${c.dim(i.path)}  ${i.message}`);
    out.push("");
    out.push(
      `${c.red(c.bold("invalid"))}: ${r.file}: ${r.schemaIssues.length} schema issue${r.schemaIssues.length === 1 ? "" : "s"}; consistency checks need a schema-valid report`,
    );
    return `${out.join("\n")}\n`;
  }
  if (r.source) {
    const s = r.source;
    out.push(
      `source: ${s.file} (${s.chars} characters; sha256 ${s.matches ? c.green("matches the report") : c.red("differs from the report's source.sha256")})`,
    );
  }
  for (const note of r.notes) out.push(`${c.yellow("note:")} ${note}`);
  if (out.length > 0) out.push("");
  for (const sev of SEVERITY_ORDER) {
    const fs = r.findings.filter((f) => f.severity === sev && !f.acknowledged);
    if (fs.length === 0) continue;
    out.push(heading(c, sev, fs.length));
    for (const f of fs) out.push(...formatFinding(f, r.file, ctx));
    out.push("");
  }
  const ack = r.findings.filter((f) => f.acknowledged);
  if (ack.length > 0) {
    out.push(heading(c, "acknowledged", ack.length));
    for (const f of ack) out.push(...formatFinding(f, r.file, ctx));
    out.push("");
  }
  const s = r.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  out.push(
    `${r.valid ? c.green(c.bold("valid")) : c.red(c.bold("invalid"))}: ${r.file}: ${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info, ${s.acknowledged} acknowledged`,
  );
  return `${out.join("\n")}\n`;
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const r = await validate(args.positionals[0] as string, args.options.source as string | undefined, ctx);
  if (args.options.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else ctx.stdout.write(formatValidate(escapeStrings(r), ctx));
  mark("output written");
  return r.valid ? EXIT.ok : EXIT.invalid;
}
