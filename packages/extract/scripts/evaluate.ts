/**
 * Scores the extractor against the curated Zhangjiang data (in-sample: the rules were written
 * reading it) and against hand-annotated held-out reports (test/heldout/*.truth.json, scored on the
 * shared texts), then runs it on every shared report: `pnpm --filter @govreport/extract evaluate`.
 * Exit codes: 0 ok, 2 data missing or invalid (the message names the file and the cause).
 */
import { readFileSync } from "node:fs";
import { checkReport, parseReport } from "@govreport/schema";
import { extractReport } from "../src/index.js";
import {
  describeRelation,
  evaluate,
  evaluateRelations,
  formatEvaluation,
  formatRelationEvaluation,
  truthFigures,
} from "./evaluation.js";
import { heldoutFigures, heldoutSource, heldoutTruthFiles, loadHeldoutTruth } from "./heldout.js";
import { HELDOUT, loadTruth, SHARED_REPORTS, sharedReportPaths, ZHANGJIANG } from "./paths.js";

function main(): number {
  let truth: ReturnType<typeof loadTruth>;
  try {
    truth = loadTruth(ZHANGJIANG.report);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const source = readFileSync(ZHANGJIANG.source, "utf8");
  const extraction = extractReport(source, { id: "zhangjiang-2023-h1", sourceFile: "source.txt" });
  const ev = evaluate(truthFigures(truth, source), extraction.quantities);
  process.stdout.write(`Zhangjiang 2023 H1, in-sample (${ZHANGJIANG.report})\n${formatEvaluation(ev, source)}\n\n`);
  const rel = evaluateRelations(truth, extraction.report, ev);
  process.stdout.write(`${formatRelationEvaluation(rel, truth, extraction.report)}\n\n`);

  for (const file of heldoutTruthFiles(HELDOUT)) {
    let text: string;
    let figures: ReturnType<typeof heldoutFigures>;
    try {
      const t = loadHeldoutTruth(file);
      text = heldoutSource(t, SHARED_REPORTS);
      figures = heldoutFigures(t, text);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    const held = evaluate(figures, extractReport(text).quantities);
    // Every miss and false positive is printed: these lists are what the held-out score is for.
    process.stdout.write(`Held-out, hand-annotated (${file})\n${formatEvaluation(held, text, 1000)}\n\n`);
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
  return 0;
}

process.exitCode = main();
