/**
 * Reads CSV cells the way a Table Schema consumer would (frictionless-py, R frictionless), for the
 * field types and constraints the observations table uses. Written for the tests, apart from the
 * writer, so that it checks the descriptor against the data rather than repeating it.
 */
export interface Field {
  name: string;
  type: string;
  constraints?: {
    required?: boolean;
    enum?: unknown[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
}

export type Typed = string | number | string[] | null;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The typed value of a cell, or throws naming what is wrong. */
export function castCell(field: Field, cell: string, missingValues: readonly string[] = [""]): Typed {
  const c = field.constraints ?? {};
  if (missingValues.includes(cell)) {
    if (c.required) throw new Error(`${field.name}: required but empty`);
    return null;
  }
  let value: Typed;
  switch (field.type) {
    case "string":
      value = cell;
      break;
    case "number":
      if (!NUMBER.test(cell)) throw new Error(`${field.name}: "${cell}" is not a number`);
      value = Number(cell);
      break;
    case "integer":
      if (!INTEGER.test(cell)) throw new Error(`${field.name}: "${cell}" is not an integer`);
      value = Number(cell);
      break;
    case "date": {
      const m = DATE.exec(cell);
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
      if (!m || !d || d.toISOString().slice(0, 10) !== cell) throw new Error(`${field.name}: "${cell}" is not a date`);
      value = cell;
      break;
    }
    case "array": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(cell);
      } catch {
        throw new Error(`${field.name}: "${cell}" is not JSON`);
      }
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === "string"))
        throw new Error(`${field.name}: "${cell}" is not a JSON array of strings`);
      value = parsed as string[];
      break;
    }
    default:
      throw new Error(`${field.name}: type ${field.type} is not handled by the test reader`);
  }
  if (c.enum && !c.enum.includes(value)) throw new Error(`${field.name}: "${cell}" is not one of ${c.enum.join(", ")}`);
  if (c.minimum !== undefined && (value as number) < c.minimum)
    throw new Error(`${field.name}: ${cell} < ${c.minimum}`);
  if (c.maximum !== undefined && (value as number) > c.maximum)
    throw new Error(`${field.name}: ${cell} > ${c.maximum}`);
  // Table Schema patterns match the whole value (XML Schema regular expressions).
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, "u").test(cell))
    throw new Error(`${field.name}: "${cell}" does not match ${c.pattern}`);
  return value;
}
