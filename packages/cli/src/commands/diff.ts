import {
  commensurable,
  comparePeriods,
  convert,
  findIndicator,
  formatQuantity,
  type Observation,
  periodLabel,
  type Report,
} from "@govreport/schema";
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { escapeStrings } from "../format/escape.js";
import { table } from "../format/width.js";
import { resolveReport } from "../report-source.js";

export interface Side {
  observation: string;
  value: string;
  period: string;
  role: Observation["role"];
}

export interface DiffRow {
  indicator: string;
  name: { zh: string; en: string };
  a: Side;
  b: Side;
  /** b − a in a's unit, when the units are commensurable. */
  change?: { value: number; unit: string; percent?: number };
  /** Why no change is given. */
  note?: string;
}

export interface DiffResult {
  a: string;
  b: string;
  both: DiffRow[];
  onlyA: { indicator: string; name: { zh: string; en: string }; value: string; period: string }[];
  onlyB: { indicator: string; name: { zh: string; en: string }; value: string; period: string }[];
}

/** The figure that stands for an indicator in a report: an actual one if any, for the latest period. */
export function representative(obs: readonly Observation[]): Observation | undefined {
  const actual = obs.filter((o) => o.role === "actual");
  const pool = actual.length > 0 ? actual : [...obs];
  return pool.reduce<Observation | undefined>(
    (best, o) => (best === undefined || comparePeriods(o.period, best.period) > 0 ? o : best),
    undefined,
  );
}

function byIndicator(r: Report): Map<string, Observation> {
  const groups = new Map<string, Observation[]>();
  for (const o of r.observations) groups.set(o.indicator, [...(groups.get(o.indicator) ?? []), o]);
  const out = new Map<string, Observation>();
  for (const [k, v] of groups) {
    const o = representative(v);
    if (o) out.set(k, o);
  }
  return out;
}

const side = (o: Observation): Side => ({
  observation: o.id,
  value: formatQuantity(o.quantity),
  period: o.period,
  role: o.role,
});

const round = (x: number) => Number(x.toPrecision(12));

export function diffReports(a: Report, b: Report, nameA: string, nameB: string): DiffResult {
  const ma = byIndicator(a);
  const mb = byIndicator(b);
  const nameOf = (id: string) =>
    (findIndicator(id, a.indicators) ?? findIndicator(id, b.indicators))?.name ?? { zh: id, en: id };
  const result: DiffResult = { a: nameA, b: nameB, both: [], onlyA: [], onlyB: [] };
  for (const [id, oa] of ma) {
    const ob = mb.get(id);
    if (!ob) {
      result.onlyA.push({ indicator: id, name: nameOf(id), value: formatQuantity(oa.quantity), period: oa.period });
      continue;
    }
    const row: DiffRow = { indicator: id, name: nameOf(id), a: side(oa), b: side(ob) };
    const declared = [...a.units, ...b.units];
    if (oa.quantity.max !== undefined || ob.quantity.max !== undefined) row.note = "a range: no single change";
    else if (!commensurable(oa.quantity.unit, ob.quantity.unit, declared))
      row.note = `units ${oa.quantity.unit || "(number)"} and ${ob.quantity.unit || "(number)"} are not commensurable`;
    else {
      const unit = oa.quantity.unit;
      const bv = convert(ob.quantity.value, ob.quantity.unit, unit, declared);
      const change: NonNullable<DiffRow["change"]> = { value: round(bv - oa.quantity.value), unit };
      if (oa.quantity.value !== 0)
        change.percent = round(((bv - oa.quantity.value) / Math.abs(oa.quantity.value)) * 100);
      row.change = change;
      if (oa.quantity.qualifier !== "exact" || ob.quantity.qualifier !== "exact")
        row.note = "approximate: a figure is qualified (余, 近, 约, 以上…)";
    }
    result.both.push(row);
  }
  for (const [id, ob] of mb)
    if (!ma.has(id))
      result.onlyB.push({ indicator: id, name: nameOf(id), value: formatQuantity(ob.quantity), period: ob.period });
  return result;
}

function formatChange(r: DiffRow): string {
  if (!r.change) return "";
  const c = r.change;
  const sign = c.value > 0 ? "+" : c.value < 0 ? "−" : "±";
  const pct =
    c.percent === undefined
      ? ""
      : ` (${c.percent > 0 ? "+" : c.percent < 0 ? "−" : "±"}${Math.abs(c.percent).toFixed(1)}%)`;
  return `${sign}${Math.abs(c.value)}${c.unit}${pct}`;
}

export function formatDiff(d: DiffResult, ctx: Context): string {
  const c = ctx.out;
  const lang = ctx.lang;
  const label = (p: string) => periodLabel(p, lang);
  const out: string[] = [c.bold(`In both (${d.both.length})`)];
  if (d.both.length > 0)
    out.push(
      table(
        [
          { header: "indicator" },
          { header: `a: ${d.a}`, align: "right" },
          { header: "period a" },
          { header: `b: ${d.b}`, align: "right" },
          { header: "period b" },
          { header: "change b − a" },
        ],
        d.both.map((r) => [
          r.name[lang],
          r.a.value,
          label(r.a.period),
          r.b.value,
          label(r.b.period),
          `${formatChange(r)}${r.note ? c.dim(` ${r.change ? "~ " : ""}${r.note}`) : ""}`,
        ]),
      ),
    );
  for (const [title, rows] of [
    [`Only in a: ${d.a}`, d.onlyA],
    [`Only in b: ${d.b}`, d.onlyB],
  ] as const) {
    out.push("", c.bold(`${title} (${rows.length})`));
    if (rows.length > 0)
      out.push(
        table(
          [{ header: "indicator" }, { header: "value", align: "right" }, { header: "period" }],
          rows.map((r) => [r.name[lang], r.value, label(r.period)]),
        ),
      );
  }
  return `${out.join("\n")}\n`;
}

export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const [argA, argB] = args.positionals as [string, string];
  const a = await resolveReport(argA, ctx);
  const b = await resolveReport(argB, ctx);
  const d = diffReports(a.report, b.report, a.name, b.name);
  if (args.options.json) ctx.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
  else ctx.stdout.write(formatDiff(escapeStrings(d), ctx));
  return EXIT.ok;
}
