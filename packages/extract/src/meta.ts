import { type JurisdictionLevel, parseChineseNumber } from "@govreport/schema";
import { type ExtractWarning, warn } from "./codes.js";
import { findPeriodMarkers, type YearContext } from "./periods.js";
import type { IndexedSection } from "./sections.js";

export interface Meta {
  title?: string;
  delivered?: string;
  sessionBody?: string;
  term?: number;
  meeting?: number;
  jurisdiction?: string;
  level?: JurisdictionLevel;
  /** The place was read from the `# source:` line (the opening lines name none). */
  jurisdictionFromSourceLine?: boolean;
  speaker?: string;
  /** The year the report was delivered, when the text says so. */
  deliveredYear?: number;
  deliveredMonth?: number;
}

const HEAD = 1500;
/** A title is at most this long (政府工作报告 with a place and a year, or a news headline). */
const MAX_TITLE = 40;
/** Sentence punctuation, or the separators of a web page's breadcrumb: not a title. */
const NOT_TITLE = /[。，,；;！!？?:：>＞›»|｜]|首页|当前位置/;

/** The report's identity as its opening lines print it: title, date and congress, speaker. */
export function readMeta(scan: string, bodyStart: number): Meta {
  const head = scan.slice(bodyStart, bodyStart + HEAD);
  const meta: Meta = {};
  const lines = head
    .split("\n")
    .map((l) => l.replace(/[\s\u3000]+/g, " ").trim())
    .filter((l) => l.length > 0);
  // The title is a short line of its own: not a sentence that mentions the report (…作政府工作报告时说，…),
  // a photo caption (…作政府工作报告。河北日报记者…摄) or a web page's breadcrumb (首页 > 政务公开 > 政府工作报告).
  // A date line run into it (政府工作报告——2025年1月13日在…上) is a subtitle, not part of it.
  // A bare 政府工作报告 (a page's heading above the title) gives way to a fuller title further down.
  const titles = lines
    .map((l) => l.replace(/ /g, "").split(/——|—(?=\d)/)[0] ?? "")
    .filter((l) => l.includes("政府工作报告") && l.length <= MAX_TITLE && !NOT_TITLE.test(l));
  const titleLine = titles.find((l) => l.replace(/^[《“]|[》”]$/g, "") !== "政府工作报告") ?? titles[0];
  if (titleLine) meta.title = titleLine.replace(/^[《“]|[》”]$/g, "");
  const d = /(\d{4})年(\d{1,2})月(\d{1,2})日[^\n]{0,4}?在([^\n]{2,60}?)上/.exec(head);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= new Date(Date.UTC(y, m, 0)).getUTCDate()) {
      meta.delivered = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      meta.deliveredYear = y;
      meta.deliveredMonth = m;
    }
    const body = /^(.*?第([一二三四五六七八九十]+)届人民代表大会)(?:第([一二三四五六七八九十]+)次会议)?/.exec(
      d[4] ?? "",
    );
    if (body) {
      meta.sessionBody = body[1];
      meta.term = cn(body[2]);
      meta.meeting = cn(body[3]);
    }
  }
  const place =
    // 第十六届人民代表大会, or the short form 十六届人大 (闫继红在保定市十六届人大七次会议上).
    /([\u4e00-\u9fa5]{2,14}?)第?[一二三四五六七八九十]+届人(?:民代表)?大/.exec(head)?.[1] ??
    /代表([\u4e00-\u9fa5]{2,14}?)人民政府/.exec(head)?.[1] ??
    /([\u4e00-\u9fa5]{2,14}?)人民政府(?:区长|市长|县长|镇长|乡长|省长|主席|旗长)/.exec(head)?.[1];
  const name = place?.replace(/^.*[在]/, "").replace(/^(?:代表|我代表)/, "");
  // "在市十六届人大" names no place: one character left is a suffix alone.
  if (name && name.length >= 2) {
    meta.jurisdiction = name;
    meta.level = levelOf(name);
  } else if (bodyStart > 0) {
    // The opening lines name no place (a digest that starts with the plan): the `# source:` line
    // often names the file after it (保定市_2024_report.txt). Taken only when the text itself
    // prints the place's name (without its suffix) several times, and said in a warning.
    const named = /([\u4e00-\u9fa5]{2,12}?(?:自治区|省|市|区|县|旗))(?![\u4e00-\u9fa5])/.exec(
      scan.slice(0, bodyStart),
    )?.[1];
    const stem = named?.replace(/(?:自治区|省|市|区|县|旗)$/, "");
    if (named && stem && stem.length >= 2 && scan.slice(bodyStart).split(stem).length - 1 >= 3) {
      meta.jurisdiction = named;
      meta.level = levelOf(named);
      meta.jurisdictionFromSourceLine = true;
    }
  }
  const speaker = lines.find(
    (l) =>
      /^(?:[\u4e00-\u9fa5]{2,16}(?:区长|市长|县长|镇长|乡长|省长|主席|旗长) )?[\u4e00-\u9fa5] ?[\u4e00-\u9fa5]{1,3}$/.test(
        l,
      ) && !/报告|代表|同志/.test(l),
  );
  if (speaker) {
    const parts = speaker.split(" ");
    // "李 灿" is one name spaced out; "保定市人民政府市长 郭建英" is a title and a name.
    const name = parts.length > 1 && parts[0] && parts[0].length > 3 ? parts.slice(1).join("") : parts.join("");
    if (name.length >= 2 && name.length <= 4) meta.speaker = name;
  }
  return meta;
}

