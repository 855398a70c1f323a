import type { Relation } from "@govreport/schema";
import { proposeCountedLists } from "../relations/counted.js";
import { proposeLists, type WordsAt } from "../relations/lists.js";
import { proposeRelations } from "../relations.js";
import { originalSlice } from "../text.js";
import { type Figure, isBase, type Reading } from "./figure.js";
import { quantityOf } from "./observations.js";

/**
 * Stage `relations`: the relations the text states between observations (relations.ts and
 * relations/: parts of a whole, growth, averages, per-capita figures, products, remainders), and
 * the numbered and counted lists it prints (relations/lists.ts, relations/counted.ts).
 */
export function relate(figures: Figure[], { laid, structure }: Reading): Relation[] {
  const { s, p } = laid;
  const { modeAt } = structure;
  const relations = proposeRelations(
    s,
    figures.map((f) => ({
      id: f.kind === "observation" || f.kind === "baseline" ? f.id : undefined,
      start: f.q.start,
      end: f.q.end,
      quantity: quantityOf(f.q),
      subject: f.subject,
      role: f.role,
      period: f.period,
      indicator: f.chosen?.indicator ?? "",
      mode: modeAt(f.anchor ?? f.q.start),
      base: isBase(s, f.q),
    })),
  );
  // Numbered and counted lists are about words, not figures: their words as printed, from the original.
  const wordsAt: WordsAt = (start, end, quoteStart, quoteEnd) => ({
    printed: originalSlice(p, start, end),
    quote: originalSlice(p, quoteStart, quoteEnd),
    offset: p.cp[quoteStart] ?? 0,
  });
  relations.push(...proposeLists(s, wordsAt), ...proposeCountedLists(s, wordsAt));
  return relations;
}
