import { createHash } from "node:crypto";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { govreport, requireBuild, STACK } from "./run.js";

const CORPUS = new URL("./bad-inputs/", import.meta.url).pathname;

/** Committed inputs: [file, what the one-line message must say, whether it names a line:column]. */
const COMMITTED: [string, RegExp, boolean][] = [
  ["empty.yaml", /the file is empty/, false],
  ["whitespace.yaml", /empty \(only white space\)/, false],
  ["malformed.yaml", /invalid YAML: /, true],
  ["malformed.json", /invalid JSON: /, true],
  ["alias-bomb.yaml", /alias bomb/, true],
  ["proto.yaml", /"__proto__" is not allowed/, true],
  ["proto.json", /"constructor" is not allowed.*\$\.jurisdiction/, true],
  ["infinity.json", /out of range.*\$\.observations\[0\]\.quantity\.value/, true],
  ["nan.yaml", /NaN.*\$\.observations\[0\]\.quantity\.value/, true],
  ["duplicate-key.yaml", /keys must be unique/, true],
  ["two-documents.yaml", /more than one document/, true],
  ["tab-indent.yaml", /Tabs/, true],
  ["deep.yaml", /nested more than 64 levels/, true],
];

let tmp: string;
const generated: Record<string, string> = {};

beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-bad-"));
  const put = (name: string, bytes: Uint8Array | string) => {
    generated[name] = join(tmp, name);
    writeFileSync(generated[name], bytes);
  };
  put("binary.yaml", Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a]));
  put("binary.txt", Buffer.from("第一行\n第二\u0000行\n"));
  put("undecodable.txt", Buffer.concat([Buffer.from("张江镇\n"), Buffer.from([0x80, 0xff, 0xfe, 0x81, 0x0a])]));
  put("utf16-no-bom.txt", Buffer.from("张江镇 report", "utf16le"));
  put("huge.yaml", "");
  // A sparse 21 MB file: over the 20 MB limit without writing 21 MB.
  truncateSync(generated["huge.yaml"] as string, 21 * 1024 * 1024);
  put("huge.txt", "");
  truncateSync(generated["huge.txt"] as string, 21 * 1024 * 1024);
  put("locked.yaml", "id: x\n");
  chmodSync(generated["locked.yaml"] as string, 0o000);
  generated.directory = tmp;
  generated.missing = join(tmp, "no-such-report.yaml");
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function expectRefusal(
  args: string[],
  file: string,
  cause: RegExp,
  place: boolean,
  options: Parameters<typeof govreport>[1] = {},
) {
  const r = govreport(args, options);
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  const line = lines[0] ?? "";
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  expect(line).toMatch(new RegExp(`^govreport: ${escaped}${place ? ":\\d+:\\d+" : ""}: `));
  expect(line).toMatch(cause);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe("");
}

describe("bad inputs: one clear line, exit 2, no stack trace", () => {
  it("covers every committed input", () => {
    const files = readdirSync(CORPUS).filter((f) => f !== "README.md");
    expect(files.sort()).toEqual(COMMITTED.map(([f]) => f).sort());
  });

  it.each(COMMITTED)("validate %s", (file, cause, place) => {
    const path = join(CORPUS, file);
    const before = createHash("sha256").update(readFileSync(path)).digest("hex");
    expectRefusal(["validate", path], path, cause, place);
    expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(before);
  });

  it.each([
    ["validate", "binary.yaml", /binary data \(a NUL byte\)/, true],
    ["check", "binary.txt", /binary data/, true],
    ["check", "undecodable.txt", /undecodable bytes \(byte 0x80\).*neither UTF-8, UTF-16.*nor GBK/, true],
    ["check", "utf16-no-bom.txt", /NUL.*byte-order mark/, true],
    ["validate", "huge.yaml", /21\.0 MB, larger than the 20\.0 MB limit/, false],
    ["check", "huge.txt", /larger than the 20\.0 MB limit/, false],
    ["validate", "missing", /no such file/, false],
    ["export", "directory", /is a directory/, false],
  ])("%s %s", (command, name, cause, place) => {
    const path = generated[name] as string;
    expectRefusal([command, path, ...(command === "export" ? ["--format", "json"] : [])], path, cause, place);
  });

  it("reads a folder given to check as a batch, and refuses one with no texts in it", () => {
    const empty = join(tmp, "empty-folder");
    mkdirSync(empty);
    expectRefusal(["check", empty], empty, /no input files in this folder/, false);
  });

  it("refuses an unreadable file", () => {
    const path = generated["locked.yaml"] as string;
    expectRefusal(["validate", path], path, /permission denied/, false, { unprivileged: true });
  });

  it("refuses bad input on stdin the same way", () => {
    const r = govreport(["validate", "-"], { input: "a: [1,\n" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^govreport: <stdin>:\d+:\d+: invalid YAML: /);
    expect(govreport(["check", "-"], { input: "" }).stderr).toMatch(/^govreport: <stdin>: the file is empty/);
  });

  it("shows the stack trace only with --debug", () => {
    const path = join(CORPUS, "malformed.yaml");
    const r = govreport(["validate", path, "--debug"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(STACK);
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["validate"], /missing arguments: usage: govreport validate/],
    [["diff", "a", "b", "c"], /too many arguments/],
    [["validate", "x.yaml", "--bogus"], /unknown option --bogus \(see govreport validate --help\)/],
    [["export", "x.yaml", "--format", "xml"], /--format must be one of csv, json, datapackage, not "xml"/],
    [["export", "x.yaml"], /--format is required/],
  ])("usage error %j", (args, cause) => {
    const r = govreport(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(cause);
    expect(r.stderr).not.toMatch(STACK);
  });
});