function cn(s: string | undefined): number | undefined {
  if (!s) return undefined;
  try {
    const n = parseChineseNumber(s);
    return n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** The level of government a place name's suffix implies. 市 is read as a prefecture-level city, except 北京, 天津, 上海 and 重庆. */
export function levelOf(name: string): JurisdictionLevel {
  // The four municipalities directly under the central government are provincial-level.
  if (/^(?:北京|天津|上海|重庆)市?$/.test(name)) return "provincial";
  if (/街道$/.test(name)) return "street";
  if (/(?:省|自治区)$/.test(name) && !/(?:市|县)/.test(name)) return "provincial";
  if (/镇$/.test(name)) return "town";
  if (/乡$/.test(name)) return "township";
  if (/(?:县|旗)$/.test(name)) return "county";
  if (/区$/.test(name)) return "district";
  if (/市$/.test(name)) return "prefecture";
  return "district";
}

/**
 * The years relative phrases resolve against. `year` is the year the report is delivered in
 * (options.year, else the date line, else the first year printed near the start, else the most
 * printed year); the review year is the year before when the review heading says 过去一年 or
 * the report is delivered before July without saying 上半年.
 */
export function inferYears(
  scan: string,
  bodyStart: number,
  meta: Meta,
  sections: readonly IndexedSection[],
  options: { year?: number; reportPeriod?: string },
  warnings: ExtractWarning[],
): YearContext {
  let year = options.year ?? meta.deliveredYear;
  if (year === undefined) {
    const early = /(?:^|[^\d])((?:19|20)\d\d)年/.exec(scan.slice(bodyStart, bodyStart + 300));
    if (early) year = Number(early[1]);
  }
  if (year === undefined) {
    const counts = new Map<number, number>();
    // A year in a document's title (《…规划（2023—2035年）》) names that document's horizon, not the report's year.
    const untitled = scan.replace(/《[^》\n]{0,80}》/g, "");
    for (const m of untitled.matchAll(/(?:^|[^\d])((?:19|20)\d\d)年/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (top) year = top[0];
  }
  // A text that prints no year (a digest of the plan part): the `# source:` comment line often names
  // the file or page with the year (保定市_2024_report.txt), which is better than today's date.
  const sourceYear =
    year === undefined && bodyStart > 0
      ? /(?:^|[^\dA-Za-z])((?:19|20)\d\d)(?![\dA-Za-z])/.exec(scan.slice(0, bodyStart))
      : null;
  if (sourceYear) {
    year = Number(sourceYear[1]);
    warn(
      warnings,
      "meta.year-from-source-line",
      `no year found in the text: the report year is taken from the # source: line (${year}); pass options.year`,
    );
  }
  if (year === undefined) {
    year = new Date().getUTCFullYear();
    warn(
      warnings,
      "meta.year-missing",
      `no year found in the text: the report year is taken as the current year (${year}); pass options.year`,
    );
  }
  const review = sections.find((s) => s.level <= 1 && s.mode === "review" && s.kind !== "glossary");
  const plan = sections.find((s) => s.level <= 1 && s.mode === "plan");
  const explicit = (h: string | undefined) => {
    const m = h ? /((?:19|20)\d\d)年(?!\d|月)/.exec(h) : null;
    return m ? Number(m[1]) : undefined;
  };
  // Headings as the scan text prints them (digits ASCII, wrapped lines joined): their years are read with \d.
  const headingOf = (sec: IndexedSection | undefined) =>
    sec ? scan.slice(sec.startIndex, sec.headingEndIndex) : undefined;
  let reviewYear = explicit(headingOf(review));
  if (reviewYear === undefined) {
    const h = headingOf(review) ?? "";
    if (/过去一年|去年|上年/.test(h)) reviewYear = year - 1;
    else if (/上半年|今年|本年|前三季度/.test(h)) reviewYear = year;
    else if (meta.deliveredMonth !== undefined && meta.deliveredMonth <= 6 && options.year === undefined)
      reviewYear = year - 1;
    else reviewYear = year;
  }
  const planYear = explicit(headingOf(plan)) ?? Math.max(year, reviewYear);
  const base: YearContext = { year, reviewYear, planYear, reviewPeriod: String(reviewYear) };
  let reviewPeriod = options.reportPeriod;
  if (!reviewPeriod && review) {
    const markers = findPeriodMarkers(headingOf(review) ?? "", base, () => "review").filter(
      (m) => m.period && !m.reference,
    );
    reviewPeriod = markers[0]?.period;
  }
  return { ...base, reviewPeriod: reviewPeriod ?? String(reviewYear) };
}
