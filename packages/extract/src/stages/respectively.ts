import { figureRuns, jointSubject, respectiveSubjects } from "../respectively.js";
import type { Figure, Reading } from "./figure.js";

/**
 * Stage `respectively`: lists that share out their figures (respectively.ts). A、B分别增长5%、6% gives
 * each figure its item; A、B均增长10% gives the one figure both. Revises `subject`.
 */
export function shareOut(figures: Figure[], { laid }: Reading): Figure[] {
  const { s } = laid;
  const spans = figures.map((f) => f.q);
  for (const [from, to] of figureRuns(s, spans)) {
    const run = figures.slice(from, to);
    if (run.some((f) => f.kind !== "observation")) continue;
    const subjects = respectiveSubjects(s, spans.slice(from, to));
    if (subjects) for (const [k, f] of run.entries()) f.subject = subjects[k] ?? f.subject;
  }
  for (const f of figures) {
    if (f.kind !== "observation") continue;
    const joint = jointSubject(s, f.q);
    if (joint) f.subject = joint;
  }
  return figures;
}
