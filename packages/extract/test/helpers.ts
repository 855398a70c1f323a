import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sharedReports } from "../../../vitest.shared.js";

export const zhangjiangSource = fileURLToPath(
  new URL("../../data/reports/zhangjiang-2023-h1/source.txt", import.meta.url),
);

/** The four real texts: the project's own report and the three shared ones (read in place, never copied). */
export function realTexts(): { name: string; text: string }[] {
  const shared = readdirSync(sharedReports)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(`${sharedReports}${f}`, "utf8") }));
  // Fewer texts would let every test over them pass on less than it claims to cover.
  if (shared.length < 3)
    throw new Error(`expected the three shared reports in ${sharedReports}, found ${shared.length}`);
  return [{ name: "zhangjiang-2023-h1", text: readFileSync(zhangjiangSource, "utf8") }, ...shared];
}
