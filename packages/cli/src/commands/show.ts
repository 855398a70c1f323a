import {
  type CheckResult,
  checkReport,
  findIndicator,
  formatQuantity,
  type Observation,
  periodLabel,
  type Report,
} from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { table } from "../format/width.js";

export function comparisonLabel(o: Observation): string {
  const c = o.comparison;
  if (!c) return "";
  const sign = c.direction === "increase" ? "+" : "−";
  const parts: string[] = [];
  if (c.change) parts.push(`${sign}${formatQuantity(c.change)}`);
  if (c.percent) parts.push(`${sign}${formatQuantity(c.percent)}`);
  if (c.points) parts.push(`${sign}${formatQuantity(c.points)}`);
  if (parts.length === 0 && c.baseline)
    parts.push(`${c.direction === "increase" ? "up" : "down"} from ${formatQuantity(c.baseline.quantity)}`);
  return parts.join(", ");
}

/**
 * Observations of headline indicators (catalogue `headline: true`), actual figures first; baselines
 * (last year's figures quoted for comparison) show in the change column instead.
 */
export function headlines(report: Report): Observation[] {
  const rank = { actual: 0, target: 1, plan: 2, baseline: 3 } as const;
  return report.observations
    .filter((o) => o.role !== "baseline" && findIndicator(o.indicator, report.indicators)?.headline === true)
    .sort((a, b) => rank[a.role] - rank[b.role]);
}

function listReports(reports: readonly Report[], ctx: Context, json: boolean): void {
  if (json) {
    const rows = reports.map((r) => ({
      id: r.id,
      title: r.title,
      jurisdiction: r.jurisdiction.name,
      level: r.jurisdiction.level,
      period: r.period,
      observations: r.observations.length,
    }));
    ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const rows = reports.map((r) => [
    r.id,
    `${r.jurisdiction.name.zh} (${r.jurisdiction.level})`,
    periodLabel(r.period, ctx.lang),
    String(r.observations.length),
    r.title[ctx.lang],
  ]);
  ctx.stdout.write(
    `${table(
      [
        { header: "id" },
        { header: "jurisdiction" },
        { header: "period" },
        { header: "figures", align: "right" },
        { header: "title" },
      ],
      rows,
    )}\n`,
  );
}

function showReport(report: Report, checks: CheckResult, ctx: Context, json: boolean): void {
  const heads = headlines(report);
  if (json) {
    ctx.stdout.write(
      `${JSON.stringify({ id: report.id, title: report.title, jurisdiction: report.jurisdiction, period: report.period, delivered: report.delivered, observations: report.observations.length, relations: report.relations.length, headlines: heads, checks: checks.summary, valid: checks.valid }, null, 2)}\n`,
    );
    return;
  }
  const c = ctx.out;
  const lang = ctx.lang;
  const place = [...report.jurisdiction.parents.map((p) => p.name[lang]), report.jurisdiction.name[lang]].join(" › ");
  const lines = [
    c.bold(report.title[lang]),
    `${lang === "zh" ? report.title.en : report.title.zh}`,
    "",
    table(
      [{ header: "" }, { header: "" }],
      [
        ["id", report.id],
        ["jurisdiction", `${place} (${report.jurisdiction.level})`],
        ["period", `${periodLabel(report.period, lang)} (${report.period})`],
        ...(report.delivered ? [["delivered", report.delivered]] : []),
        ...(report.speaker
          ? [["speaker", report.speaker.zh + (report.speaker.en ? ` (${report.speaker.en})` : "")]]
          : []),
        ["figures", `${report.observations.length} observations, ${report.relations.length} relations`],
      ],
    )
      .split("\n")
      .slice(1)
      .join("\n"),
    "",
    c.bold(`Headline indicators (${heads.length})`),
  ];
  if (heads.length > 0) {
    const rows = heads.map((o) => {
      const ind = findIndicator(o.indicator, report.indicators);
      return [
        ind?.name[lang] ?? o.indicator,
        formatQuantity(o.quantity),
        periodLabel(o.period, lang),
        o.role,
        comparisonLabel(o),
      ];
    });
    lines.push(
      table(
        [
          { header: "indicator" },
          { header: "value", align: "right" },
          { header: "period" },
          { header: "role" },
          { header: "change" },
        ],
        rows,
      ),
    );
  }
  const s = checks.summary;
  lines.push(
    "",
    `${c.bold("Checks:")} ${checks.valid ? c.green("valid") : c.red("invalid")}; ${s.error} errors, ${s.warning} warnings, ${s.info} info, ${s.acknowledged} acknowledged (details: govreport validate)`,
  );
  ctx.stdout.write(`${lines.join("\n")}\n`);
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const data = await import("@govreport/data");
  const id = args.positionals[0];
  const json = args.options.json === true;
  if (id === undefined) {
    listReports(data.reports, ctx, json);
    return EXIT.ok;
  }
  const report = data.getReport(id);
  if (!report) throw new CliError(`no shipped report has the id "${id}" (shipped: ${data.reportIds.join(", ")})`);
  const sourceText = data.getSourceText(id);
  const checks = checkReport(report, sourceText === undefined ? {} : { sourceText });
  showReport(report, checks, ctx, json);
  return EXIT.ok;
}
