/**
 * The proofreading figures: how many planted slips `check` catches (on texts read while writing the
 * rules, and on held-out ones), how many false alarms it raises on the unchanged shared texts and on
 * the consistent rewrites, and how many relations it checks in each text.
 * `pnpm --filter @govreport/extract proofreading`. Exit 0 when it ran (the figures are for reading);
 * 2 when the recipe file cannot be read.
 */

import { coverageLine } from "@govreport/schema";
import { haveShared, readShared, SHARED_TEXTS } from "../../../scripts/shared-texts.mjs";
import {
  loadSlips,
  loadVerified,
  type Proofread,
  proofread,
  runSlip,
  type Slip,
  type SlipResult,
  sortAlarms,
} from "./proofreading.js";

function main(): number {
  let slips: Slip[];
  try {
    slips = loadSlips();
  } catch (e) {
    process.stderr.write(`proofreading: test/planted-slips.json: ${(e as Error).message}\n`);
    return 2;
  }
  if (!haveShared("proofreading figures", SHARED_TEXTS)) return 0;
  const texts = new Map<string, { text: string; base: Proofread }>();
  for (const name of SHARED_TEXTS) {
    const text = readShared(name);
    texts.set(name, { text, base: proofread(text) });
  }
  const results: SlipResult[] = slips.map((s) => {
    const t = texts.get(s.text);
    if (!t) return { slip: s, error: "no such shared text", line: 0, caught: false, flags: [], fixedAlarms: [] };
    return runSlip(s, t.text, t.base);
  });
  const out: string[] = ["Proofreading: planted slips caught by check (flagged on the slip's line)"];
  const rate = (rs: SlipResult[]) => {
    const n = rs.filter((r) => r.caught).length;
    return `${n}/${rs.length} (${rs.length ? ((100 * n) / rs.length).toFixed(1) : "0.0"}%)`;
  };
  for (const split of ["tuning", "held-out"] as const) {
    const rs = results.filter((r) => r.slip.split === split);
    out.push(`  ${split.padEnd(9)} ${rate(rs)}  in ${[...new Set(rs.map((r) => r.slip.text))].join(", ")}`);
  }
  out.push(`  all       ${rate(results)}`);
  const kinds = [...new Set(slips.map((s) => s.kind))];
  out.push(
    `  by kind:  ${kinds.map((k) => `${k} ${results.filter((r) => r.slip.kind === k && r.caught).length}/${results.filter((r) => r.slip.kind === k).length}`).join(", ")}`,
  );
  for (const r of results.filter((x) => !x.caught))
    out.push(
      `  missed:   ${r.slip.text} (${r.slip.split}) ${r.slip.kind}: ${r.slip.slip}${r.error ? ` [${r.error}]` : ""}`,
    );
  const verified = loadVerified();
  const sorted = [...texts].map(([name, t]) => ({ name, ...sortAlarms(name, t.text, t.base.flags, verified) }));
  const unchanged = sorted.flatMap((x) => x.falseAlarms.map((f) => `${x.name}: ${f.message}`));
  const real = sorted.flatMap((x) => x.real.map((f) => `${x.name}:${f.lines.join(",")}: ${f.message}`));
  const rewrites = results.flatMap((r) => r.fixedAlarms.map((f) => `${r.slip.text}: ${r.slip.fixed}: ${f.message}`));
  out.push(`False alarms on the ${texts.size} unchanged texts: ${unchanged.length}`);
  for (const a of unchanged) out.push(`  ${a}`);
  out.push(`Real inconsistencies of the unchanged texts, verified by hand (test/planted-slips.json): ${real.length}`);
  for (const a of real) out.push(`  ${a}`);
  out.push(
    `False alarms on the ${results.filter((r) => r.slip.fixed !== undefined).length} consistent rewrites: ${rewrites.length}`,
  );
  for (const a of rewrites) out.push(`  ${a}`);
  out.push("Relations checked in each unchanged text:");
  for (const [name, t] of texts) out.push(`  ${name.padEnd(26)} ${coverageLine(t.base.coverage)}`);
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

process.exitCode = main();
