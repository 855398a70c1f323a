import { type Quantity, resolveUnit, type UnitDef } from "@govreport/schema";

/**
 * The printed value with English digit grouping (1212 → 1,212; 30.2 at two decimals → 30.20).
 * Not Intl.NumberFormat: its first use loads locale data, over 100 ms on a slow machine, and
 * this runs for every charted figure.
 */
function fmt(n: number, decimals: number): string {
  let s = String(n);
  if (/e/i.test(s)) return s;
  const frac = s.split(".")[1]?.length ?? 0;
  if (decimals > frac) s = n.toFixed(decimals);
  const [int = "", dec] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return dec === undefined ? grouped : `${grouped}.${dec}`;
}

/**
 * A figure in English units, to read beside the printed Chinese: 20.17亿元 → "20.17 × 100 million
 * yuan", 1.01万平方米 → "1.01 × 10k square metres", 91家 → "91 entities". The value is the printed
 * one (nothing converted, so nothing rounded); undefined when the unit has no English name.
 */
export function englishFigure(q: Quantity, declared: readonly UnitDef[] = []): string | undefined {
  if (q.unit === "%") return undefined;
  const def = resolveUnit(q.unit, declared);
  if (!def?.en || def.en === q.unit) return undefined;
  const value =
    q.max !== undefined ? `${fmt(q.value, q.decimals)}–${fmt(q.max, q.decimals)}` : fmt(q.value, q.decimals);
  // A unit that is itself a multiple (100 million yuan) reads as a factor: 20.17 × 100 million yuan.
  return /^\d/.test(def.en) ? `${value} × ${def.en}` : `${value} ${def.en}`;
}
