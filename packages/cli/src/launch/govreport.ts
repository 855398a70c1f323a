/**
 * The `govreport` binary: a small CommonJS launcher that runs the bundled program (cli.cjs, built
 * from src/bin.ts) through V8's code cache. See code-cache.ts for why and how.
 */
import { join } from "node:path";
import { mark } from "../timing.js";
import { runBundle } from "./code-cache.js";
import { CACHED_COMMANDS } from "./commands.js";

mark("launcher started");
const timing = process.env.GOVREPORT_TIMING === "1";
const command = process.argv.slice(2).find((a) => CACHED_COMMANDS.includes(a)) ?? "other";

runBundle(join(__dirname, "cli.cjs"), {
  variant: command,
  onStatus: timing
    ? (status, detail) => process.stderr.write(`govreport code cache: ${status}: ${detail}\n`)
    : undefined,
});
