/**
 * The command names the launcher gives a code cache of their own (what each compiles differs). A
 * plain list, so the launcher need not load the registry; registry.test.ts keeps it in step.
 */
export const CACHED_COMMANDS: readonly string[] = ["validate", "check", "extract", "export", "schema", "show", "diff"];
