import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError } from "../errors.js";

export async function run(_args: ParsedArgs, _ctx: Context): Promise<number> {
  throw new CliError(
    "govreport show is not available yet: it needs @govreport/data, which is not built in this version",
  );
}
