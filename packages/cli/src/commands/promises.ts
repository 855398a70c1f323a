import { type Figure, type PromisePair, type PromisesResult, pairPromises, VERDICTS } from "@govreport/data/panel";
import type { ParsedArgs } from "../args.js";
import { loadInputs } from "../batch/reports.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";

const LABEL: Record<PromisePair["verdict"], string> = {
  met: "met",
  met_within_rounding: "met within rounding",
  missed: "missed",
  not_comparable: "not comparable",
  no_result_stated: "no result stated",
  no_result_found: "no result found",
};

const at = (f: Figure) => `${f.report} @${f.offset}`;

export function formatPromises(r: PromisesResult, ctx: Context): string {
  const c = ctx.out;
  const out: string[] = [];
  const paint = (v: PromisePair["verdict"]) =>
    v === "met" || v === "met_within_rounding" ? c.green : v === "missed" ? c.red : c.yellow;
  for (const p of r.pairs) {
    out.push(
      `${c.bold(`${p.jurisdiction} ${p.year} ${p.name}`)}: ${paint(p.verdict)(LABEL[p.verdict])}${p.result ? ` — ${p.role === "plan" ? "planned" : "target"} ${p.target.printed}, result ${p.result.printed}` : ` — ${p.role === "plan" ? "planned" : "target"} ${p.target.printed}`}`,
    );
    out.push(`    ${c.dim("target:")} ${p.target.quote}  ${c.dim(`(${at(p.target)})`)}`);
    if (p.result) out.push(`    ${c.dim("result:")} ${p.result.quote}  ${c.dim(`(${at(p.result)})`)}`);
    for (const o of p.otherResults ?? [])
      out.push(`    ${c.dim("also:")}   ${o.quote}  ${c.dim(`(${at(o)}; not used)`)}`);
    out.push(`    ${c.dim(`${p.reason} [${p.indicator}, ${p.match === "catalogue" ? "catalogue" : "same subject"}]`)}`);
    out.push("");
  }
  for (const a of r.absences)
    out.push(
      `${c.bold(`${a.jurisdiction} ${a.year} ${a.name}`)}: ${c.yellow(a.status === "not_stated" ? "no target set this year (explicitly absent)" : "no target found this year")}`,
      `    ${c.dim(`last year (${a.lastTarget.report}):`)} ${a.lastTarget.quote}`,
      "",
    );
  const s = r.summary;
  const counts = VERDICTS.filter((v) => s[v] > 0).map((v) => `${s[v]} ${LABEL[v]}`);
  out.push(
    `${s.pairs} target${s.pairs === 1 ? "" : "s"} paired with the next report${counts.length > 0 ? `: ${counts.join(", ")}` : ""}; ${s.absences} main target${s.absences === 1 ? "" : "s"} not set again; ${s.pending} target${s.pending === 1 ? "" : "s"} with no next report among the inputs. 左右/约 tolerance: ±${r.aboutTolerance * 100}%.`,
  );
  return `${out.join("\n")}\n`;
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const { inputs, code } = await loadInputs(args.positionals, ctx);
  if (inputs.length === 0) throw new CliError("no report could be read", undefined, Math.max(code, EXIT.usage));
  const result = pairPromises(
    inputs.map((x) => ({ report: x.report, ...(x.sourceText !== undefined ? { sourceText: x.sourceText } : {}) })),
  );
  if (args.options.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else ctx.stdout.write(formatPromises(result, ctx));
  return code;
}
