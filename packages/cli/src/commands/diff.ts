import {
  commensurable,
  comparePeriods,
  convert,
  findIndicator,
  formatQuantity,
  type Observation,
  parsePeriod,
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
  /** year, half, quarter, month, n months, date, n years. */
  granularity: string;
}

export interface DiffRow {
  indicator: string;
  name: { zh: string; en: string };
  a: Side;
  b: Side;
  /** b − a in a's unit, when the units are commensurable. */
  change?: { value: number; unit: string; percent?: number };
  /** Whether a and b are like with like: the same role and period granularity. */
  comparable: boolean;
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
  return latest(pool);
}

function latest(obs: readonly Observation[]): Observation | undefined {
  return obs.reduce<Observation | undefined>(
    (best, o) => (best === undefined || comparePeriods(o.period, best.period) > 0 ? o : best),
    undefined,
  );
}

/**
 * How long a period is, as a comparable kind: a year, a half, a quarter, a month, n months, a date,
 * n years. A five-year total (2016/2020) is not comparable with a year, nor a half with a year.
 */
export function granularity(period: string): string {
  const p = parsePeriod(period);
  if (p.kind === "years") return `${p.to - p.from + 1} years`;
  if (p.kind === "months") return `${(p.to.year - p.from.year) * 12 + p.to.month - p.from.month + 1} months`;
  return p.kind;
}

const ROLE_RANK: Record<Observation["role"], number> = { actual: 0, target: 1, baseline: 2, plan: 3 };
const GRAIN_RANK = ["year", "half", "quarter", "month"];

/** Like with like: the same role and period granularity; actual figures and whole years first. */
export function comparablePair(
  a: readonly Observation[],
  b: readonly Observation[],
): [Observation, Observation] | undefined {
  const key = (o: Observation) => `${o.role}|${granularity(o.period)}`;
  const inB = new Set(b.map(key));
  const keys = [...new Set(a.map(key))].filter((k) => inB.has(k));
  const rank = (k: string) => {
    const [role, grain] = k.split("|") as [Observation["role"], string];
    const g = GRAIN_RANK.indexOf(grain);
    return ROLE_RANK[role] * 100 + (g < 0 ? 50 : g);
  };
  const best = keys.sort((x, y) => rank(x) - rank(y))[0];
  if (best === undefined) return undefined;
  const oa = latest(a.filter((o) => key(o) === best));
  const ob = latest(b.filter((o) => key(o) === best));
  return oa && ob ? [oa, ob] : undefined;
}

function byIndicator(r: Report): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const o of r.observations) groups.set(o.indicator, [...(groups.get(o.indicator) ?? []), o]);
  return groups;
}

const side = (o: Observation): Side => ({
  observation: o.id,
  value: formatQuantity(o.quantity),
  period: o.period,
  role: o.role,
  granularity: granularity(o.period),
});

const round = (x: number) => Number(x.toPrecision(12));

export function diffReports(a: Report, b: Report, nameA: string, nameB: string): DiffResult {
  const ma = byIndicator(a);
  const mb = byIndicator(b);
  const nameOf = (id: string) =>
    (findIndicator(id, a.indicators) ?? findIndicator(id, b.indicators))?.name ?? { zh: id, en: id };
  const result: DiffResult = { a: nameA, b: nameB, both: [], onlyA: [], onlyB: [] };
  for (const [id, obsA] of ma) {
    const obsB = mb.get(id);
    const ra = representative(obsA) as Observation;
    if (!obsB) {
      result.onlyA.push({ indicator: id, name: nameOf(id), value: formatQuantity(ra.quantity), period: ra.period });
      continue;
    }
    const pair = comparablePair(obsA, obsB);
    if (!pair) {
      const rb = representative(obsB) as Observation;
      const what = (xs: readonly Observation[]) =>
        [...new Set(xs.map((o) => `${o.role} ${granularity(o.period)}`))].join(", ");
      result.both.push({
        indicator: id,
        name: nameOf(id),
        a: side(ra),
        b: side(rb),
        comparable: false,
        note: `nothing comparable: a has ${what(obsA)}; b has ${what(obsB)}`,
      });
      continue;
    }
    const [oa, ob] = pair;
    const row: DiffRow = { indicator: id, name: nameOf(id), a: side(oa), b: side(ob), comparable: true };
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
  for (const [id, obsB] of mb) {
    const ob = representative(obsB) as Observation;
    if (!ma.has(id))
      result.onlyB.push({ indicator: id, name: nameOf(id), value: formatQuantity(ob.quantity), period: ob.period });
  }
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
  if (d.both.length > 0 && d.both.every((r) => !r.comparable))
    out.push(
      c.yellow("Nothing comparable: no indicator has figures of the same role and period length in both reports."),
    );
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
          `${label(r.a.period)}${r.a.role === "actual" ? "" : ` ${r.a.role}`}`,
          r.b.value,
          `${label(r.b.period)}${r.b.role === "actual" ? "" : ` ${r.b.role}`}`,
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
