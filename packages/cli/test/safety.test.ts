// The reproductions of issue 10 ("safe on any input and any output path"), run against the built
// binary. Device nodes and FIFOs are made only inside a scratch folder (mknod needs root; those
// cases are skipped otherwise); nothing here writes to a real /dev path.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, govreport, requireBuild, SHIPPED_SOURCE, SHIPPED_YAML, STACK } from "./run.js";

let tmp: string;
const root = process.getuid?.() === 0;

beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-safety-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A scratch folder with the shipped report and its text, the report's source.file set to `file`. */
function reportWith(file: string, name = "report.yaml"): { dir: string; report: string } {
  const dir = mkdtempSync(join(tmp, "r-"));
  copyFileSync(SHIPPED_SOURCE, join(dir, "source.txt"));
  const yaml = readFileSync(SHIPPED_YAML, "utf8").replace(/file: source\.txt/, `file: ${JSON.stringify(file)}`);
  expect(yaml).toContain(`file: ${JSON.stringify(file)}`);
  writeFileSync(join(dir, name), yaml);
  return { dir, report: join(dir, name) };
}

const lineOf = (file: string, needle: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle)) + 1;

function mkfifo(path: string): void {
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

function refusal(args: string[], file: string, cause: RegExp) {
  const r = govreport(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr).toContain(`govreport: ${file}`);
  expect(r.stderr).toMatch(cause);
  return r;
}

describe("inputs: regular files only, read with the limit applied while reading", () => {
  it("refuses source.file: /dev/zero (was: grew ~100 MB/s until std::bad_alloc), naming the field's line", () => {
    const { report } = reportWith("/dev/zero");
    const line = lineOf(report, "file: ");
    refusal(["validate", report], `${report}:${line}:`, /source\.file "\/dev\/zero" is outside the report's folder/);
  });

  it("refuses source.file: /dev/urandom and ../ paths (was: read, and their sha256 and length reported)", () => {
    const { report } = reportWith("/dev/urandom");
    refusal(["validate", report], report, /outside the report's folder/);
    const up = reportWith("../../../../../../../etc/hostname");
    refusal(["validate", up.report], up.report, /outside the report's folder.*--source/);
  });

  it("refuses a source.file that leads out of the folder through a symbolic link", () => {
    const { dir, report } = reportWith("linked.txt");
    symlinkSync(SHIPPED_SOURCE, join(dir, "linked.txt"));
    refusal(["validate", report], report, /through a symbolic link/);
    // With --source the same text is read: the user named it.
    expect(govreport(["validate", report, "--source", SHIPPED_SOURCE]).status).toBe(0);
  });

  it("refuses a FIFO, a directory and (as root) a character device named by source.file inside the folder", () => {
    const { dir, report } = reportWith("pipe");
    mkfifo(join(dir, "pipe"));
    const line = lineOf(report, "file: ");
    refusal(["validate", report], `${report}:${line}:`, /source\.file "pipe" .*is a named pipe \(FIFO\)/);
    const sub = reportWith("folder");
    mkdirSync(join(sub.dir, "folder"));
    refusal(["validate", sub.report], sub.report, /is a directory/);
    if (root) {
      const dev = reportWith("zero");
      expect(spawnSync("mknod", [join(dev.dir, "zero"), "c", "1", "5"]).status).toBe(0);
      refusal(["validate", dev.report], dev.report, /is a character device/);
    }
  });

  it("still reads a source.file beside the report, and only notes one that is missing", () => {
    const { report } = reportWith("source.txt");
    expect(govreport(["validate", report]).status).toBe(0);
    const gone = reportWith("gone.txt");
    const r = govreport(["validate", gone.report]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/source\.file .*gone\.txt: no such file; quotes were not checked/);
  });

  it("refuses check /dev/zero, check <fifo> and --source /dev/urandom at once (were: hang and grow)", () => {
    refusal(["check", "/dev/zero"], "/dev/zero", /is a character device, not a regular file/);
    const fifo = join(tmp, "check-fifo");
    mkfifo(fifo);
    refusal(["check", fifo], fifo, /is a named pipe \(FIFO\), not a regular file/);
    refusal(["validate", SHIPPED_YAML, "--source", "/dev/urandom"], "/dev/urandom", /character device/);
  });

  it("places the size limit and a bad UTF-16 byte-order mark at a byte offset", () => {
    const big = join(tmp, "big.txt");
    writeFileSync(big, "");
    spawnSync("truncate", ["-s", "21M", big]);
    refusal(["check", big], `${big}: byte 20971520:`, /larger than the 20\.0 MB limit/);
    const bad16 = join(tmp, "bad16.txt");
    writeFileSync(bad16, Buffer.from([0xff, 0xfe, 0x20, 0x5f, 0x00, 0xd8, 0x41, 0x00]));
    refusal(["check", bad16], `${bad16}: byte 4:`, /UTF-16 LE byte-order mark but is not valid UTF-16/);
  });

  it("refuses Big5 and Shift-JIS text instead of reading it as GB18030 (was: check exited 0)", () => {
    const encode = (text: string, encoding: string) =>
      spawnSync("iconv", ["-f", "UTF-8", "-t", encoding], { input: text }).stdout as Buffer;
    const big5 = join(tmp, "big5.txt");
    writeFileSync(
      big5,
      encode("臺北市政府工作報告：全年生產總值增長百分之三點五，財政收入達到一千二百億元。\n", "BIG5"),
    );
    refusal(["check", big5], `${big5}:1:`, /looks like Big5/);
    const sjis = join(tmp, "sjis.txt");
    writeFileSync(
      sjis,
      encode("県政府の報告書：県内総生産は前年比1.5%増加しました。予算は一兆円です。\n", "SHIFT_JIS"),
    );
    refusal(["check", sjis], `${sjis}:1:`, /Shift-JIS/);
  });

  it("refuses EUC-KR (Korean) text instead of reading it as GB18030 (was: check exited 0)", () => {
    const euckr = join(tmp, "euckr.txt");
    const text =
      "서울특별시 정부 업무 보고: 지역 내 총생산은 전년 대비 1.5% 증가했으며, 재정 수입은 1200억 원에 달했습니다.\n";
    writeFileSync(euckr, spawnSync("iconv", ["-f", "UTF-8", "-t", "EUC-KR"], { input: text }).stdout as Buffer);
    refusal(["check", euckr], `${euckr}:1:1:`, /looks like EUC-KR \(Korean\)/);
  });
});

describe("outputs: never replace what is not a regular file, an input, or (without --force) anything", () => {
  const extractTo = (out: string, ...more: string[]) => govreport(["extract", SHIPPED_SOURCE, "-o", out, ...more]);

  it("refuses a FIFO, a dangling symlink, a directory and (as root) a device, even with --force", () => {
    const dir = mkdtempSync(join(tmp, "o-"));
    mkfifo(join(dir, "fifo"));
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
    mkdirSync(join(dir, "folder"));
    for (const [name, cause] of [
      ["fifo", /named pipe \(FIFO\).*refused, even with --force/],
      ["dangling", /symbolic link to nothing; refused, even with --force/],
      ["folder", /is a directory/],
    ] as const) {
      const r = extractTo(join(dir, name), "--force");
      expect(r.status, name).toBe(2);
      expect(r.stderr).toMatch(cause);
    }
    expect(statSync(join(dir, "fifo")).isFIFO()).toBe(true);
    if (root) {
      // Run as root, `-o /dev/null --force` turned /dev/null into a regular file: here, a null device in the scratch folder.
      const dev = join(dir, "null");
      expect(spawnSync("mknod", [dev, "c", "1", "3"]).status).toBe(0);
      const r = extractTo(dev, "--force");
      expect(r.stderr).toMatch(/character device.*refused, even with --force/);
      expect(statSync(dev).isCharacterDevice()).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(["dangling", "fifo", "folder", ...(root ? ["null"] : [])].sort());
  });

  it("never replaces an input of the same run, even with --force or through a hard link", () => {
    const dir = mkdtempSync(join(tmp, "in-"));
    const text = join(dir, "text.txt");
    copyFileSync(SHIPPED_SOURCE, text);
    const before = readFileSync(text);
    let r = govreport(["extract", text, "-o", text, "--force"]);
    expect(r.stderr).toMatch(/is an input of this run/);
    linkSync(text, join(dir, "other-name.txt"));
    r = govreport(["extract", join(dir, "other-name.txt"), "-o", text, "--force"]);
    expect(r.status).toBe(2);
    expect(readFileSync(text).equals(before)).toBe(true);
  });

  it("keeps the replaced file's mode with --force (was: 600 and 444 became 644)", () => {
    const dir = mkdtempSync(join(tmp, "mode-"));
    for (const mode of [0o600, 0o444, 0o640]) {
      const out = join(dir, `m${mode.toString(8)}.yaml`);
      writeFileSync(out, "old\n");
      chmodSync(out, mode);
      expect(extractTo(out, "--force").status).toBe(0);
      expect(statSync(out).mode & 0o777).toBe(mode);
      expect(readFileSync(out, "utf8")).toMatch(/^# MACHINE DRAFT/);
    }
  });

  it("lets exactly one of 20 concurrent runs without --force write the file (was: two said wrote)", async () => {
    const dir = mkdtempSync(join(tmp, "race-"));
    const out = join(dir, "draft.yaml");
    const runs = Array.from(
      { length: 20 },
      () =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, [BIN, "extract", SHIPPED_SOURCE, "-o", out], {
            env: { PATH: process.env.PATH ?? "", LANG: "C", NO_COLOR: "1", GOVREPORT_CODE_CACHE: "0" },
            stdio: "ignore",
          });
          child.on("exit", (code) => done(code));
        }),
    );
    const codes = await Promise.all(runs);
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    expect(codes.filter((c) => c === 2)).toHaveLength(19);
    expect(readdirSync(dir)).toEqual(["draft.yaml"]);
  }, 120_000);

  it("removes a temp file of ours left by a killed run, and leaves no temp file of its own", () => {
    const dir = mkdtempSync(join(tmp, "stale-"));
    const out = join(dir, "out.yaml");
    // A pid that is not running: the highest one the kernel can give, plus one.
    const dead = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8")) + 1;
    const stale = `.out.yaml.govreport-${dead}-0123abcd.tmp`;
    writeFileSync(join(dir, stale), "half a file");
    const notOurs = ".out.yaml.12345.tmp";
    writeFileSync(join(dir, notOurs), "someone else's");
    expect(extractTo(out).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([notOurs, "out.yaml"].sort());
  });

  it("leaves no temp file when terminated at any moment of a run", async () => {
    const dir = mkdtempSync(join(tmp, "signal-"));
    const out = join(dir, "draft.yaml");
    // SIGTERM as soon as the process has started: whenever it lands, no temp file may be left.
    for (let delay = 0; delay <= 400; delay += 100) {
      rmSync(out, { force: true });
      await new Promise<void>((done) => {
        const child = spawn(process.execPath, [BIN, "extract", SHIPPED_SOURCE, "-o", out], {
          env: { PATH: process.env.PATH ?? "", LANG: "C", GOVREPORT_CODE_CACHE: "0" },
          stdio: "ignore",
        });
        setTimeout(() => child.kill("SIGTERM"), delay);
        child.on("exit", () => done());
      });
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  }, 60_000);
});

describe("terminal output: control characters from data are shown escaped", () => {
  it("escapes a quote that would retitle the window, clear the screen and print a fake line", () => {
    const dir = mkdtempSync(join(tmp, "esc-"));
    const report = join(dir, "report.yaml");
    const yaml = readFileSync(SHIPPED_YAML, "utf8");
    const quote = /quote: "([^"]+)"/.exec(yaml)?.[1] as string;
    writeFileSync(report, yaml.replace(`quote: "${quote}"`, 'quote: "\\e]0;PWNED\\a\\e[2J\\nvalid: all good"'));
    const r = govreport(["validate", report, "--source", SHIPPED_SOURCE], { env: { NO_COLOR: "1" } });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be printed.
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain("\\x1b]0;PWNED\\x07\\x1b[2J\\nvalid: all good");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("valid: all good"))).toEqual([]);
    // JSON output stays exact.
    const json = JSON.parse(govreport(["validate", report, "--source", SHIPPED_SOURCE, "--json"]).stdout);
    expect(JSON.stringify(json)).toContain(JSON.stringify("\u001b]0;PWNED\u0007\u001b[2J\nvalid: all good"));
  });

  it("escapes file names in messages: a newline cannot split one, an escape cannot reach the terminal", () => {
    const name = join(tmp, "bad\u001b[2Jname\nvalid.yaml");
    writeFileSync(name, "");
    const r = govreport(["validate", name]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("bad\\x1b[2Jname\\nvalid.yaml: the file is empty");
  });
});
