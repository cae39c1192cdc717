/**
 * Reading the "Thời gian thực hiện" of a plan task into milestones, a due date
 * and a recurrence (contract: shared/contracts/plan-import.md, "### Timelines").
 *
 * Pure: no I/O. The text is folded (see text.ts) so that matching is
 * insensitive to diacritics and tolerant of common OCR damage ("Quy IV/2025",
 * "hàng thảng", "thudng xuyén", "năm2025", "Quý IV//2025", "31/3/ 2025").
 *
 * Rules, in short:
 * - a quarter, a month, a half-year, a part of a year or a year ends on its
 *   last day (Quý I → 31/3, tháng 2/2024 → 29/02/2024, đầu năm → 31/3,
 *   giữa năm → 30/6, cuối năm / cả năm / trong năm / năm 2025 → 31/12);
 * - a day ("ngày 15/11/2024", "15-11-2024", "ngày 15 tháng 11 năm 2024",
 *   "trước ngày 20/11", "chậm nhất là ngày 31/01/2025") is a deadline on that
 *   day; a day without year takes the plan year; impossible days are dropped;
 * - "trước quý II" ends with quý I, "trước tháng 7" with June, "trước năm
 *   2025" with 2024; "trước ngày X" is still X;
 * - a range ("Quý III-IV/2025", "từ tháng 3 đến tháng 6/2025", "từ đầu năm
 *   2024 đến ngày 15/11/2024") counts by its end only; a list ("quý II và
 *   quý IV năm 2025") gives every member; members without a year take the
 *   year written after them in the same range or list, otherwise the plan
 *   year; a year written in the text always wins over the plan year;
 * - milestones keep their order of appearance, without duplicates; due is the
 *   latest one;
 * - a recurring timeline without any concrete date runs to 31/12 of the plan
 *   year; a conditional timeline ("khi có hướng dẫn…", "theo lộ trình phê
 *   duyệt") without a concrete date and without a stated cadence has no
 *   milestone, no due date and no recurrence.
 */
import { daysInMonth, isValidYmd, ymd, type IsoDate } from "./dates.js";
import { halfPeriod, monthPeriod, quarterPeriod, yearPeriod } from "./periods.js";
import { fold } from "./text.js";

export type Recurrence = "continuous" | "monthly" | "quarterly" | "semiannual" | "annual" | "periodic";

export interface Timeline {
  text: string;
  milestones: string[];
  due: string | null;
  recurrence: Recurrence | null;
}

type Kind = "date" | "month" | "quarter" | "half" | "yearpart" | "year";

interface Item {
  kind: Kind;
  /** month (date, month), quarter number, half number; unused otherwise */
  n: number;
  /** day of month (date) */
  day: number;
  /** yearpart: which part of the year */
  part: "dau" | "giua" | "cuoi";
  /** year written in the text (or taken from the range / list it sits in) */
  year: number | null;
  /** "trước <period>": the period just before */
  before: boolean;
  /** the start of a range: does not count */
  dropped: boolean;
}

interface Token {
  start: number;
  end: number;
  items: Item[];
}

// ---------------------------------------------------------------------------
// Word patterns on folded text, with the usual OCR confusions.

const NGAY = "ng[ad]y";
const THANG = "th[ae]ng";
const QUY = "qu[yi]";
const NAM = "n[aed]m";
const TRUOC = "tr[uw][oed]c";
const PREFIX = "(dau|giua|giwa|cu[oed]i|het)";

/** What may stand between a number and its year: "/2025", "//2025", " /2025", " năm 2025", "năm2025", ", năm 2025", " 2025". */
const YEAR_AFTER = new RegExp(`(?:\\s*[\\/\\-.]+\\s*|\\s*,?\\s*${NAM}\\s*|\\s+)(\\d{4})(?!\\d)`, "y");
const YEAR_AFTER_NAM = /\s*[/\-.]?\s*(\d{4})(?!\d)/y;

