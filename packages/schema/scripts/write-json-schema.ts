/** Writes dist/report.schema.json (run by `build`, after tsup has emptied dist). */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reportJsonSchema } from "./json-schema.js";

const target = fileURLToPath(new URL("../dist/report.schema.json", import.meta.url));
mkdirSync(fileURLToPath(new URL("../dist/", import.meta.url)), { recursive: true });
const temp = `${target}.${process.pid}.tmp`;
writeFileSync(temp, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
renameSync(temp, target);
console.log(`wrote ${target}`);
