import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { normalizeSourceText } from "@govreport/schema";
import { CliError } from "../errors.js";
import { decodeInput, type Encoding } from "./decode.js";

/** Larger inputs are refused: no report is this long, and parsing must stay in bounded memory. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface Input {
  /** What messages call it: the path as given, or <stdin>. */
  name: string;
  /** Absolute path, for files. */
  path?: string;
  /** Device and inode of the file read, so that an output can be refused when it is this input. */
  identity?: { dev: number; ino: number };
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
              : code === "ENXIO"
                ? "is a socket or a device, not a regular file"
                : `cannot read (${code ?? (e as Error).message})`;
  return new CliError(cause, { file });
}

/** Device and inode of every file read in this process: an output must never replace one of them. */
const readFiles: { dev: number; ino: number }[] = [];

/** Whether `info` is a file this process has read (by device and inode, so hard links and symlinks count). */
export function wasReadThisRun(info: { dev: number; ino: number }): boolean {
  return readFiles.some((f) => f.dev === info.dev && f.ino === info.ino);
}

/** What a file is, when it is not a regular file: the cause of refusing it. */
export function notRegular(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return "is a directory, not a file";
  if (info.isFIFO()) return "is a named pipe (FIFO), not a regular file";
  if (info.isCharacterDevice()) return "is a character device, not a regular file";
  if (info.isBlockDevice()) return "is a block device, not a regular file";
  if (info.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

async function readStdin(stdin: NodeJS.ReadableStream, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    if (total + b.length > limit)
      throw new CliError(`input is larger than the ${mb(limit)} limit`, { file: "<stdin>", offset: limit });
    total += b.length;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
  limit?: number;
  /** What messages call the file, when not the path as given. */
  name?: string;
}

/**
 * Reads a regular file through one descriptor: opened without blocking (a FIFO with no writer
 * would hang the open itself) and without becoming a controlling terminal, checked with fstat,
 * so that what is checked is what is read, and read only up to the limit, so that a file that
 * grows while it is read, or lies about its size, cannot make the read unbounded. Devices, FIFOs,
 * sockets and directories are refused before a byte is read.
 */
export function readRegularFile(path: string, name: string, limit: number): Pick<Input, "bytes" | "identity"> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    throw ioError(e, name);
  }
  try {
    const info = fstatSync(fd);
    const refused = notRegular(info);
    if (refused) throw new CliError(refused, { file: name });
    if (info.size > limit)
      throw new CliError(`is ${mb(info.size)}, larger than the ${mb(limit)} limit`, { file: name, offset: limit });
    // One byte more than the limit, to notice a file that grew past it since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(info.size, limit) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) throw new CliError(`is larger than the ${mb(limit)} limit`, { file: name, offset: limit });
        break;
      }
      let n: number;
      try {
        n = readSync(fd, buffer, total, buffer.length - total, null);
      } catch (e) {
        throw ioError(e, name);
      }
      if (n === 0) break;
      total += n;
    }
    const identity = { dev: info.dev, ino: info.ino };
    readFiles.push(identity);
    return { bytes: buffer.subarray(0, total), identity };
  } finally {
    closeSync(fd);
  }
}

/** Reads a file, or standard input for `-`, refusing what is not a regular file and inputs over the size limit. */
export async function readInput(arg: string, options: ReadOptions = {}): Promise<Input> {
  const limit = options.limit ?? MAX_INPUT_BYTES;
  if (arg === "-") {
    return { name: "<stdin>", bytes: await readStdin(options.stdin ?? process.stdin, limit) };
  }
  const path = resolve(options.cwd ?? process.cwd(), arg);
  const name = options.name ?? arg;
  // Synchronous: one file read at start-up gains nothing from the thread pool, and node:fs/promises
  // costs a millisecond to load.
  return { name, path, ...readRegularFile(path, name, limit) };
}

export async function readTextInput(arg: string, options: ReadOptions = {}): Promise<TextInput> {
  const input = await readInput(arg, options);
  const decoded = decodeInput(input.bytes, input.name);
  return { ...input, text: normalizeSourceText(decoded.text), encoding: decoded.encoding };
}
