/** Writes docs/extract-codes.md (`pnpm --filter @govreport/extract docs`). */
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderCodesReference } from "./codes-reference.js";

const path = fileURLToPath(new URL("../../../docs/extract-codes.md", import.meta.url));
const temp = `${path}.${process.pid}.tmp`;
writeFileSync(temp, renderCodesReference());
renameSync(temp, path);
console.log(`wrote ${path}`);