const RANGE_WORD = /^(?:-|–|—|~|den(?: het)?|toi)$/;
const CONNECTOR_SYM = /\s*(,|&|\+|-|–|—|~)\s*/y;
const CONNECTOR_WORD = /\s+(va|hoac|den het|den|toi)\s+/y;

const MONTH_NUM = /(\d{1,2})(?!\d)/y;
const QUARTER_NUM = /([ivl]{1,4}|[1-4])(?![a-z0-9])/y;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

const MONTH_WORD = new RegExp(`${THANG}\\s*`, "y");
const QUARTER_WORD = new RegExp(`(?:${QUY}\\s*|q(?=[1-4]))`, "y");
const PERIOD_HEAD = new RegExp(`(?:${PREFIX}\\s*)?(?:(${THANG})\\s*|(${QUY})\\s*|q(?=[1-4]))`, "y");

const DATE_ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/y;
const DATE_WORDS = new RegExp(
  `${NGAY}\\s*(\\d{1,2})\\s*,?\\s*${THANG}\\s*(\\d{1,2})(?!\\d)(?:\\s*,?\\s*${NAM}\\s*(\\d{4})(?!\\d)|\\s*[\\/\\-.]+\\s*(\\d{4})(?!\\d))?`,
  "y",
);
const DATE_FULL = new RegExp(`(?:${NGAY}\\s*)?(\\d{1,2})\\s*([\\/\\-.]+)\\s*(\\d{1,2})\\s*([\\/\\-.]+)\\s*(\\d{4})(?!\\d)(?!\\s*\\/\\s*[a-z])`, "y");
const DATE_NO_YEAR = new RegExp(
  `(?:${NGAY}|${TRUOC}(?:\\s*${NGAY})?|den(?:\\s*het)?(?:\\s*${NGAY})?|toi(?:\\s*${NGAY})?|han(?:\\s*${NGAY})?|ch[ad]m\\s*nh[ae]t(?:\\s*la)?(?:\\s*${NGAY})?)\\s*(\\d{1,2})\\s*[\\/.\\-]\\s*(\\d{1,2})(?!\\d)(?!\\s*[\\/\\-.]+\\s*\\d)(?![a-z])`,
  "y",
);

const HALF = new RegExp(`(?:(?:0?6|sau)\\s*${THANG}|nua)\\s*(dau|cu[oed]i)\\s*${NAM}(?![a-z])`, "y");
const YEAR_PART = new RegExp(`${PREFIX}\\s*${NAM}(?![a-z])`, "y");
const YEAR_WHOLE = new RegExp(`(?:trong|ca|suot|quanh)\\s+${NAM}(?![a-z])`, "y");
const YEAR_ALONE = new RegExp(`${NAM}\\s*[\\/\\-.]?\\s*(\\d{4})(?!\\d)(?:\\s*(?:-|–|—|~|den|toi)\\s*(?:${NAM}\\s*)?(\\d{4})(?!\\d))?`, "y");

