import type { Relation } from "@govreport/schema";
import { proposeRelations } from "../relations.js";
import { type Figure, isBase, type Reading } from "./figure.js";
import { quantityOf } from "./observations.js";

/**
 * Stage `relations`: the relations the text states between observations (relations.ts and
 * relations/: parts of a whole, growth, averages, per-capita figures, products, remainders).
 */
export function relate(figures: Figure[], { laid, structure }: Reading): Relation[] {
  const { s } = laid;
  const { modeAt } = structure;
  return proposeRelations(
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
}
