import type { LoadedReport } from "../model/loaded.js";
import { buildSeries, type SeriesModel } from "../model/series.js";
import { type InputFile, type LoadMessage, loadFiles } from "./load-files.js";
import { fileKind } from "./parse-file.js";

/** Several reports dropped at once: two texts or more, or two report files or more. */
export function isSeries(files: readonly { name: string }[]): boolean {
  const kinds = files.map((f) => fileKind(f.name));
  return kinds.filter((k) => k === "text").length > 1 || kinds.filter((k) => k === "report").length > 1;
}

const stem = (name: string) => name.replace(/\.[^.]+$/, "").toLowerCase();

/**
 * The reports of a series, one load per report: a report file with the text of the same name
 * (hebei_2024.yaml + hebei_2024.txt) as its source, any other text extracted into a draft.
 */
export function seriesGroups(files: readonly InputFile[]): InputFile[][] {
  const reports = files.filter((f) => fileKind(f.name) === "report");
  const used = new Set<InputFile>();
  const groups: InputFile[][] = [];
  for (const r of reports) {
    const text = files.find((f) => fileKind(f.name) === "text" && !used.has(f) && stem(f.name) === stem(r.name));
    if (text) used.add(text);
    groups.push(text ? [r, text] : [r]);
  }
  for (const f of files) if (fileKind(f.name) !== "report" && !used.has(f)) groups.push([f]);
  return groups;
}

/** What the loading worker is asked: a single load (a report, or a report with its text), or a series. */
export type WorkerRequest = InputFile[] | { series: InputFile[] };

export interface SeriesOutcome {
  loaded: LoadedReport[];
  model?: SeriesModel;
  messages: LoadMessage[];
}

/**
 * Loads every report of a series (each as a single drop would be loaded, so a bad file is
 * reported and the others still load), then builds its time series and targets against results.
 */
export async function loadSeries(
  files: readonly InputFile[],
  onProgress: (done: number, total: number, file: string) => void = () => {},
): Promise<SeriesOutcome> {
  const groups = seriesGroups(files);
  const loaded: LoadedReport[] = [];
  const messages: LoadMessage[] = [];
  for (const [i, group] of groups.entries()) {
    onProgress(i, groups.length, group.map((f) => f.name).join(" + "));
    const outcome = await loadFiles(group);
    messages.push(...outcome.messages);
    if (outcome.loaded) loaded.push(outcome.loaded);
  }
  onProgress(groups.length, groups.length, "");
  return { loaded, messages, ...(loaded.length > 0 ? { model: buildSeries(loaded) } : {}) };
}
