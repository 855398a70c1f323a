import { ReportSchema } from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { writeOutput } from "../io/write.js";

/** The report JSON Schema, generated from the zod schema that `validate` uses, so the two cannot drift. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = ReportSchema.toJSONSchema({ io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: "https://github.com/govreport/govreport/report.schema.json",
    title: "govreport report",
    ...schema,
  };
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
  const out = args.options.out as string | undefined;
  if (out === undefined) ctx.stdout.write(text);
  else {
    await writeOutput(out, text, { force: args.options.force === true, cwd: ctx.cwd });
    ctx.stderr.write(`govreport: wrote ${out}\n`);
  }
  return EXIT.ok;
}
