import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readShared } from "../../../vitest.shared-texts.js";

export const zhangjiangSource = fileURLToPath(
  new URL("../../data/reports/zhangjiang-2023-h1/source.txt", import.meta.url),
);

/** The project's own report, which the repository holds. */
export function zhangjiangText(): { name: string; text: string } {
  return { name: "zhangjiang-2023-h1", text: readFileSync(zhangjiangSource, "utf8") };
}

/** A shared text, read in place (never copied); call it only inside a describeShared block. */
export function sharedText(name: string): { name: string; text: string } {
  return { name, text: readShared(name) };
}
