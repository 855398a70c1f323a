import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { writeOutput } from "../io/write.js";

/**
 * The text of `@govreport/schema/report.schema.json`, put in at build time (tsup.config.ts): the
 * command prints the shipped file's bytes rather than generating a second, different schema.
 */
declare const __GOVREPORT_REPORT_SCHEMA__: string;

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const text = __GOVREPORT_REPORT_SCHEMA__;
  const out = args.options.out as string | undefined;
  if (out === undefined) ctx.stdout.write(text);
  else {
    await writeOutput(out, text, { force: args.options.force === true, cwd: ctx.cwd });
    ctx.stderr.write(`govreport: wrote ${out}\n`);
  }
  return EXIT.ok;
}
