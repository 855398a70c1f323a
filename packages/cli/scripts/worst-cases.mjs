#!/usr/bin/env node
// Worst-case figures (issue 10): time and peak memory of `govreport check` and `govreport extract`
// (the BUILT binary) on generated inputs that stress extraction and the checks — random Chinese
// with numbers, the same on one huge line, long 、 and ， lists, deep parentheses, and `增长1.5%`
// repeated with no 。 — at growing sizes up to the 20 MB input limit. Prints figures; asserts
// nothing about time. A case stops growing once a size took longer than 10 s (the larger sizes
// are then reported as skipped), and any run is killed after 120 s.
//
//   node scripts/worst-cases.mjs [--sizes 50,200,1000,5000,20000] (KB) [--seed N]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/govreport.cjs", import.meta.url));
if (!existsSync(bin)) {
  console.error("worst-cases: dist/govreport.cjs is missing; run `pnpm --filter @govreport/cli build` first");
  process.exit(2);
}
const argOf = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES_KB = (argOf("sizes") ?? "50,200,1000,5000,20000").split(",").map(Number);
const SEED = Number(argOf("seed") ?? 10);
const STOP_AFTER_MS = 10_000;
const KILL_AFTER_MS = 120_000;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HANZI =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
const UNITS = ["亿元", "万元", "%", "万人", "个百分点", "公里", "万吨", "家", "个", "倍"];
const VERBS = ["增长", "完成", "达到", "下降", "实现", "新增", "累计", "比上年增长", "占", "同比增长"];

/** Random Chinese with figures: sentences of 10–60 characters, figures, 、 ， 。 and a line break every few sentences. */
function randomChinese(bytes, rand, lineBreaks) {
  const out = [];
  let size = 0;
  let sentences = 0;
  while (size < bytes) {
    const parts = [];
    const clauses = 1 + Math.floor(rand() * 5);
    for (let c = 0; c < clauses; c++) {
      let s = "";
      for (let i = Math.floor(rand() * 12); i > 0; i--) s += HANZI[Math.floor(rand() * HANZI.length)];
      if (rand() < 0.7) {
        const v = (rand() * 10000).toFixed(Math.floor(rand() * 3));
        s += `${VERBS[Math.floor(rand() * VERBS.length)]}${v}${UNITS[Math.floor(rand() * UNITS.length)]}`;
      }
      parts.push(s);
    }
    const sentence = `${parts.join(rand() < 0.5 ? "，" : "、")}。${lineBreaks && ++sentences % 4 === 0 ? "\n" : ""}`;
    out.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return out.join("");
}

const repeatTo = (unit, bytes) => unit.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit))));

const CASES = [
  ["random Chinese with numbers", (b, r) => randomChinese(b, r, true)],
  ["one huge line", (b, r) => randomChinese(b, r, false)],
  ["long 、 list", (b) => `全市重点项目包括${repeatTo("新建厂房1.5万平方米、", b)}等。\n`],
  ["long ， list", (b) => `全年${repeatTo("增长1.5%，", b)}总体平稳。\n`],
  [
    "deep parentheses",
    // Each level is "（增长1.5%" (13 bytes) and its "）" (3 bytes).
    (b) => {
      const depth = Math.max(1, Math.floor(b / 16));
      return `地区生产总值${"（增长1.5%".repeat(depth)}${"）".repeat(depth)}。\n`;
    },
  ],
  ["增长1.5% repeated, no 。", (b) => repeatTo("增长1.5%", b)],
];

const dir = mkdtempSync(join(tmpdir(), "govreport-worst-"));
const harness = join(dir, "peak.cjs");
// Runs the binary in this process and reports its peak resident memory on fd 3 at exit.
writeFileSync(
  harness,
  `const fs=require("fs");process.on("exit",()=>{try{fs.writeSync(3,String(process.resourceUsage().maxRSS))}catch{}});process.argv.splice(1,1);require(process.argv[1]);`,
);

function measure(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [harness, bin, ...args], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "", LANG: "C", NO_COLOR: "1", GOVREPORT_CODE_CACHE: "0" },
    });
    let peak = "";
    let stderr = "";
    child.stdio[3].on("data", (d) => {
      peak += d;
    });
    child.stderr.on("data", (d) => {
      if (stderr.length < 4096) stderr += d;
    });
    const t0 = performance.now();
    const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - t0, peakMb: Number(peak) / 1024, status, signal, stderr });
    });
  });
}

const base = await measure(["--version"]);
console.log(`worst cases: govreport check / extract on generated texts (seed ${SEED}); times include start-up`);
console.log(
  `worst cases: baseline \`govreport --version\`: ${(base.ms / 1000).toFixed(2)} s, ${base.peakMb.toFixed(0)} MB`,
);
const rows = [["input", "size", "check", "extract"]];
for (const [name, make] of CASES) {
  const stopped = { check: false, extract: false };
  for (const kb of SIZES_KB) {
    const text = make(kb * 1024, prng(SEED + kb));
    const file = join(dir, "input.txt");
    writeFileSync(file, text);
    const actual = `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
    const cells = [];
    for (const command of ["check", "extract"]) {
      if (stopped[command]) {
        cells.push("skipped (smaller took > 10 s)");
        continue;
      }
      const r = await measure([command, file]);
      if (r.ms > STOP_AFTER_MS) stopped[command] = true;
      const what = r.signal
        ? `killed after ${(KILL_AFTER_MS / 1000).toFixed(0)} s`
        : `${(r.ms / 1000).toFixed(2)} s, ${r.peakMb.toFixed(0)} MB${r.status > 1 ? ` (exit ${r.status}: ${r.stderr.trim().split("\n")[0]?.slice(0, 80)})` : ""}`;
      cells.push(what);
    }
    rows.push([name, actual, ...cells]);
    console.log(`worst cases: ${rows.at(-1).join(" | ")}`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log("\n| input | size | `check` | `extract` |\n|---|---|---|---|");
for (const r of rows.slice(1)) console.log(`| ${r.join(" | ")} |`);
