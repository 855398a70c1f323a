import type { z } from "zod";

/**
 * A string schema whose parsed output is typed `T` (a template literal, a union or a brand) rather than
 * `string`. What it checks and its JSON Schema stay those of `schema`, so `T` must claim no more than the
 * schema checks (or than a check elsewhere guarantees, as for declared units).
 *
 * @internal
 */
export function typedString<T extends string>(schema: z.ZodType<string, string>): z.ZodType<T, string> {
  return schema as unknown as z.ZodType<T, string>;
}
