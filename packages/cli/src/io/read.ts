import { readFileSync, type Stats, statSync } from "node:fs";
import { resolve } from "node:path";
import { normalizeSourceText } from "@govreport/schema";
import { CliError } from "../errors.js";
import { decodeText, type Encoding } from "./decode.js";

/** Larger inputs are refused: no report is this long, and parsing must stay in bounded memory. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface Input {
  /** What messages call it: the path as given, or <stdin>. */
  name: string;
  /** Absolute path, for files. */
  path?: string;
  bytes: Uint8Array;
}

export interface TextInput extends Input {
  /** Decoded, then normalised as the schema's source-text contract says (normalizeSourceText: no BOM, LF). */
  text: string;
  encoding: Encoding;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function ioError(e: unknown, file: string): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const cause =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "ENOTDIR"
            ? "a part of the path is not a directory"
            : code === "ELOOP"
              ? "too many symbolic links"
              : `cannot read (${code ?? (e as Error).message})`;
  return new CliError(cause, { file });
}

async function readStdin(stdin: NodeJS.ReadableStream, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > limit) throw new CliError(`input is larger than the ${mb(limit)} limit`, { file: "<stdin>" });
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
  limit?: number;
}

/** Reads a file, or standard input for `-`, refusing directories and inputs over the size limit. */
export async function readInput(arg: string, options: ReadOptions = {}): Promise<Input> {
  const limit = options.limit ?? MAX_INPUT_BYTES;
  if (arg === "-") {
    return { name: "<stdin>", bytes: await readStdin(options.stdin ?? process.stdin, limit) };
  }
  const path = resolve(options.cwd ?? process.cwd(), arg);
  // Synchronous: one file read at start-up gains nothing from the thread pool, and node:fs/promises
  // costs a millisecond to load.
  let info: Stats;
  try {
    info = statSync(path);
  } catch (e) {
    throw ioError(e, arg);
  }
  if (info.isDirectory()) throw new CliError("is a directory, not a file", { file: arg });
  if (info.isFile() && info.size > limit)
    throw new CliError(`is ${mb(info.size)}, larger than the ${mb(limit)} limit`, { file: arg });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw ioError(e, arg);
  }
  // A FIFO or device reports no size up front.
  if (bytes.length > limit) throw new CliError(`is larger than the ${mb(limit)} limit`, { file: arg });
  return { name: arg, path, bytes };
}

export async function readTextInput(arg: string, options: ReadOptions = {}): Promise<TextInput> {
  const input = await readInput(arg, options);
  const decoded = decodeText(input.bytes, input.name);
  return { ...input, text: normalizeSourceText(decoded.text), encoding: decoded.encoding };
}
