/** Writes docs/schema-reference.md (`pnpm --filter @govreport/schema run docs`). */
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderSchemaReference } from "./schema-reference.js";

export const REFERENCE_PATH = fileURLToPath(new URL("../../../docs/schema-reference.md", import.meta.url));

const temp = `${REFERENCE_PATH}.${process.pid}.tmp`;
writeFileSync(temp, renderSchemaReference());
renameSync(temp, REFERENCE_PATH);
console.log(`wrote ${REFERENCE_PATH}`);
