/**
 * A strict RFC 4180 reader for the tests, written apart from the writer in src/csv.ts so that a
 * round trip checks one against the other. Throws on a stray quote or an unterminated field.
 */
export function parseCsv(text: string, lineTerminator = "\r\n"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error("unterminated quoted field");
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += c;
          i++;
        }
      }
      if (i < n && text[i] !== "," && !text.startsWith(lineTerminator, i))
        throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < n && text[i] !== "," && !text.startsWith(lineTerminator, i)) {
        const c = text[i];
        if (c === '"' || c === "\r" || c === "\n") throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
        field += c;
        i++;
      }
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === ",") {
      i++;
      continue;
    }
    i += lineTerminator.length;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}
