import { FINDING_CODES } from "../src/finding.js";
import { UNITS } from "../src/units.js";
import { reportJsonSchema } from "./json-schema.js";

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Refinements zod checks in code that the JSON Schema cannot state. A file that passes the
 * JSON Schema can still fail `parseReport` (and `govreport check`) for these reasons.
 */
export const ZOD_ONLY: readonly [string, string][] = [
  ["Period", "the date exists (2023-02-30 and 2023-02-29 are refused; 2024-02-29 is accepted)"],
  ["Period", "a range of months or years ends after it starts (2023-06/2023-01 and 2023/2021 are refused)"],
  ["Quantity", "`max`, when given, is above `value` (1-2个月 has value 1, max 2)"],
  ["Quantity", "`value` and `max` are finite (JSON has no Infinity or NaN, YAML does: .inf, .nan)"],
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const refName = (ref: string) => ref.replace("#/$defs/", "");

/** Renders docs/schema-reference.md from the JSON Schema and the unit registry. */
export function renderSchemaReference(): string {
  const schema = reportJsonSchema();
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const sections: { name: string; node: Json }[] = [];
  const queued = new Set<string>();
  const queue = (name: string, node: Json) => {
    if (queued.has(name)) return;
    queued.add(name);
    sections.push({ name, node });
  };

  function type(node: Json, owner: string, field: string): string {
    if (typeof node.$ref === "string") {
      const name = refName(node.$ref);
      return `[${name}](#${anchor(name)})`;
    }
    if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(", ")}`;
    if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
    if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf)) {
      const alts = (node.oneOf ?? node.anyOf) as Json[];
      return alts.map((a, i) => type(a, owner, `${field}${i}`)).join(" or ");
    }
    if (node.type === "array") {
      if (Array.isArray(node.prefixItems))
        return `[${node.prefixItems.map((p) => type(p as Json, owner, field)).join(", ")}]`;
      const inner = isObj(node.items) ? type(node.items, owner, field) : "anything";
      const min = typeof node.minItems === "number" ? ` (at least ${node.minItems})` : "";
      return `list of ${inner}${min}`;
    }
    if (node.type === "object") {
      const name = `${owner}.${field}`;
      queue(name, node);
      return `[object](#${anchor(name)})`;
    }
    const parts: string[] = [String(node.type ?? "any")];
    if (typeof node.format === "string") parts.push(`format ${node.format}`);
    else if (typeof node.pattern === "string") parts.push(`matching \`${node.pattern}\``);
    if (typeof node.minLength === "number" && node.minLength > 0) parts.push("not empty");
    if (typeof node.minimum === "number") parts.push(`≥ ${node.minimum}`);
    if (typeof node.exclusiveMinimum === "number") parts.push(`> ${node.exclusiveMinimum}`);
    if (typeof node.maximum === "number" && node.maximum < 2 ** 53 - 1) parts.push(`≤ ${node.maximum}`);
    return parts.join(", ");
  }

  function table(name: string, node: Json): string[] {
    const out: string[] = [`### ${name}`, ""];
    if (typeof node.description === "string") out.push(`${node.description}.`.replace(/\.\.$/, "."), "");
    if (node.type !== "object") {
      if (Array.isArray(node.oneOf)) {
        out.push("One of:", "");
        for (const alt of node.oneOf as Json[]) {
          const kind = (alt.properties as Record<string, Json> | undefined)?.kind?.const;
          const sub = `${name} (${String(kind)})`;
          queue(sub, alt);
          out.push(`- [${sub}](#${anchor(sub)})${alt.description ? `: ${alt.description}` : ""}`);
        }
      } else {
        out.push(`Type: ${type(node, name, "value")}.`);
      }
      return [...out, ""];
    }
    const props = (node.properties ?? {}) as Record<string, Json>;
    const required = new Set((node.required ?? []) as string[]);
    out.push("| Field | Type | Required | Description |", "|---|---|---|---|");
    for (const [field, p] of Object.entries(props)) {
      const refd = typeof p.$ref === "string" ? defs[refName(p.$ref)] : undefined;
      const description = (p.description ?? refd?.description ?? "") as string;
      const dflt = p.default !== undefined ? ` (default \`${JSON.stringify(p.default)}\`)` : "";
      out.push(
        `| \`${field}\` | ${cell(type(p, name, field))} | ${required.has(field) ? "yes" : `no${dflt}`} | ${cell(description)} |`,
      );
    }
    if (node.additionalProperties === false) out.push("", "No other fields are allowed.");
    return [...out, ""];
  }

  queue("Report", schema);
  for (const [name, node] of Object.entries(defs)) queue(name, node);
  const body: string[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s) body.push(...table(s.name, s.node));
  }

  const units = [...UNITS.values()].map(
    (u) =>
      `| \`${u.id === "" ? '""' : u.id}\` | ${u.zh} | ${u.en} | ${u.dimension} | ${u.base === "" ? '""' : u.base} | ${u.scale} |`,
  );
  const codes = Object.entries(FINDING_CODES).map(([code, severity]) => `| \`${code}\` | ${severity} |`);

  return [
    "# Report schema reference",
    "",
    "<!-- Generated by `pnpm --filter @govreport/schema run docs` from the zod schemas in packages/schema/src. Do not edit by hand. -->",
    "",
    `A report file (YAML or JSON) is checked by \`parseReport\` in \`@govreport/schema\`; the same structure ships as a JSON Schema, \`@govreport/schema/report.schema.json\` (\`$id\` ${schema.$id}). Fields marked "no" with a default may be left out; the parsed report has them. See [concepts](concepts.md) for what the fields mean.`,
    "",
    "## Objects",
    "",
    ...body,
    "## Checked by zod only",
    "",
    "These rules are checked by `parseReport` but cannot be stated in the JSON Schema, so an editor that validates against the JSON Schema will not flag them:",
    "",
    ...ZOD_ONLY.map(([where, what]) => `- **${where}**: ${what}.`),
    "",
    "## Units",
    "",
    'The unit registry (`UNITS`). A unit converts to its `base` by multiplying by `scale`; units with different bases are not comparable (户 and 人 are both counts). Counts also take a scale prefix — 万, 亿, 万亿, 千, 百万, 千万, 十万 (万人次 = 10 000 人次, 万 = 10 000 of a bare number) — and 大 ("major", 8大类 = 8 类). A report declares any other unit in its `units` list.',
    "",
    "| Unit | Chinese | English | Dimension | Base | Scale |",
    "|---|---|---|---|---|---|",
    ...units,
    "",
    "## Finding codes",
    "",
    "| Code | Severity |",
    "|---|---|",
    ...codes,
    "",
  ].join("\n");
}
