/**
 * Held-out truth: reports annotated by hand that the extractor's rules were not written against.
 * A truth file holds no report text beyond short anchors — per figure, where it is printed (code
 * points), what it reads as, and the role, period, subject and indicator judged right — plus the
 * SHA-256 of the text it was made on, so it is never scored against another text.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { CATALOGUE, codePointToIndex, parsePeriod, QUALIFIERS, ROLES, readQuantityAt } from "@govreport/schema";
import type { TruthFigure } from "./evaluation.js";

const CATALOGUE_IDS = new Set<string>(CATALOGUE.map((i) => i.id));

/**
 * A report-local indicator in a truth file: `local:` and the shortest Chinese name of the series
 * (粮食产量, 粮食产量增速), so that the same series has the same id across reports and years.
 */
export const LOCAL_INDICATOR = /^local:[^\s:]+$/;

export interface HeldoutFact {
  offset: number;
  length: number;
  value: number;
  unit: string;
  decimals: number;
  qualifier: string;
  max?: number;
  role: string;
  period: string;
  /** The printed figure (a short anchor, checked against the text at the offset). */
  printed?: string;
  /** The shortest phrase naming what is measured (see `subjectAgrees` in evaluation.ts). */
  subject?: string;
  /** A catalogue id, or `local:<name>` (LOCAL_INDICATOR) when the catalogue has none. */
  indicator?: string;
  /**
   * Why the schema's reader does not read this figure as recorded (a unit it lacks: 13亿吨, 762亿斤;
   * a qualifier it lacks: 超700家, 180多万人). Such a figure is checked by its printed anchor only.
   */
  note?: string;
}

export interface NotAFact {
  offset: number;
  length: number;
  reason: string;
}

export interface HeldoutTruth {
  header: {
    file: string;
    sha256: string;
    /** held-out: the extractor's rules must not be tuned on this text; development: they may be. */
    use?: "held-out" | "development";
    rules: string[];
    count: number;
    reasons: string[];
    notFacts: NotAFact[];
  };
  facts: HeldoutFact[];
}

/** The truth files in `dir` (`*.truth.json`), sorted. */
export function heldoutTruthFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".truth.json"))
      .sort()
      .map((f) => `${dir}${f}`);
  } catch {
    return [];
  }
}

type Check = (x: unknown) => boolean;
const isInt: Check = (x) => Number.isInteger(x) && (x as number) >= 0;
const isNum: Check = (x) => typeof x === "number" && Number.isFinite(x);
const isStr: Check = (x) => typeof x === "string";
const oneOf =
  (xs: readonly string[]): Check =>
  (x) =>
    typeof x === "string" && xs.includes(x);
const isPeriod: Check = (x) => {
  try {
    parsePeriod(x as string);
    return true;
  } catch {
    return false;
  }
};

