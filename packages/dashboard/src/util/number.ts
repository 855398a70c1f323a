/**
 * `n` with comma digit grouping and at most `digits` decimals, trailing zeros dropped:
 * 1234.5 → "1,234.5". The same string as `Intl.NumberFormat("zh-CN" | "en", { maximumFractionDigits })`
 * (the two group alike), rounded the same way: half away from zero on the shortest decimal form
 * of the number, so 1.005 at two decimals is 1.01.
 *
 * Not Intl.NumberFormat itself: its first use loads ICU's locale data, which took ~90 ms of the
 * main thread before the first chart (it formatted that chart's data table).
 */
export function groupedNumber(n: number, digits: number): string {
  const s = String(Math.abs(n));
  // NaN, ∞ and the exponent forms (below 1e-6, from 1e21) are rare here: Intl formats them.
  if (!/^\d+(\.\d+)?$/.test(s)) return intlFormat(n, digits);
  const [int = "", frac = ""] = s.split(".");
  let whole = int;
  let kept = frac;
  if (frac.length > digits) {
    kept = frac.slice(0, digits);
    if ((frac[digits] ?? "0") >= "5") {
      // Add one unit in the last kept place, carrying through the integer digits.
      const up = increment(`${int}${kept}`);
      whole = up.slice(0, up.length - digits);
      kept = up.slice(up.length - digits);
    }
  }
  kept = kept.replace(/0+$/, "");
  // Intl keeps the sign of a negative number that rounds to zero: -0.01 at one decimal is "-0".
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${kept ? `.${kept}` : ""}`;
}

/** A string of decimal digits plus one: "0999" → "1000", "99" → "100". */
function increment(digits: string): string {
  const d = digits.split("");
  let i = d.length - 1;
  while (i >= 0 && d[i] === "9") d[i--] = "0";
  if (i < 0) d.unshift("1");
  else d[i] = String(Number(d[i]) + 1);
  return d.join("");
}

const formats = new Map<number, Intl.NumberFormat>();
function intlFormat(n: number, digits: number): string {
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en", { maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  return f.format(n);
}