/** Words after which a bare "năm 2025" is a time of execution, not a label ("kết quả năm 2024"). */
const YEAR_ALONE_CONTEXT = /(?:^|[;,.:()[\]\-–—+/*]|\b(?:trong|ca|den|het|tu|vao|suot|quanh|thuc hien|hoan thanh|trien khai|ban hanh|thoi gian|thoi han|han))\s*$/;
const BEFORE_CONTEXT = new RegExp(`\\b${TRUOC}\\s*$`);
/** A document reference right before a date: "Nghị định số 59/2019/NĐ-CP ngày 01/7/2019", "Kế hoạch số 09 ngày …". */
const DOC_REF_CONTEXT = /(?:\d\s*\/\s*[a-z][a-z0-9/.\-]*|\bso\s*:?\s*\d+)\s*,?\s*$/;

function item(kind: Kind, fields: Partial<Item>): Item {
  return { kind, n: 0, day: 0, part: "cuoi", year: null, before: false, dropped: false, ...fields };
}

function match(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

function yearOf(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function partOf(word: string): "dau" | "giua" | "cuoi" {
  if (word === "dau") return "dau";
  if (word.startsWith("giu") || word === "giwa") return "giua";
  return "cuoi";
}

// ---------------------------------------------------------------------------
// Tokens

function readDate(s: string, at: number): Token | null {
  const before = s.slice(Math.max(0, at - 60), at);
  let m = match(DATE_ISO, s, at);
  if (m && isValidYmd(+m[1], +m[2], +m[3])) {
    return { start: at, end: at + m[0].length, items: [item("date", { year: +m[1], n: +m[2], day: +m[3] })] };
  }
  let found: { end: number; day: number; month: number; year: number | null } | null = null;
  m = match(DATE_WORDS, s, at);
  if (m) found = { end: at + m[0].length, day: +m[1], month: +m[2], year: yearOf(m[3] ?? m[4]) };
  if (!found) {
    m = match(DATE_FULL, s, at);
    // "31/3/ 2025" yes, "1-6/2025" (months 1 to 6?) no: both separators must agree.
    if (m && m[2].replace(/\s/g, "")[0] === m[4].replace(/\s/g, "")[0]) found = { end: at + m[0].length, day: +m[1], month: +m[3], year: +m[5] };
  }
  if (!found) {
    m = match(DATE_NO_YEAR, s, at);
    if (m) found = { end: at + m[0].length, day: +m[1], month: +m[2], year: null };
  }
  if (!found) return null;
  // An impossible day ("ngày 29 tháng 2 năm 2025") is no milestone, and its
  // words are used up: "tháng 2 năm 2025" inside it is no month either.
  const impossible = found.month < 1 || found.month > 12 || found.day < 1 || found.day > daysInMonth(found.year ?? 2024, found.month);
  if (impossible || DOC_REF_CONTEXT.test(before)) return { start: at, end: found.end, items: [] };
  return { start: at, end: found.end, items: [item("date", { n: found.month, day: found.day, year: found.year })] };
}

/** "tháng 3", "quý III-IV/2025", "tháng 3, 6 và 9 năm 2025", "quý III đến quý IV năm 2025", "cuối tháng 6", "Q4/2025". */
function readPeriodList(s: string, at: number): Token | null {
  const head = match(PERIOD_HEAD, s, at);
  if (!head) return null;
  const kind: Kind = head[2] !== undefined ? "month" : "quarter";
  const numRe = kind === "month" ? MONTH_NUM : QUARTER_NUM;
  const wordRe = kind === "month" ? MONTH_WORD : QUARTER_WORD;
  const readNum = (pos: number): { n: number; end: number } | null => {
    const m = match(numRe, s, pos);
    if (!m) return null;
    const n = kind === "month" ? +m[1] : ROMAN[m[1].replace(/l/g, "i")] ?? 0;
    if (kind === "month" ? n < 1 || n > 12 : n === 0) return null;
    return { n, end: pos + m[0].length };
  };
  let pos = at + head[0].length;
  const first = readNum(pos);
  if (!first) return null;
  const items: Item[] = [];
  const prefix = head[1];
  let num: { n: number; end: number } | null = first;
  while (num) {
    pos = num.end;
    const y = match(YEAR_AFTER, s, pos);
    const it = item(kind, { n: num.n, year: y ? +y[1] : null });
    if (y) pos += y[0].length;
    items.push(it);
    num = null;
    // A further member: ", 6", " và quý IV", "-IV", " đến tháng 6".
    const c = match(CONNECTOR_SYM, s, pos) ?? match(CONNECTOR_WORD, s, pos);
    if (!c) break;
    let next = pos + c[0].length;
    const w = match(wordRe, s, next);
    if (w) next += w[0].length;
    const isRange = RANGE_WORD.test(c[1]);
    // "Tháng 3/2024, 2 lần": a bare number after a dated member is not another month.
    if (!w && !isRange && it.year !== null) break;
    const more = readNum(next);
    if (!more) break;
    if (isRange) it.dropped = true;
    num = more;
  }
  for (let i = items.length - 2; i >= 0; i--) items[i].year ??= items[i + 1].year;
  const token: Token = { start: at, end: pos, items };
  if (!prefix && BEFORE_CONTEXT.test(s.slice(Math.max(0, at - 12), at))) items[0].before = true;
  return token;
}

function readYearish(s: string, at: number): Token | null {
  let m = match(HALF, s, at);
  if (m) {
    const y = match(YEAR_AFTER_NAM, s, at + m[0].length);
    return { start: at, end: at + m[0].length + (y ? y[0].length : 0), items: [item("half", { n: m[1] === "dau" ? 1 : 2, year: y ? +y[1] : null })] };
  }
  m = match(YEAR_PART, s, at);
  if (m) {
    const y = match(YEAR_AFTER_NAM, s, at + m[0].length);
    return { start: at, end: at + m[0].length + (y ? y[0].length : 0), items: [item("yearpart", { part: partOf(m[1]), year: y ? +y[1] : null })] };
  }
  m = match(YEAR_WHOLE, s, at);
  if (m) {
    const y = match(YEAR_AFTER_NAM, s, at + m[0].length);
    return { start: at, end: at + m[0].length + (y ? y[0].length : 0), items: [item("year", { year: y ? +y[1] : null })] };
  }
  m = match(YEAR_ALONE, s, at);
  if (m) {
    const context = s.slice(Math.max(0, at - 16), at);
    const before = BEFORE_CONTEXT.test(context);
    if (!before && !YEAR_ALONE_CONTEXT.test(context)) return { start: at, end: at + m[0].length, items: [] };
    const items = [item("year", { year: +m[1], before })];
    if (m[2] !== undefined) {
      items[0].dropped = true;
      items.push(item("year", { year: +m[2] }));
    }
    return { start: at, end: at + m[0].length, items };
  }
  return null;
}

function scan(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (i > 0 && /[a-z0-9]/.test(s[i - 1])) {
      i++;
      continue;
    }
    const t = readDate(s, i) ?? readYearish(s, i) ?? readPeriodList(s, i);
    if (t) {
      tokens.push(t);
      i = Math.max(t.end, i + 1);
    } else {
      i++;
    }
  }
  return tokens.filter((t) => t.items.length > 0);
}

/** Ranges and lists that span tokens: "từ tháng 3/2025 đến ngày 15/6/2025", "tháng 10 đến hết quý I/2025". */
function link(s: string, tokens: Token[]): void {
  for (let k = tokens.length - 2; k >= 0; k--) {
    const a = tokens[k];
    const b = tokens[k + 1];
    const gap = s.slice(a.end, b.start).trim();
    const range = RANGE_WORD.test(gap);
    if (!range && !/^(?:va|hoac|&|\+)$/.test(gap)) continue;
    const last = a.items[a.items.length - 1];
    last.year ??= b.items[0].year;
    for (let i = a.items.length - 2; i >= 0; i--) a.items[i].year ??= a.items[i + 1].year;
    if (range) for (const it of a.items) it.dropped = true;
  }
}

function validYear(y: number): boolean {
  return Number.isInteger(y) && isValidYmd(y, 12, 31);
}

/** The last day of what the item names, via periods.ts; null when it is not a real date. */
function resolve(it: Item, planYear: number): IsoDate | null {
  const y = it.year ?? planYear;
  if (!Number.isInteger(y)) return null;
  switch (it.kind) {
    case "date":
      return isValidYmd(y, it.n, it.day) ? ymd(y, it.n, it.day) : null;
    case "month": {
      const [yy, m] = it.before ? (it.n === 1 ? [y - 1, 12] : [y, it.n - 1]) : [y, it.n];
      return validYear(yy) ? monthPeriod(yy, m).end : null;
    }
    case "quarter": {
      const [yy, q] = it.before ? (it.n === 1 ? [y - 1, 4] : [y, it.n - 1]) : [y, it.n];
      return validYear(yy) ? quarterPeriod(yy, q).end : null;
    }
    case "half":
      return validYear(y) ? halfPeriod(y, it.n).end : null;
    case "yearpart":
      if (!validYear(y)) return null;
      return it.part === "dau" ? quarterPeriod(y, 1).end : it.part === "giua" ? halfPeriod(y, 1).end : yearPeriod(y).end;
    case "year": {
      const yy = it.before ? y - 1 : y;
      return validYear(yy) ? yearPeriod(yy).end : null;
    }
  }
}

// ---------------------------------------------------------------------------
// Recurrence

const DINH_KY = "d[iy]nh\\s*k[yi]";
const HANG = "(?:h[ae]ng|moi)";
/** Words that make "quy" a regulation ("theo quy định"), not a quarter. */
const NOT_QUARTER = "(?!\\s*(?:(?:dinh|che|trinh|hoach|mo|tac|uoc|chuan|pham|luat|[ivl]+)(?![a-z])|[1-4](?![0-9])))";

const RECURRENCE: [Recurrence, RegExp][] = [
  ["monthly", new RegExp(`\\b(?:${HANG}|${DINH_KY}(?:\\s*h[ae]ng)?|theo|bao cao)\\s*${THANG}(?![a-z])(?!\\s*\\d)`)],
  ["quarterly", new RegExp(`\\b(?:${HANG}|${DINH_KY}(?:\\s*h[ae]ng)?|theo|bao cao)\\s*${QUY}(?![a-z])${NOT_QUARTER}`)],
  [
    "semiannual",
    new RegExp(
      `\\b(?:${DINH_KY}|${HANG})\\s*(?:0?6|sau)\\s*${THANG}|\\b(?:0?6|sau)\\s*${THANG}\\s*(?:\\/|mot)\\s*lan|\\bbao cao\\s*(?:${DINH_KY}\\s*)?0?6\\s*${THANG}(?![a-z])(?!\\s*(?:dau|cu[oed]i)\\s*${NAM})|\\b(?:${DINH_KY}|${HANG})\\s*nua\\s*${NAM}`,
    ),
  ],
  ["continuous", new RegExp(`\\bth[uw][oed]?ng\\s*xuy[ea]n|\\blien\\s*tuc\\b|\\b(?:trong|ca|suot|quanh)\\s+${NAM}(?![a-z])|\\b${HANG}\\s*${NGAY}(?![a-z])`)],
  ["annual", new RegExp(`\\b(?:${HANG}|${DINH_KY}(?:\\s*h[ae]ng)?)\\s*${NAM}(?![a-z])(?!\\s*\\d)`)],
  ["periodic", new RegExp(`\\b${DINH_KY}(?![a-z])|\\b${HANG}\\s*tuan(?![a-z])`)],
];

/** Timelines that wait on something else instead of naming a time. */
const CONDITION = /\bkhi\b|\btheo\s+(?:chuong trinh|lo trinh|ke hoach|tien do|yeu cau|chi dao|huong dan|thoi han|thong bao|van ban)|\bphe duyet\b|\bkip thoi\b|\bdung tien do\b|\bdung thoi han\b|\btuy\b/;

function recurrenceOf(s: string): Recurrence | null {
  for (const [kind, re] of RECURRENCE) if (re.test(s)) return kind;
  return null;
}

// ---------------------------------------------------------------------------

/** Reads a task's "Thời gian thực hiện" against the plan year. Never throws. */
export function readTimeline(text: string, planYear: number): Timeline {
  const original = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
  const s = fold(original);
  const tokens = scan(s);
  link(s, tokens);
  const milestones: string[] = [];
  for (const t of tokens) {
    for (const it of t.items) {
      if (it.dropped) continue;
      const iso = resolve(it, planYear);
      if (iso && !milestones.includes(iso)) milestones.push(iso);
    }
  }
  let recurrence = recurrenceOf(s);
  if (milestones.length === 0 && recurrence !== null) {
    if ((recurrence === "periodic") && CONDITION.test(s)) recurrence = null;
    else if (validYear(planYear)) milestones.push(yearPeriod(planYear).end);
  }
  const due = milestones.length ? milestones.reduce((a, b) => (b > a ? b : a)) : null;
  return { text: original, milestones, due, recurrence };
}
