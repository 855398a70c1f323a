/**
 * Scores the extractor against the curated Zhangjiang data (in-sample: the rules were written
 * reading it) and against the hand-annotated shared reports (test/heldout/*.truth.json), each on
 * its clean text and on layout variants of it (hard-wrapped, joined, CRLF with full-width digits),
 * then runs it on every shared report, and ends with the table of scores:
 * `pnpm --filter @govreport/extract evaluate [--limit N]` (N: entries per printed list, default 10).
 * Without the shared texts it prints one line and scores Zhangjiang only; with
 * GOVREPORT_REQUIRE_SHARED=1 their absence is an error.
 * Exit codes: 0 ok, 2 data missing or invalid (the message names the file and the cause).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkReport, parseReport } from "@govreport/schema";
import { haveShared, SHARED_TEXTS } from "../../../scripts/shared-texts.mjs";
import { extractReport } from "../src/index.js";
import {
  describeRelation,
  evaluateRelations,
  formatEvaluation,
  formatRelationEvaluation,
  truthFigures,
} from "./evaluation.js";
import { formatStageTable } from "./evaluation-stages.js";
import { formatTable, type Scored, scoreLayouts } from "./evaluation-table.js";
import { heldoutFigures, heldoutSource, heldoutTruthFiles, loadHeldoutTruth } from "./heldout.js";
import { HELDOUT, loadTruth, SHARED_REPORTS, sharedReportPaths, ZHANGJIANG } from "./paths.js";

function main(): number {
  let limit = 10;
  try {
    const { values } = parseArgs({ options: { limit: { type: "string" } } });
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new Error(`--limit: expected a count, found ${values.limit}`);
    }
  } catch (e) {
    process.stderr.write(`evaluate: ${(e as Error).message}\n`);
    return 2;
  }
  let truth: ReturnType<typeof loadTruth>;
  try {
    truth = loadTruth(ZHANGJIANG.report);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const source = readFileSync(ZHANGJIANG.source, "utf8");
  const rows: Scored[] = [];
  const zj = scoreLayouts("zhangjiang-2023-h1", "curated, in-sample", source, truthFigures(truth, source));
  rows.push(...zj);
  const clean = zj[0];
  if (!clean) return 2;
  process.stdout.write(
    `Zhangjiang 2023 H1, in-sample (${ZHANGJIANG.report})\n${formatEvaluation(clean.ev, source)}\n\n`,
  );
  const rel = evaluateRelations(truth, clean.extraction.report, clean.ev);
  process.stdout.write(`${formatRelationEvaluation(rel, truth, clean.extraction.report)}\n\n`);

  const files = heldoutTruthFiles(HELDOUT);
  const truths = files.map((file) => {
    try {
      return { file, truth: loadHeldoutTruth(file) };
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return undefined;
    }
  });
  if (truths.some((t) => t === undefined)) return 2;
  const names = truths.map((t) => t?.truth.header.file ?? "");
  let have: boolean;
  try {
    have = haveShared("extraction quality on the hand-annotated shared texts", [
      ...new Set([...names, ...SHARED_TEXTS]),
    ]);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (!have) {
    process.stdout.write(`${formatTable(rows)}\n`);
    return 0;
  }

  for (const t of truths) {
    if (!t) continue;
    let text: string;
    let figures: ReturnType<typeof heldoutFigures>;
    try {
      text = heldoutSource(t.truth, SHARED_REPORTS);
      figures = heldoutFigures(t.truth, text);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    const name = t.truth.header.file.replace(/\.txt$/, "");
    const scored = scoreLayouts(name, t.truth.header.use ?? "annotated", text, figures);
    rows.push(...scored);
    const [c, ...variants] = scored;
    if (!c) continue;
    process.stdout.write(`${name}, hand-annotated, ${c.use} (${t.file})\n${formatEvaluation(c.ev, text, limit)}\n`);
    // In a variant, what differs from the clean run is what the layout broke.
    for (const v of variants)
      process.stdout.write(
        `  ${v.layout}: ${v.ev.misses.length} misses, ${v.ev.falsePositives.length} false positives, value wrong on ${v.ev.wrong.value.length}${
          v.ev.wrong.value.length
            ? ` (${v.ev.wrong.value
                .slice(0, 5)
                .map((p) => `${p.truth.printed}→${p.extracted.printed.replace(/\s/g, "⏎")}`)
                .join(", ")})`
            : ""
        }, role wrong on ${v.ev.wrong.role.length}\n`,
      );
    process.stdout.write("\n");
  }
  process.stdout.write(`Shared reports (${SHARED_REPORTS}):\n`);
  for (const file of sharedReportPaths()) {
    const text = readFileSync(file, "utf8");
    const r = extractReport(text);
    const parsed = parseReport(r.report);
    if (!parsed.success) {
      const i = parsed.issues[0];
      process.stdout.write(`  ${file.split("/").pop()}: does NOT validate: ${i?.path}: ${i?.message}\n`);
      continue;
    }
    const c = checkReport(parsed.report, { sourceText: text });
    process.stdout.write(
      `  ${file.split("/").pop()}: ${r.quantities.length} figures, ${r.report.observations.length} observations, ${r.report.relations.length} relations; validates; checks: ${c.summary.error} error(s), ${c.summary.warning} warning(s)\n`,
    );
    // Every proposed relation, with what the checks make of it: these are for reading by hand.
    for (const x of r.report.relations) {
      const found = c.findings.filter((f) => f.relation === x.id).map((f) => `${f.severity} ${f.code}`);
      process.stdout.write(`    ${describeRelation(x, r.report)}  → ${found.join(", ") || "holds"}\n`);
    }
  }
  // What each stage adds, on the clean texts (held-out apart), then the table last, where a reader
  // of the test command's output looks first.
  for (const [label, use] of [
    ["development", "development"],
    ["held-out", "held-out"],
  ] as const) {
    const perReport = rows.filter((r) => r.use === use && r.stages).map((r) => r.stages ?? []);
    if (perReport.length) process.stdout.write(`\n${formatStageTable(label, perReport)}\n`);
  }
  process.stdout.write(`\n${formatTable(rows)}\n`);
  return 0;
}

process.exitCode = main();
