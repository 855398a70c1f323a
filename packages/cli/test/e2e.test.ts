import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../../../vitest.shared-texts.js";
import { displayWidth } from "../src/format/width.js";
import { encodeGbk, encodeUtf16 } from "./encode.js";
import { govreport, requireBuild, SHIPPED_DIR, SHIPPED_SOURCE, SHIPPED_YAML, STACK } from "./run.js";

const ID = "zhangjiang-2023-h1";
const SHARED_NAMES = ["hailaer_2013_annual.txt", "hailaer_2016_annual.txt", "baoding_2021_annual.txt"];
const SHARED = SHARED_NAMES.map(sharedPath);
const DATA_DIST = new URL("../../data/dist/", import.meta.url).pathname;
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), "govreport-e2e-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the shipped report folder, edited, in a fresh temp dir. */
function brokenCopy(name: string, edit: (yaml: string) => string): string {
  const dir = join(tmp, name);
  cpSync(SHIPPED_DIR, dir, { recursive: true });
  const file = join(dir, "report.yaml");
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return file;
}

describe("help and version", () => {
  it("prints the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    const r = govreport(["--version"]);
    expect(r).toMatchObject({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it.each(["validate", "check", "extract", "export", "schema", "show", "diff"])(
    "%s --help has usage and examples",
    (cmd) => {
      const r = govreport([cmd, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage:\\n  govreport ${cmd}`));
      expect(r.stdout).toMatch(/Examples:\n {2}govreport /);
      expect(r.stdout).toMatch(/Exit codes:/);
    },
  );

  it("lists every command in the main help", () => {
    const r = govreport(["--help"]);
    for (const cmd of ["validate", "check", "extract", "export", "schema", "show", "diff"])
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, "m"));
  });
});

describe("validate", () => {
  it("accepts the shipped report (exit 0), its source found and hashed, acknowledged findings shown", () => {
    const before = sha(SHIPPED_YAML);
    const r = govreport(["validate", SHIPPED_YAML]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sha256 matches the report/);
    expect(r.stdout).toMatch(/Acknowledged \(\d+\)/);
    expect(r.stdout).toMatch(/report\.yaml:\d+:\d+ {2}comparison\.change_mismatch/);
    expect(r.stdout).toMatch(/^valid: /m);
    expect(sha(SHIPPED_YAML)).toBe(before);
  });

  it("prints a stable JSON result", () => {
    const r = govreport(["validate", SHIPPED_YAML, "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(["file", "findings", "notes", "schemaIssues", "source", "summary", "valid"]);
    expect(j.valid).toBe(true);
    expect(j.schemaIssues).toEqual([]);
    expect(j.source.matches).toBe(true);
    const ack = j.findings.find((f: { code: string }) => f.code === "comparison.change_mismatch");
    expect(ack).toMatchObject({ acknowledged: true, stated: "6.39亿元" });
    expect(ack.line).toBeGreaterThan(1);
  });

  it("finds an arithmetic error in an edited copy (exit 1) and points at its line", () => {
    // 5.72 − 3.69 = 2.03: printing 5.92 breaks the comparison and the provenance of the figure.
    const file = brokenCopy("arith", (y) =>
      y.replace(
        '{ value: 5.72, unit: 亿元, decimals: 2, printed: "5.72亿元" }',
        '{ value: 5.92, unit: 亿元, decimals: 2, printed: "5.72亿元" }',
      ),
    );
    const line =
      readFileSync(file, "utf8")
        .split("\n")
        .findIndex((l) => l.includes("value: 5.92")) + 1;
    const r = govreport(["validate", file, "--json"]);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.valid).toBe(false);
    const codes = j.findings
      .filter((f: { acknowledged: boolean }) => !f.acknowledged)
      .map((f: { code: string }) => f.code);
    expect(codes).toContain("comparison.change_mismatch");
    expect(codes).toContain("comparison.percent_mismatch");
    expect(codes).toContain("provenance.value_mismatch");
    const human = govreport(["validate", file]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/^Errors \(\d+\)/m);
    expect(human.stdout).toMatch(new RegExp(`report\\.yaml:${line}:15 {2}provenance\\.value_mismatch`));
    // The change is flagged on the printed change, a few lines below the value.
    const change = j.findings.find((f: { code: string }) => f.code === "comparison.change_mismatch" && !f.acknowledged);
    expect(readFileSync(file, "utf8").split("\n")[change.line - 1]).toMatch(/change: \{ value: 2\.03/);
  });

  it("reports schema issues with file:line:column and JSON path (exit 1)", () => {
    const file = brokenCopy("schema", (y) =>
      y
        .replace(
          "  - id: tax-revenue-2023-jan-may\n    indicator: tax_revenue\n",
          "  - id: tax-revenue-2023-jan-may\n    indicator: tax_revenue\n    valeu: 1\n",
        )
        .replace("period: 2023-H1\n", "period: H1-2023\n"),
    );
    const text = readFileSync(file, "utf8").split("\n");
    const r = govreport(["validate", file, "--json"]);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    const unknown = j.schemaIssues.find((i: { message: string }) => /unknown field "valeu"/.test(i.message));
    expect(unknown.path).toBe("$.observations[0]");
    expect(text[unknown.line - 1]?.slice(unknown.column - 1)).toMatch(/^valeu: 1/);
    const period = j.schemaIssues.find((i: { path: string }) => i.path === "$.period");
    expect(text[period.line - 1]?.slice(period.column - 1)).toBe("H1-2023");
    const human = govreport(["validate", file]);
    expect(human.stdout).toMatch(/^Schema issues \(2\)/m);
    expect(human.stdout).toMatch(/report\.yaml:\d+:\d+ {2}\$\.period {2}not a period/);
  });

  it("says when the source text differs from the hashed one", () => {
    const dir = join(tmp, "sha");
    cpSync(SHIPPED_DIR, dir, { recursive: true });
    const file = join(dir, "report.yaml");
    writeFileSync(join(dir, "source.txt"), `${readFileSync(SHIPPED_SOURCE, "utf8")}\n附记。\n`);
    const r = govreport(["validate", file]);
    expect(r.stdout).toMatch(/sha256 differs from the report's source\.sha256/);
    expect(r.stdout).toMatch(/note: the source text .* hashes to [0-9a-f]{64}, but the report's source\.sha256 is/);
  });

  it("checks quotes against --source, and reads the report from stdin", () => {
    const r = govreport(["validate", "-", "--source", SHIPPED_SOURCE, "--json"], { input: readFileSync(SHIPPED_YAML) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: "<stdin>", valid: true, source: { matches: true } });
  });

  it("validates the report as JSON too", () => {
    const json = join(tmp, "report.json");
    writeFileSync(json, readFileSync(join(DATA_DIST, "reports", `${ID}.json`)));
    const r = govreport(["validate", json, "--source", SHIPPED_SOURCE]);
    expect(r.status, r.stdout).toBe(0);
  });
});

describe("check", () => {
  it("finds the Zhangjiang tax-revenue discrepancy by computation, with its line", () => {
    const r = govreport(["check", SHIPPED_SOURCE, "--json"]);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    const tax = j.inconsistencies.find((i: { quote: string }) => i.quote.includes("税收20.17亿元"));
    expect(tax).toMatchObject({ code: "comparison.change_mismatch", stated: "6.39亿元", line: 11 });
    expect(tax.arithmetic).toBe("20.17亿元 − 13.88亿元 = 6.29亿元");
    const line = readFileSync(SHIPPED_SOURCE, "utf8").split("\n")[10] ?? "";
    expect([...line].slice(tax.column - 1).join("")).toMatch(/^6\.39亿元/);
    const human = govreport(["check", SHIPPED_SOURCE]);
    expect(human.stdout).toMatch(/source\.txt:11:\d+: increase: the report states 6\.39亿元/);
    expect(human.stdout).toMatch(/computed: 20\.17亿元 − 13\.88亿元 = 6\.29亿元/);
    expect(human.stdout).toMatch(/^\d+ inconsistenc(y|ies) among \d+ figures in /m);
  });

  it("gives the same result for UTF-16 LE/BE with BOM and CRLF copies, and for stdin", () => {
    const text = readFileSync(SHIPPED_SOURCE, "utf8");
    const base = JSON.parse(govreport(["check", SHIPPED_SOURCE, "--json"]).stdout);
    const variants: [string, Buffer][] = [
      ["le.txt", encodeUtf16(text, "le")],
      ["be.txt", encodeUtf16(text.replace(/\n/g, "\r\n"), "be")],
      ["crlf-bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, "\r\n"))])],
    ];
    for (const [name, bytes] of variants) {
      const path = join(tmp, name);
      writeFileSync(path, bytes);
      const j = JSON.parse(govreport(["check", path, "--json"]).stdout);
      expect(j.inconsistencies, name).toEqual(base.inconsistencies);
    }
    const stdin = JSON.parse(govreport(["check", "-", "--json"], { input: text }).stdout);
    expect(stdin.inconsistencies).toEqual(base.inconsistencies);
  });
});

describeShared("check: real shared reports", SHARED_NAMES, () => {
  it("reads a GBK copy like the UTF-8 original", () => {
    const original = SHARED[0] as string;
    const gbk = join(tmp, "gbk.txt");
    writeFileSync(gbk, encodeGbk(readFileSync(original, "utf8")));
    const a = JSON.parse(govreport(["check", original, "--json"]).stdout);
    const b = JSON.parse(govreport(["check", gbk, "--json"]).stdout);
    expect(b.encoding).toBe("gb18030");
    expect(b.figures).toBe(a.figures);
    expect(b.inconsistencies).toEqual(a.inconsistencies);
  });

  it.each(SHARED)("proofreads %s: every inconsistency placed on its figure", (file) => {
    const before = sha(file);
    const r = govreport(["check", file, "--json"]);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK);
    const j = JSON.parse(r.stdout);
    expect(j.figures).toBeGreaterThan(50);
    expect(r.status).toBe(j.inconsistencies.length > 0 ? 1 : 0);
    const lines = readFileSync(file, "utf8").split("\n");
    for (const i of [...j.inconsistencies, ...j.notes]) {
      const rest = [...(lines[i.line - 1] ?? "")].slice(i.column - 1).join("");
      const digits = /\d+(\.\d+)?/.exec(i.stated ?? "")?.[0] ?? "";
      expect(rest.slice(0, 8), `${i.code} at ${i.line}:${i.column}`).toContain(digits.slice(0, 1));
      expect(lines.join("\n")).toContain(i.quote);
    }
    expect(sha(file)).toBe(before);
  });
});

/** Extracts a text with the built CLI and validates the draft: schema-valid, quotes found in the text. */
function draftsValid(file: string): void {
  const dir = mkdtempSync(join(tmp, "extract-"));
  const out = join(dir, "draft.yaml");
  const r = govreport(["extract", file, "-o", out]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/wrote .*draft\.yaml: \d+ observations/);
  const yaml = readFileSync(out, "utf8");
  expect(yaml).toMatch(/^# MACHINE DRAFT made by govreport extract/);
  // The draft is in another folder than the text: its source.file leads out of it, which validate
  // refuses to follow, so the text is named with --source.
  expect(govreport(["validate", out]).stderr).toMatch(/source\.file .* is outside the report's folder/);
  const v = JSON.parse(govreport(["validate", out, "--source", file, "--json"]).stdout);
  expect(v.schemaIssues).toEqual([]);
  expect(v.source.matches).toBe(true);
  const provenance = v.findings.filter((f: { code: string }) =>
    /^provenance\.(quote_not_found|offset_mismatch)$/.test(f.code),
  );
  expect(provenance).toEqual([]);
  expect(readdirSync(dir)).toEqual(["draft.yaml"]);
}

describe("extract", () => {
  it("drafts the shipped source into a schema-valid report whose quotes are in the text", () => {
    draftsValid(SHIPPED_SOURCE);
  });

  describeShared("drafts of the shared reports", SHARED_NAMES, () => {
    it.each(SHARED)("drafts %s into a schema-valid report whose quotes are in the text", (file) => draftsValid(file));
  });

  it("refuses to overwrite without --force, and replaces with it", () => {
    const out = join(tmp, "exists.yaml");
    writeFileSync(out, "keep me\n");
    const r = govreport(["extract", SHIPPED_SOURCE, "-o", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/exists\.yaml: already exists; use --force to overwrite it/);
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(govreport(["extract", SHIPPED_SOURCE, "-o", out, "--force"]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# MACHINE DRAFT/);
  });

  it("lists the extractor's warnings and skip reasons by their codes in the draft's header", () => {
    const r = govreport(["extract", SHIPPED_SOURCE]);
    expect(r.status, r.stderr).toBe(0);
    // Zhangjiang: 24小时红色加油站 is a service's hours; its jurisdiction has no English name in the text.
    expect(r.stdout).toMatch(
      /^# \d+ observations; \d+ numbers judged not to be facts \(.*figure\.skipped\.service-duration 2/m,
    );
    expect(r.stdout).toMatch(/^# {3}- \[meta\.jurisdiction-english\] jurisdiction read as 张江镇/m);
  });

  it("writes JSON to stdout with a chosen id", () => {
    const r = govreport(["extract", "-", "--format", "json", "--id", "my-report"], {
      input: readFileSync(SHIPPED_SOURCE),
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: "my-report", period: "2023-H1" });
  });
});

describe("export, show, diff, schema", () => {
  it("exports a shipped report as the data package's CSV and JSON", () => {
    const csv = govreport(["export", ID, "--format", "csv"]);
    expect(csv.status).toBe(0);
    const shipped = readFileSync(join(DATA_DIST, "observations.csv"), "utf8").split("\r\n");
    const mine = csv.stdout.split("\r\n");
    expect(mine[0]).toBe(shipped[0]);
    expect(mine.slice(1).filter(Boolean)).toEqual(shipped.slice(1).filter((l) => l.startsWith(`${ID},`)));
    const json = govreport(["export", SHIPPED_YAML, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(join(DATA_DIST, "reports", `${ID}.json`), "utf8")));
  });

  it("writes a data package folder, refusing an existing one without --force", () => {
    const dir = join(tmp, "pkg");
    expect(govreport(["export", SHIPPED_YAML, "--format", "datapackage", "-o", dir]).status).toBe(0);
    const dp = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
    const csv = readFileSync(join(dir, "observations.csv"));
    const res = dp.resources[0];
    expect(res.bytes).toBe(csv.length);
    expect(res.hash).toBe(`sha256:${createHash("sha256").update(csv).digest("hex")}`);
    expect(res.schema.fields.map((f: { name: string }) => f.name).join(",")).toBe(csv.toString().split("\r\n")[0]);
    const again = govreport(["export", SHIPPED_YAML, "--format", "datapackage", "-o", dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(govreport(["export", SHIPPED_YAML, "--format", "datapackage", "-o", dir, "--force"]).status).toBe(0);
  });

  it("refuses to export an invalid report (exit 1) and an unknown id (exit 2)", () => {
    const file = brokenCopy("export-invalid", (y) => y.replace("period: 2023-H1\n", "period: sometime\n"));
    const r = govreport(["export", file, "--format", "csv"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/report\.yaml:\d+:\d+: \$\.period: not a period/);
    const u = govreport(["export", "no-such-id", "--format", "csv"]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/^govreport: no-such-id: no such file, and no shipped report has this id/);
  });

  it("lists shipped reports and shows one with an aligned headline table", () => {
    expect(govreport(["show"]).stdout).toMatch(new RegExp(`^${ID} `, "m"));
    const r = govreport(["show", ID, "--lang", "zh"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    const head = lines.findIndex((l) => /^indicator +value/.test(l));
    expect(head).toBeGreaterThan(0);
    const rows = lines.slice(head, lines.indexOf("", head));
    expect(rows.some((l) => l.startsWith("税收"))).toBe(true);
    // The value column is right-aligned: every row's value ends at the same display column.
    const ends = rows.map((l) => {
      const m = /^(\S.*?)( {2,})(\S+)/.exec(l);
      return displayWidth(`${m?.[1]}${m?.[2]}${m?.[3]}`);
    });
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(ends).size).toBe(1);
    expect(r.stdout).toMatch(/Checks: valid/);
  });

  it("diffs two reports, with changes where the units compare", () => {
    const file = brokenCopy("diff", (y) =>
      y.replace(
        '{ value: 20.17, unit: 亿元, decimals: 2, printed: "20.17亿元" }',
        '{ value: 2017, unit: 百万元, decimals: 0, printed: "20.17亿元" }',
      ),
    );
    const r = govreport(["diff", ID, file, "--json"]);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    const tax = d.both.find((x: { indicator: string }) => x.indicator === "tax_revenue");
    expect(tax.change).toEqual({ value: 0, unit: "亿元", percent: 0 });
    expect(d.onlyA).toEqual([]);
    const human = govreport(["diff", ID, SHIPPED_YAML]);
    expect(human.stdout).toMatch(/^In both \(\d+\)/);
  });

  it("prints the JSON Schema and writes it without overwriting", () => {
    const r = govreport(["schema"]);
    const s = JSON.parse(r.stdout);
    expect(s.properties.observations.type).toBe("array");
    const out = join(tmp, "report.schema.json");
    expect(govreport(["schema", "--out", out]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(s);
    expect(govreport(["schema", "--out", out]).status).toBe(2);
    expect(existsSync(out)).toBe(true);
  });
});

describe("colour", () => {
  it("is off when not a terminal, forced by FORCE_COLOR, and off again with NO_COLOR or --no-color", () => {
    const args = ["validate", SHIPPED_YAML];
    expect(govreport(args).stdout).not.toContain("\u001b[");
    expect(govreport(args, { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).toContain("\u001b[");
    expect(govreport(args, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(govreport([...args, "--no-color"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).not.toContain(
      "\u001b[",
    );
  });
});
