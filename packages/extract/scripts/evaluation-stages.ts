/**
 * The evaluation stage by stage: the figures as the pipeline holds them after each figure stage
 * (figures, comparisons, subjects, respectively, roles, quotes, indicators), scored against the same
 * truth as the finished draft. What a stage adds is the difference from the row before it: recall
 * is settled by `figures`, role and period by `roles`, subject by `subjects` and `respectively`.
 */
import { type ExtractedQuantity, type ExtractResult, runPipeline } from "../src/extract.js";
import type { StageName } from "../src/stages/pipeline.js";
import { type Evaluation, evaluate, FIELDS, type TruthFigure } from "./evaluation.js";
import { pool } from "./evaluation-table.js";

export interface StageScore {
  stage: StageName;
  ev: Evaluation;
}

/** The text extracted once, with the truth scored after each figure stage (in pipeline order) and on the result. */
export function scoreStages(
  text: string,
  truth: readonly TruthFigure[],
): { extraction: ExtractResult; stages: StageScore[] } {
  const stages: StageScore[] = [];
  const extraction = runPipeline(text, {}, (stage, figures, { laid }) => {
    const cp = laid.p.cp;
    const quantities = figures.map(
      (f): ExtractedQuantity => ({
        value: f.q.value,
        ...(f.q.max !== undefined ? { max: f.q.max } : {}),
        unit: f.q.unit,
        decimals: f.q.decimals,
        qualifier: f.q.qualifier,
        printed: f.q.printed,
        start: cp[f.q.start] ?? 0,
        end: cp[f.q.end] ?? 0,
        kind: f.kind,
        observation: "",
        subject: f.subject,
        quote: "",
        offset: cp[f.quoteStart] ?? 0,
        section: f.sections.map((x) => x.heading),
        period: f.period,
        role: f.role,
        indicator: (f.kind === "observation" || f.kind === "baseline" ? f : f.owner)?.chosen?.indicator ?? "",
        suggestions: [],
      }),
    );
    stages.push({ stage, ev: evaluate(truth, quantities) });
  });
  return { extraction, stages };
}

const pct = (agree: number, of: number) => (of === 0 ? "–" : ((100 * agree) / of).toFixed(1));

/** One row per stage, pooled over the given reports' clean texts: recall and each field, as in the main table. */
export function formatStageTable(label: string, perReport: readonly StageScore[][]): string {
  const order = perReport[0]?.map((s) => s.stage) ?? [];
  const head = ["after stage", "recall", ...FIELDS.map((f) => f.slice(0, 9))];
  const body = order.map((stage) => {
    const t = pool(perReport.map((r) => r.find((s) => s.stage === stage)?.ev).filter((e) => e !== undefined));
    return [stage, pct(t.matched, t.truth), ...FIELDS.map((f) => pct(t.fields[f]?.agree ?? 0, t.fields[f]?.of ?? 0))];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [`Stage by stage, clean texts, ${label} (fields in % of matched figures)`, fmt(head), ...body.map(fmt)].join(
    "\n",
  );
}
