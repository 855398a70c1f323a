import { relative } from "node:path";
import { type Finding, SEVERITIES } from "@govreport/schema";
import { isValid, type LoadedReport, type Problem } from "./load.js";

/** file:line:column, relative to the working directory so terminals and editors can open it. */
export function place(file: string, line?: number, col?: number): string {
  const rel = relative(process.cwd(), file);
  const f = rel === "" || rel.startsWith("..") ? file : rel;
  return line === undefined ? f : `${f}:${line}:${col ?? 1}`;
}

export function formatProblem(p: Problem): string {
  return `${place(p.file, p.line, p.col)}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}

function formatFinding(r: LoadedReport, f: Finding): string {
  const pos = f.path ? r.locate(f.path) : undefined;
  const who = [f.observations.join(", "), f.relation ? `relation ${f.relation}` : ""].filter(Boolean).join("; ");
  let line = `${place(r.file, pos?.line, pos?.col)}: ${f.path ? `${f.path}: ` : ""}${f.code}${who ? ` [${who}]` : ""}: ${f.message.en}`;
  if (f.acknowledged) line += ` (acknowledged${f.explanation ? `: ${f.explanation.en}` : ""})`;
  return line;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === "info" ? "" : "s"}`;

/**
 * A readable account of one report: problems first (they stop the build), then findings grouped
 * by severity, acknowledged ones marked; finally one summary line.
 */
export function formatReport(r: LoadedReport): string {
  const out: string[] = [];
  const name = place(r.file);
  if (r.problems.length > 0) {
    out.push(`${name}: ${plural(r.problems.length, "problem")}`);
    for (const p of r.problems) out.push(`  ${formatProblem(p)}`);
  }
  const findings = r.checks?.findings ?? [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    const open = group.filter((f) => !f.acknowledged).length;
    out.push(
      `${name}: ${plural(group.length, severity)}${open < group.length ? ` (${group.length - open} acknowledged)` : ""}`,
    );
    // Unacknowledged first: they are what needs attention.
    for (const f of [...group].sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged)))
      out.push(`  ${formatFinding(r, f)}`);
  }
  for (const i of r.unusedAcknowledgements) {
    const pos = r.locate(`$.acknowledged[${i}]`);
    const code = r.report?.acknowledged[i]?.code ?? "";
    out.push(
      `  ${place(r.file, pos?.line, pos?.col)}: $.acknowledged[${i}]: warning: acknowledges ${code}, which no finding matches (stale after an edit?)`,
    );
  }
  const s = r.checks?.summary;
  const verdict = isValid(r) ? "ok" : "INVALID";
  const counts = s
    ? `${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info, ${s.acknowledged} acknowledged`
    : "consistency checks not run until the problems are fixed";
  const size = r.report
    ? `${plural(r.report.observations.length, "observation")}, ${plural(r.report.relations.length, "relation")}; `
    : "";
  out.push(
    `${r.id}: ${verdict} — ${size}${r.problems.length > 0 ? `${plural(r.problems.length, "problem")}; ` : ""}${counts}`,
  );
  return out.join("\n");
}