/** Reads and checks the shape of a truth file; throws an Error naming the file, the JSON path and the cause. */
export function loadHeldoutTruth(file: string): HeldoutTruth {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      `${file}: ${code ? `cannot read the truth file (${code})` : `not valid JSON: ${(e as Error).message}`}`,
    );
  }
  const fail = (path: string, why: string): never => {
    throw new Error(`${file}: ${path}: ${why}`);
  };
  const field = (obj: unknown, path: string, key: string, ok: Check, what: string, optional = false) => {
    const v = (obj as Record<string, unknown>)[key];
    if (v === undefined && optional) return;
    if (!ok(v)) fail(`${path}.${key}`, `expected ${what}, found ${JSON.stringify(v)}`);
  };
  const record = (x: unknown, path: string) => {
    if (typeof x !== "object" || x === null || Array.isArray(x)) fail(path, "expected an object");
  };
  const list = (x: unknown, path: string): unknown[] => (Array.isArray(x) ? x : fail(path, "expected an array"));

  record(data, "$");
  const t = data as HeldoutTruth;
  record(t.header, "$.header");
  field(t.header, "$.header", "file", isStr, "the report's file name");
  field(t.header, "$.header", "sha256", (x) => isStr(x) && /^[0-9a-f]{64}$/.test(x as string), "64 lower-case hex");
  field(t.header, "$.header", "count", isInt, "the number of facts");
  field(t.header, "$.header", "use", oneOf(["held-out", "development"]), "held-out or development", true);
  list(t.header.rules, "$.header.rules");
  const reasons = list(t.header.reasons, "$.header.reasons").filter(isStr) as string[];
  list(t.header.notFacts, "$.header.notFacts").forEach((n, i) => {
    const path = `$.header.notFacts[${i}]`;
    record(n, path);
    field(n, path, "offset", isInt, "a code-point offset");
    field(n, path, "length", (x) => isInt(x) && (x as number) > 0, "a positive length");
    field(n, path, "reason", oneOf(reasons), `one of ${reasons.join(", ")}`);
  });
  list(t.facts, "$.facts").forEach((f, i) => {
    const path = `$.facts[${i}]`;
    record(f, path);
    field(f, path, "offset", isInt, "a code-point offset");
    field(f, path, "length", (x) => isInt(x) && (x as number) > 0, "a positive length");
    field(f, path, "value", isNum, "a finite number");
    field(f, path, "max", isNum, "a finite number", true);
    field(f, path, "unit", isStr, "a unit");
    field(f, path, "decimals", isInt, "a digit count");
    field(f, path, "qualifier", oneOf(QUALIFIERS), `one of ${QUALIFIERS.join(", ")}`);
    field(f, path, "role", oneOf(ROLES), `one of ${ROLES.join(", ")}`);
    field(f, path, "period", isPeriod, "a period (2013, 2023-H1, 2016/2020…)");
    field(f, path, "printed", (x) => isStr(x) && (x as string).length <= 40, "the printed figure", true);
    field(f, path, "note", isStr, "why the schema reads the figure otherwise", true);
    if ((f as HeldoutFact).note !== undefined)
      field(f, path, "printed", isStr, "the printed figure (a noted figure needs its anchor)");
    field(f, path, "subject", (x) => isStr(x) && (x as string).length <= 40, "a phrase of at most 40 characters", true);
    field(
      f,
      path,
      "indicator",
      (x) => isStr(x) && (CATALOGUE_IDS.has(x as string) || LOCAL_INDICATOR.test(x as string)),
      "a catalogue id or local:<name>",
      true,
    );
  });
  if (t.facts.length !== t.header.count)
    fail("$.header.count", `says ${t.header.count} facts, the file holds ${t.facts.length}`);
  return t;
}

/** Reads the report a truth file was made on from `dir`; throws naming the file when it is missing or differs. */
export function heldoutSource(truth: HeldoutTruth, dir: string): string {
  const file = `${dir}${truth.header.file}`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`${file}: cannot read the held-out report (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== truth.header.sha256)
    throw new Error(`${file}: SHA-256 ${sha} is not the ${truth.header.sha256} the truth was annotated on`);
  return bytes.toString("utf8");
}

/**
 * The figures of a truth file over its source, for `evaluate`. Each fact must read, at its offset,
 * as exactly its recorded span, value and unit (the schema's `readQuantityAt`), or this throws:
 * an annotation the text does not bear out is not scored.
 */
export function heldoutFigures(truth: HeldoutTruth, source: string): TruthFigure[] {
  return truth.facts.map((f, i) => {
    const at = codePointToIndex(source, f.offset);
    const end = codePointToIndex(source, f.offset + f.length);
    const printed = source.slice(at, end);
    const q = readQuantityAt(source, at, { chinese: true, bare: f.unit === "" });
    const reads = !!q && q.end === end && q.value === f.value && q.unit === f.unit && q.max === f.max;
    if (f.note !== undefined && reads)
      throw new Error(
        `${truth.header.file}: facts[${i}] at offset ${f.offset}: noted as unreadable (${f.note}), but the schema now reads ${printed} as recorded: drop the note`,
      );
    if (f.note === undefined && !reads)
      throw new Error(
        `${truth.header.file}: facts[${i}] at offset ${f.offset}: the text reads ${q ? `${q.printed} (${q.value} ${q.unit})` : "no figure"}, the truth says ${printed} (${f.value} ${f.unit})`,
      );
    if (f.printed !== undefined && f.printed !== printed)
      throw new Error(
        `${truth.header.file}: facts[${i}] at offset ${f.offset}: the text reads ${printed}, the truth's anchor is ${f.printed}`,
      );
    return {
      value: f.value,
      ...(f.max !== undefined ? { max: f.max } : {}),
      unit: f.unit,
      qualifier: f.qualifier,
      printed,
      start: f.offset,
      end: f.offset + f.length,
      quoteStart: f.offset,
      quoteEnd: f.offset + f.length,
      readings: [
        {
          observation: `facts[${i}]`,
          role: f.role,
          period: f.period,
          ...(f.subject !== undefined ? { subject: f.subject } : {}),
          ...(f.indicator !== undefined ? { indicator: f.indicator } : {}),
        },
      ],
    };
  });
}
