import { type IndexedSection, indexSections, type SectionMode, sectionLookup } from "../sections.js";
import type { Laid } from "./layout.js";

/** What the sections stage hands on: the headings found and lookups over them. */
export interface Structure {
  sections: IndexedSection[];
  /** The sections enclosing a scan index, outermost first. */
  sectionsAt: (index: number) => IndexedSection[];
  /** The mode (review, plan, glossary) of the innermost section at a scan index; review outside any. */
  modeAt: (index: number) => SectionMode;
}

/** Stage `sections`: the scan text → its parts, chapters, sections and glossary, each a review or a plan (sections.ts). */
export function readSections(laid: Laid): Structure {
  const sections = indexSections(laid.p);
  const sectionsAt = sectionLookup(sections);
  const modeAt = (i: number): SectionMode => {
    const secs = sectionsAt(i);
    return secs[secs.length - 1]?.mode ?? "review";
  };
  return { sections, sectionsAt, modeAt };
}
