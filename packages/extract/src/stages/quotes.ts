import { type ExtractWarning, warn } from "../codes.js";
import { CLAUSE_WINDOW, clauseEndOf, clauseStartOf } from "../spans.js";
import { trimSpan } from "../text.js";
import type { Figure, Reading } from "./figure.js";

/**
 * Stage `quotes`: the verbatim quote of each figure, the clause that holds it, stretched over the
 * clauses of its comparison or its 从…到 baseline; the parts of a comparison share their
 * observation's. A clause cut at CLAUSE_WINDOW adds a warning. Sets `parts`, `quoteStart`, `quoteEnd`.
 */
export function quoteFigures(figures: Figure[], { laid }: Reading, warnings: ExtractWarning[]): Figure[] {
  const { p, s } = laid;
  let longClause: number | undefined;
  for (const g of figures) {
    if (!g.owner) continue;
    if (g.owner.parts) g.owner.parts.push(g);
    else g.owner.parts = [g];
  }
  for (const f of figures) {
    let first = f.q.start;
    let last = f.q.end;
    for (const g of f.parts ?? []) {
      first = Math.min(first, g.q.start);
      last = Math.max(last, g.q.end);
    }
    if (f.fromTo) {
      first = Math.min(first, f.fromTo.from.q.start);
      last = Math.max(last, f.fromTo.from.q.end);
    }
    const a0 = clauseStartOf(s, first);
    const b0 = clauseEndOf(s, Math.max(last, f.comparison?.end ?? 0));
    if (a0 === first - CLAUSE_WINDOW || b0 === Math.max(last, f.comparison?.end ?? 0) + CLAUSE_WINDOW)
      longClause ??= first;
    const [a, b] = trimSpan(s, a0, b0);
    f.quoteStart = a;
    f.quoteEnd = b;
  }
  if (longClause !== undefined)
    warn(
      warnings,
      "layout.long-clause",
      `a clause runs over ${CLAUSE_WINDOW} characters without punctuation (first at code point ${p.cp[longClause] ?? 0}): its quotes are cut there and the layout is doubtful`,
    );
  for (const f of figures) {
    if (f.kind !== "observation" && f.owner) {
      f.quoteStart = f.owner.quoteStart;
      f.quoteEnd = f.owner.quoteEnd;
    }
  }

  return figures;
}
