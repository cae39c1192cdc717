/**
 * Blocks → plan draft (contract: shared/contracts/plan-import.md).
 *
 * Pure: no I/O; the reference units come in as data. The parser reads the
 * families of layouts plans come in, not any one document:
 * - numbered prose: `1.1. <task>` followed by field lines ("- Bộ phận chủ trì:
 *   …", "- Sản phẩm: …", "- Thời gian thực hiện: …");
 * - items (lettered, dashed, starred, numbered) under area headings, with a
 *   "Bộ phận thực hiện:" block shared by the items of the area;
 * - appendix tables, their header rows found by their words and repeated at
 *   page breaks, rows cut by a page break joined again, merged leading cells
 *   taken from the row above, several items per cell spread over several
 *   tasks, duplicated rows dropped;
 * - Markdown and OCR text: the readers clean the markup; words are matched
 *   folded and with one wrong letter allowed; lines cut mid-sentence are
 *   joined, page footers dropped.
 * A task takes the area of the section it sits in, recognised by the
 * section's words whatever its number.
 */
import { fold } from "../domain/text.js";
import { readTimeline } from "../domain/timeline.js";
import { createUnitMatcher, type MatchedUnit, type UnitMatcher, type UnitReference } from "../domain/unit-match.js";
import type { PlanDraft } from "../domain/plan-draft.js";
import { sourceLinesOf, type Block, type TableBlock } from "./blocks.js";
import { readDocumentFields } from "./document-fields.js";
import { SOFT_BREAK } from "./read-pdf.js";
import { areaOfHeading, hasPhrase, isTargetSection, readLabel, sectionKind, startsWithPhrase, subSectionKind, words, type FieldKind, type SectionKind } from "./keywords.js";

type Task = PlanDraft["tasks"][number];
type Target = PlanDraft["targets"][number];

// ---------------------------------------------------------------------------
// Lines

type MarkerKind = "roman" | "multi" | "num" | "paren" | "letter" | "dash" | "plus" | "star" | "bullet" | "none";

interface Line {
  text: string;
  marker: MarkerKind;
  ref: string | null;
  /** the text after the marker */
  rest: string;
  heading: number;
  /** the source lines it was read from (sourceLinesOf) */
  from?: number;
  to?: number;
}

/** Where a task came from: a range of source lines (sourceLinesOf), both ends included. */
export interface SourceSpan { from: number; to: number }

type Item = { kind: "line"; line: Line } | { kind: "table"; table: TableBlock; start: number };

const ROMAN = /^([IVXL]{1,5})\s*(?:[.:)–-]\s*|\s+(?=\p{Lu}))(.*)$/u;
const MULTI = /^(\d{1,2}(?:\s?\.\s?\d{1,2}){1,3})\s*[.)]?\s*(?=\S)(.*)$/;
const NUM = /^(\d{1,2})\s*[.)/]\s*(?!\d)(.*)$/;
const LETTER = /^([a-zđ])\s*\)\s*(.*)$/i;
const DASH = /^[-–—‒−]\s*(?=\S)(.*)$/;
const PLUS = /^\+\s*(.*)$/;
const STAR = /^\*\s*(.*)$/;
const BULLET = /^[•●○◦▪■□❖➢✓►◆→]\s*(.*)$/;

function classify(text: string, heading = 0): Line {
  let m: RegExpExecArray | null;
  const line = (marker: MarkerKind, ref: string | null, rest: string): Line => ({ text, marker, ref, rest: rest.trim(), heading });
  if ((m = ROMAN.exec(text)) && !/^[IVXL]{1,5}\s*\)/.test(text)) return line("roman", m[1], m[2]);
  if ((m = MULTI.exec(text))) return line("multi", m[1].replace(/\s/g, ""), m[2]);
  if ((m = NUM.exec(text))) return line(/^\d{1,2}\s*\)/.test(text) ? "paren" : "num", m[1], m[2]);
  if ((m = LETTER.exec(text))) return line("letter", m[1].toLowerCase(), m[2]);
  if ((m = DASH.exec(text))) return line("dash", null, m[1]);
  if ((m = PLUS.exec(text))) return line("plus", null, m[1]);
  if ((m = STAR.exec(text))) return line("star", null, m[1]);
  if ((m = BULLET.exec(text))) return line("bullet", null, m[1]);
  return line("none", null, text);
}

const FOOTER = /^(?:-\s*)?(?:trang\s*)?\d{1,3}(?:\s*(?:\/|of|tr[êe]n)\s*\d{1,3})?(?:\s*-)?$/i;
/** A footnote line as OCR leaves it: a superscript number, or a small number before a cited document ("2 Nghị định số 61/2018/NĐ-CP …"). */
const FOOTNOTE = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\p{Lu}|\d{1,2}\s+(?:Nghị định|Quyết định|Thông tư|Luật|Kế hoạch|Công văn|Chỉ thị|Nghị quyết|Hướng dẫn)\s+s[ốo]\b)/u;

function startsLower(s: string): boolean {
  return /^[\p{Ll}]/u.test(s) && !LETTER.test(s);
}

/**
 * Paragraph blocks into lines: page footers and footnotes out; a paragraph
 * that starts in lower case continues the one before (a line or page break
 * mid-sentence), as does one after a line cut at a hyphen.
 */
function paragraphs(blocks: Block[], starts: number[]): Item[] {
  const out: Item[] = [];
  let prevLine: Line | null = null;
  for (const [i, b] of blocks.entries()) {
    if (b.kind === "table") {
      out.push({ kind: "table", table: b, start: starts[i] });
      prevLine = null;
      continue;
    }
    const raw = b.text.replace(/\s+/g, " ").trim();
    if (!raw || FOOTER.test(raw) || FOOTNOTE.test(raw)) continue;
    // A footnote mark on a word ("xã¹") is no part of the text.
    const text = raw.replace(/(?<=[\p{L}.,;)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu, "");
    const digitGoesOn = /^\d/.test(text) && classify(text).marker === "none" && !/[.:;!?]$/.test(prevLine?.text ?? ".");
    if (prevLine && !b.heading && ((startsLower(text) && !/[.!?]$/.test(prevLine.text)) || /[\p{L}]-$/u.test(prevLine.text) || digitGoesOn)) {
      const joined = /[\p{L}]-$/u.test(prevLine.text) ? prevLine.text + text : `${prevLine.text} ${text}`;
      Object.assign(prevLine, classify(joined, prevLine.heading), { to: starts[i] });
      continue;
    }
    const line = { ...classify(text, b.heading ?? 0), from: starts[i], to: starts[i] };
    out.push({ kind: "line", line });
    prevLine = line;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Work items

interface Field {
  kind: FieldKind;
  monitor: boolean;
  text: string;
}

interface WorkTask {
  ref: string | null;
  area: string | null;
  title: string;
  fields: Field[];
  /** the source lines it was read from */
  from?: number;
  to?: number;
  /** from a table row: units and timeline are final */
  table?: { product: string | null; lead: MatchedUnit[]; support: MatchedUnit[]; timeline: string | null; criteria: string[] };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function stripEnd(s: string): string {
  return collapse(s).replace(/[\s;,]+$/, "");
}

const CRITERION = /(?<![\d/.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d/])/g;

/**
 * A deadline written inside a task's own text ("… gửi về Phòng Kinh tế trước
 * ngày 20/11 hàng năm", "đến ngày 31/12/2024, 100% công chức …"): only a day
 * after a word that makes it a deadline, never the date of a cited document.
 */
function deadlineIn(text: string): string | null {
  // Folded letter by letter, to cut the original text where the folded one matched.
  const at: number[] = [];
  let f = "";
  for (let i = 0; i < text.length; i++) {
    const c = /\s/.test(text[i]) ? " " : fold(text[i]);
    for (let k = 0; k < c.length; k++) at.push(i);
    f += c;
  }
  const m = /\b(?:truoc|den|cham nhat(?: la)?|han chot|hoan thanh truoc|xong truoc)\s+(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s+h[ae]ng\s+nam)?(?![\d/])/.exec(f);
  if (!m) return null;
  return text.slice(at[m.index], at[m.index + m[0].length - 1] + 1).trim();
}

/** Criterion codes named inside a text: "(tiêu chí thành phần 3.4.2)", "TCTP 6.1.1". */
function inlineCriteria(text: string): string[] {
  const out: string[] = [];
  const f = fold(text);
  for (const m of f.matchAll(/\b(?:tieu chi(?: thanh phan)?|tctp)\s*(?:so\s*)?:?\s*((?:\d{1,2}(?:\.\d{1,2}){1,3}(?:\s*[,;]\s*|\s*va\s*)?)+)/g)) {
    for (const c of criteriaOf(m[1])) if (!out.includes(c)) out.push(c);
  }
  return out;
}

function criteriaOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CRITERION)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

// ---------------------------------------------------------------------------
// Targets

interface TargetValue {
  op: string | null;
  value: number | null;
  unit: string | null;
}

function opBefore(before: string, after: string, value: number): string {
  const b = fold(before).slice(-30);
  const a = fold(after).slice(0, 20);
  if (/\btro len\b/.test(a)) return ">=";
  if (/\btro xuong\b/.test(a)) return "<=";
  if (/(toi thieu|it nhat|khong thap hon|khong duoi|khong it hon|tu)\s*$/.test(b)) return ">=";
  if (/(toi da|khong qua|khong vuot qua|khong vuot|khong cao hon|khong hon)\s*$/.test(b)) return "<=";
  if (/(duoi|thap hon|it hon)\s*$/.test(b)) return "<";
  if (/(tren|hon|vuot|cao hon|lon hon)\s*$/.test(b)) return ">";
  return value === 100 ? "=" : ">=";
}

/** "tối thiểu 98%" → >= 98 %; "Trên 50%" → > 50 %; "100%" → = 100 %; "90%" → >= 90 %. */
export function readTargetValue(text: string, bareNumber = false): TargetValue {
  const m = /(\d{1,3}(?:[.,]\d{1,2})?)\s*%/.exec(text);
  if (m) {
    const value = Number(m[1].replace(",", "."));
    return { op: opBefore(text.slice(0, m.index), text.slice(m.index + m[0].length), value), value, unit: "%" };
  }
  if (bareNumber) {
    const n = /^\s*(?:(?:tối thiểu|ít nhất|trên|dưới|tối đa|không quá|đạt)\s*)?(\d{1,4})(?!\s*[/\d])/i.exec(text);
    if (n && !(Number(n[1]) >= 1900 && Number(n[1]) <= 2100)) {
      const value = Number(n[1]);
      return { op: opBefore(text.slice(0, n.index + n[0].length - n[1].length), text.slice(n.index + n[0].length), value), value, unit: null };
    }
  }
  return { op: null, value: null, unit: null };
}

/** The clauses of a text that carry a percentage, each cut to its subject ("… để tỷ lệ hồ sơ … đạt tối thiểu 90% …" → "tỷ lệ hồ sơ … 90% …"). */
function percentClauses(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/;|\.(?=\s+\p{Lu})|\.$/u)) {
    const clause = collapse(raw);
    if (!/\d\s*%/.test(clause)) continue;
    const f = fold(clause);
    const pct = f.search(/\d\s*%/);
    const subject = f.lastIndexOf("ty le", pct);
    const start = subject > 0 && /\s(de|nham|voi|va)\s/.test(f.slice(0, subject)) ? subject : 0;
    out.push(clause.slice(start).replace(/^[\s,:;-]+/, ""));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tables

type Column = "ref" | "title" | "activity" | "remedy" | "area" | "product" | "lead" | "support" | "timeline" | "criteria" | "target" | "value" | "goal" | "monitor" | "ignore";

const HEADER_WORDS = ["giai phap", "khac phuc", "nguyen nhan", "diem", "bien phap", "ton tai", "han che", "dia diem", "stt", "tt", "nhiem vu", "noi dung", "hoat dong", "san pham", "ket qua", "chu tri", "phoi hop", "thoi gian", "kinh phi", "chi tieu", "don vi", "trach nhiem", "ghi chu", "tieu chi", "muc tieu", "co quan", "bo phan", "thuc hien", "thoi han", "tien do", "ten", "linh vuc", "cong viec", "du kien", "theo doi", "chi so", "nguon"];

const HEADER_VOCAB = new Set([
  ...HEADER_WORDS.flatMap((w) => w.split(" ")),
  ...["cu", "the", "nam", "phan", "dau", "huong", "dan", "hoan", "thanh", "du", "kien", "muc", "gia", "tri", "dat", "ghi", "chu", "so", "thu", "tu", "linh", "vuc", "va", "cac", "chinh", "hien", "giao", "cap", "lien", "quan", "nhiem", "ke", "hoach", "dang", "ky", "hanh", "dong", "han"],
]);

function isHeaderCell(text: string): boolean {
  if (!text || text.length > 80) return false;
  const t = words(text);
  if (t.length === 0 || t.length > 12) return false;
  if (!HEADER_WORDS.some((w) => hasPhrase(t, w))) return false;
  return t.filter((w) => HEADER_VOCAB.has(w) || /^\d{4}$/.test(w)).length >= Math.ceil(t.length * 0.6);
}

function cellText(cell: string[]): string {
  return collapse(cell.join(" "));
}

const ROW_REF = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.?|[a-zđ]\))$/;

function isHeaderRow(row: string[][]): boolean {
  const texts = row.map(cellText).filter(Boolean);
  if (texts.length === 0 || texts.some((t) => ROW_REF.test(t))) return false;
  if (texts.some((t) => t.length > 80)) return false;
  const hits = texts.filter(isHeaderCell).length;
  return hits >= 2 ? hits * 2 >= texts.length : texts.length === hits && hits >= 1 && texts.length <= 2 && row.length > 2 && row.slice(0, 2).every((c) => cellText(c) === "");
}

/** "(1) (2) (3)…" or "1 2 3 4": the column numbering row under a header. */
function isNumberingRow(row: string[][]): boolean {
  const texts = row.map(cellText).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t)) && texts.map((t) => Number(t.replace(/\D/g, ""))).every((n, i, a) => i === 0 || n === a[i - 1] + 1);
}

function columnRoles(header: string[]): Column[] {
  const roles: Column[] = header.map((h) => {
    const t = words(h);
    const has = (p: string) => hasPhrase(t, p);
    if (t.length === 0) return "ignore";
    if (/^(stt|tt|so tt|so thu tu|s tt)$/.test(t.join(" "))) return "ref";
    if (has("thoi gian") || has("thoi han") || has("tien do") || has("han hoan thanh") || has("moc")) return "timeline";
    if (has("phoi hop")) return "support";
    if (has("theo doi") || has("huong dan") || has("giam sat")) return "monitor";
    if (startsWithPhrase(t, "tieu chi") || has("tieu chi thanh phan") || (has("tieu chi") && !has("chi tieu"))) return "criteria";
    if (has("kinh phi") || has("ghi chu") || has("nguon") || has("diem") || has("nguyen nhan") || has("ton tai") || has("han che")) return "ignore";
    if (has("linh vuc")) return "area";
    if (has("chu tri") || has("thuc hien") || has("don vi") || has("co quan") || has("bo phan") || has("trach nhiem") || has("phu trach")) return "lead";
    if (has("chi tieu") && (has("phan dau") || has("muc") || has("nam") || has("gia tri") || has("ke hoach"))) return "value";
    if (has("san pham") || has("ket qua") || has("dau ra")) return "product";
    if (has("hoat dong")) return "activity";
    if (has("giai phap") || has("bien phap") || has("khac phuc")) return "remedy";
    if (has("nhiem vu") || has("noi dung") || has("cong viec") || has("ten")) return "title";
    if (has("chi tieu") || has("chi so")) return "target";
    if (has("phan dau") || has("gia tri") || has("muc dat") || /\b(nam|ke hoach) (19|20)\d\d\b/.test(t.join(" "))) return "goal";
    return "ignore";
  });
  // The task is the most concrete of the text columns: an activity, else a remedy, else the task itself.
  const hasRole = (r: Column) => roles.includes(r);
  if (hasRole("activity") && !hasRole("title")) roles[roles.indexOf("activity")] = "title";
  if (hasRole("remedy")) {
    if (hasRole("title") && !hasRole("activity")) roles.forEach((r, i) => { if (r === "title") roles[i] = "ignore"; });
    roles.forEach((r, i) => { if (r === "remedy") roles[i] = hasRole("activity") ? "ignore" : "title"; });
  }
  // Two task columns ("Nhóm nhiệm vụ | Nội dung công việc"): the later, more concrete one holds the task.
  const titles = roles.map((r, i) => (r === "title" ? i : -1)).filter((i) => i >= 0);
  for (const i of titles.slice(0, -1)) roles[i] = "ignore";
  // A target table's value column may be headed "Kế hoạch năm 2025" or "Mức phấn đấu".
  roles.forEach((r, i) => { if (r === "goal") roles[i] = hasRole("target") && !hasRole("value") ? "value" : "ignore"; });
  return roles;
}

interface TableState {
  roles: Column[];
  width: number;
  kind: "tasks" | "targets";
  header: string;
  /** the header rows, folded, to know them again when they repeat */
  headerRows: string[];
}

function rowIsEmpty(row: string[][]): boolean {
  return row.every((c) => cellText(c) === "");
}

function upperWords(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toLocaleUpperCase("vi");
}

/** Items cut at their soft breaks (see read-pdf.ts) until there are `count`, the breaks after a closing bracket or a full stop first. */
function splitSoft(items: string[], count: number): string[] {
  const breaks: Array<{ item: number; at: number; good: boolean }> = [];
  items.forEach((it, item) => {
    for (let at = it.indexOf(SOFT_BREAK); at >= 0; at = it.indexOf(SOFT_BREAK, at + 1)) breaks.push({ item, at, good: /[.)]\s*$/.test(it.slice(0, at)) });
  });
  const need = count - items.length;
  if (need <= 0 || breaks.length < need) return items;
  const chosen = [...breaks].sort((a, b) => Number(b.good) - Number(a.good)).slice(0, need);
  const out: string[] = [];
  items.forEach((it, item) => {
    const cuts = chosen.filter((c) => c.item === item).map((c) => c.at).sort((a, b) => a - b);
    let from = 0;
    for (const at of cuts) {
      out.push(it.slice(from, at));
      from = at + SOFT_BREAK.length;
    }
    out.push(it.slice(from));
  });
  return out.map((x) => x.trim()).filter(Boolean);
}

/** A cell cut by a page break starts in lower case, with a digit or with punctuation. */
function continues(text: string): boolean {
  return /^[\p{Ll}\d,.;:)]/u.test(text) && !/^[a-zđ]\)/.test(text);
}

// ---------------------------------------------------------------------------
// The parser

/** One matcher per reference list: building it and its cache of damaged words costs more than a parse. */
const MATCHERS = new WeakMap<UnitReference, UnitMatcher>();

export interface ParseOptions {
  units: UnitReference;
}

class Parser {
  private readonly m: UnitMatcher;
  private readonly tasks: WorkTask[] = [];
  private readonly targets: Target[] = [];
  private top: SectionKind = "unknown";
  private sub: "target" | "other" | null = null;
  private area: string | null = null;
  private areaMarker: MarkerKind | null = null;
  private taskMarker: MarkerKind | null = null;
  private current: WorkTask | null = null;
  /** tasks of the current area that wait for a shared "Bộ phận thực hiện" block */
  private areaTasks: WorkTask[] = [];
  private areaDefaults: Field[] = [];
  private shared = false;
  private sharedGroup: WorkTask[] = [];
  /** the copies of the last field in each task it went to */
  private lastFields: Field[] = [];
  private lastField: Field | null = null;
  private periodText: string | null = null;
  private table: TableState | null = null;
  private tableArea: string | null = null;
  private lastRow: { task: WorkTask | null; cells: string[][]; from?: number; to?: number } | null = null;
  /** the source line of each row of the tables read so far */
  private rowLines = new Map<string[][], number>();
  private seenRows = new Set<string>();

  constructor(opts: ParseOptions) {
    let m = MATCHERS.get(opts.units);
    if (!m) {
      m = createUnitMatcher(opts.units);
      MATCHERS.set(opts.units, m);
    }
    this.m = m;
  }

  // --- prose ---------------------------------------------------------------

  private closeArea(): void {
    this.applyDefaults();
    this.current = null;
    this.lastField = null;
    this.areaTasks = [];
    this.areaDefaults = [];
    this.shared = false;
    this.taskMarker = null;
  }

  private applyDefaults(): void {
    if (this.areaDefaults.length === 0) return;
    for (const t of this.areaTasks) {
      for (const f of this.areaDefaults) if (!t.fields.some((g) => g.kind === f.kind)) t.fields.push({ ...f });
    }
  }

  private startTask(line: Line): void {
    const task: WorkTask = { ref: line.ref, area: this.area, title: collapse(line.rest), fields: [], from: line.from, to: line.to };
    this.tasks.push(task);
    this.areaTasks.push(task);
    this.current = task;
    this.lastField = null;
    this.shared = false;
  }

  private addField(kind: FieldKind, monitor: boolean, value: string): void {
    const field: Field = { kind, monitor, text: value };
    const cur = this.current;
    if (!cur) {
      if (this.area !== null || this.top === "task") this.areaDefaults.push(field);
      else if (kind === "timeline") this.periodText ??= value;
      this.lastField = field;
      this.lastFields = [field];
      return;
    }
    // A block after several items that have no fields of their own belongs to all of them.
    if (!this.shared && cur.fields.length === 0) {
      const lastWithFields = this.areaTasks.map((t) => t.fields.length > 0).lastIndexOf(true);
      const waiting = this.areaTasks.slice(lastWithFields + 1);
      if (waiting.length >= 2 && waiting[waiting.length - 1] === cur) {
        this.shared = true;
        this.sharedGroup = waiting;
      }
    }
    const group = this.shared ? this.sharedGroup : [cur];
    this.lastFields = group.map((t) => {
      const copy = { ...field };
      t.fields.push(copy);
      return copy;
    });
    if (this.shared) this.areaDefaults.push(field);
    this.lastField = field;
  }

  /** A line that goes on with the field before it ("Quý IV năm 2024 báo cáo kết quả" after "Thời gian thực hiện: …"). */
  private appendToField(text: string): void {
    if (!this.lastField) return;
    for (const f of new Set([this.lastField, ...this.lastFields])) f.text = collapse(`${f.text} ${text}`);
  }

  /** One line; a line that goes on with the current task widens the task's source span. */
  private line(line: Line): void {
    const before = this.current;
    this.lineBody(line);
    const cur = this.current;
    if (cur && cur === before && line.to !== undefined) {
      cur.from ??= line.from;
      cur.to = Math.max(cur.to ?? line.to, line.to);
    }
  }

  private lineBody(line: Line): void {
    const rest = line.rest;
    // Top sections: "I. MỤC ĐÍCH…", "III. NHIỆM VỤ…", "PHỤ LỤC".
    if (line.marker === "roman" || /^ph[ụu]\s*l[ụu]c\b/i.test(line.text)) {
      this.closeArea();
      this.endPeriod();
      const area = areaOfHeading(rest);
      const appendix = /^ph[ụu]\s*l[ụu]c\b/i.test(line.text);
      this.top = appendix ? "task" : area ? "task" : sectionKind(rest);
      this.sub = this.top === "other" && isTargetSection(rest) ? "target" : null;
      this.area = appendix ? null : area;
      this.areaMarker = area ? "roman" : null;
      if (this.top === "period") this.pendingPeriod = true;
      return;
    }
    // Sub-headings that change what follows: "1. Mục đích", "2. Nhiệm vụ cụ thể", "3. Thời gian thực hiện".
    const headingLike = (["num", "multi", "letter", "paren"].includes(line.marker) || line.heading > 0 || (line.marker === "none" && upperWords(line.rest))) && !/[;,]$/.test(line.rest);
    const subKind = headingLike && !readLabel(line.rest) ? subSectionKind(line.rest) : null;
    if (subKind && !areaOfHeading(line.rest)) {
      this.closeArea();
      this.endPeriod();
      this.area = null;
      this.areaMarker = null;
      this.top = subKind;
      this.sub = subKind === "other" && isTargetSection(line.rest) ? "target" : null;
      if (subKind === "period") this.pendingPeriod = true;
      return;
    }
    if (this.top === "period") {
      // The whole section states the plan's period; read once it ends.
      if (this.pendingPeriod) {
        const label = readLabel(line.text);
        this.periodLines.push(label && label.kind === "timeline" ? label.value : line.text);
      }
      return;
    }
    const label = readLabel(rest) ?? (line.marker === "none" ? null : readLabel(line.text));
    const tokens = words(rest);
    // Area headings, whatever their number.
    if (!label && this.top !== "other") {
      const area = areaOfHeading(rest);
      const short = line.marker === "none" || line.marker === "dash" || line.marker === "plus" || line.marker === "star" || line.marker === "bullet" ? tokens.length <= 12 && !/\.$/.test(rest) : tokens.length <= 25;
      const isTaskStyle = this.taskMarker !== null && line.marker === this.taskMarker && this.areaMarker !== line.marker;
      if (area && short && !isTaskStyle && (line.heading > 0 || line.marker !== "none" || upperWords(rest) || (tokens.length <= 10 && !/[.;,:]$/.test(rest)))) {
        this.closeArea();
        this.area = area;
        this.areaMarker = line.marker;
        if (this.top === "unknown") this.top = "task";
        return;
      }
      // Another heading at the level of the area headings closes the area.
      if (this.areaMarker && line.marker === this.areaMarker && tokens.length <= 25 && line.marker !== this.taskMarker) {
        this.closeArea();
        this.area = null;
        this.areaMarker = line.marker;
        return;
      }
    }
    if (this.top === "other") {
      this.otherLine(line);
      return;
    }
    if (label) {
      if (label.kind === "ignore") {
        this.lastField = null;
        return;
      }
      this.addField(label.kind, label.monitor, label.value);
      return;
    }
    // Notes in brackets ("(Nội dung cụ thể tại Phụ lục 2)") are no tasks.
    if (/^\(.*\)\.?$/.test(line.text)) return;
    if (line.marker === "none" && this.current) {
      if (this.current.fields.length === 0 && !this.shared) {
        this.current.title = collapse(`${this.current.title} ${line.text}`);
        return;
      }
      if (this.lastField && line.text.length <= 200) {
        this.appendToField(line.text);
        return;
      }
      this.current = null;
      this.lastField = null;
      return;
    }
    if (this.taskMarker === null || line.marker === this.taskMarker) {
      if (this.top === "unknown" && this.area === null && line.marker === "none") return;
      if (line.marker === "none" && this.area === null) return;
      this.taskMarker ??= line.marker;
      this.startTask(line);
      return;
    }
    // A lower-level line that is no field: part of the task's text.
    if (this.current) {
      if (this.current.fields.length === 0) this.current.title = collapse(`${this.current.title} ${line.text}`);
      else if (this.lastField && line.text.length <= 200) this.appendToField(line.text);
    } else {
      this.taskMarker = line.marker;
      this.startTask(line);
    }
  }

  private pendingPeriod = false;
  private periodLines: string[] = [];

  private endPeriod(): void {
    if (!this.pendingPeriod) return;
    this.pendingPeriod = false;
    const text = collapse(this.periodLines.join(" "));
    this.periodLines = [];
    const tl = readTimeline(text, 2000);
    if (tl.milestones.length > 0 || tl.recurrence) this.periodText ??= text;
  }

  /** Lines of sections that hold no tasks: their targets ("Phấn đấu…", percentages under "Mục tiêu / Chỉ tiêu"). */
  private otherLine(line: Line): void {
    const t = words(line.rest);
    if ((line.marker === "num" || line.marker === "multi" || line.heading > 0) && t.length <= 10) {
      this.sub = isTargetSection(line.rest) ? "target" : "other";
      return;
    }
    if (this.sub !== "target") return;
    const text = collapse(line.rest);
    if (/^ph[âấa]n\s*[đd][ấa]u\b/i.test(text) && !/\d\s*%/.test(text)) {
      this.targets.push({ text, ...readTargetValue(text), monitor: [], implement: [] });
      return;
    }
    for (const clause of percentClauses(text)) this.targets.push({ text: clause, ...readTargetValue(clause), monitor: [], implement: [] });
  }

  // --- tables --------------------------------------------------------------

  private tableBlock(table: TableBlock, adjacent: boolean, start: number): void {
    table.rows.forEach((r, i) => this.rowLines.set(r, start + i));
    const rows = table.rows.filter((r) => !rowIsEmpty(r));
    if (rows.length === 0) return;
    // Header rows at the top (one or two), found by their words.
    let h = 0;
    const header: string[] = [];
    while (h < rows.length && h < 3 && isHeaderRow(rows[h])) {
      rows[h].forEach((c, i) => {
        header[i] = collapse(`${header[i] ?? ""} ${cellText(c)}`);
      });
      h++;
    }
    const width = Math.max(...rows.map((r) => r.length));
    const rowKey = (r: string[][]) => fold(r.map(cellText).join("|"));
    if (h > 0) {
      const roles = columnRoles(Array.from({ length: width }, (_, i) => header[i] ?? ""));
      const headerKey = fold(header.join("|"));
      const kind: "tasks" | "targets" = roles.includes("target") && !roles.includes("title") ? "targets" : "tasks";
      const usable = kind === "targets" ? roles.includes("target") : roles.includes("title");
      if (!usable) {
        this.table = null;
        this.proseRows(rows);
        return;
      }
      const sameColumns = this.table !== null && this.table.roles.length === roles.length && this.table.roles.every((r, i) => r === roles[i]);
      if (!(adjacent && this.table && (this.table.header === headerKey || sameColumns))) {
        this.table = { roles, width, kind, header: headerKey, headerRows: rows.slice(0, h).map(rowKey) };
        this.tableArea = this.top === "task" ? this.area : null;
        this.lastRow = null;
        this.seenRows = new Set();
      }
    } else if (!(adjacent && this.table && Math.abs(this.table.width - width) <= 1)) {
      this.table = null;
      this.proseRows(rows);
      return;
    }
    for (const row of rows.slice(h)) {
      if (isNumberingRow(row) || this.table.headerRows.includes(rowKey(row)) || isHeaderRow(row)) continue;
      this.tableRow(row);
    }
  }

  /** A table that is no task or target table: a narrow one (a letterhead, a signature block, a boxed paragraph) is read as lines; a wide one is left out. */
  private proseRows(rows: string[][][]): void {
    if (Math.max(...rows.map((r) => r.filter((c) => c.length > 0).length)) > 3) return;
    for (const row of rows) {
      const at = this.rowLines.get(row);
      for (const cell of row) for (const item of cell) this.line({ ...classify(item), from: at, to: at });
    }
  }

  private cell(row: string[][], role: Column): string[] {
    const st = this.table!;
    const out: string[] = [];
    st.roles.forEach((r, i) => {
      if (r === role && row[i]) out.push(...row[i]);
    });
    return out;
  }

  private tableRow(row: string[][]): void {
    const st = this.table!;
    const key = row.map(cellText).join("\u0001");
    if (this.seenRows.has(key)) return;
    this.seenRows.add(key);
    const refText = cellText(this.cell(row, "ref"));
    const textRole: Column = st.kind === "targets" ? "target" : "title";
    const filled = st.roles.map((r, i) => ({ r, t: cellText(row[i] ?? []) })).filter((x) => x.t);
    const firstText = filled.find((x) => x.r !== "ref")?.t ?? "";
    // A row cut by a page break: its cells continue the row before.
    if (!refText && this.lastRow && filled.length > 0 && (continues(firstText) || (this.lastRow.task === null && upperWords(firstText) && filled.every((x) => x.r === textRole || x.r === "activity")))) {
      this.lastRow.cells = this.lastRow.cells.map((c, i) => {
        const add = row[i] ?? [];
        if (add.length === 0) return c;
        if (c.length === 0) return [...add];
        const joined = [...c];
        // The page break may also have fallen between two items of the cell: a capital after it keeps that possible.
        const last = joined[joined.length - 1];
        joined[joined.length - 1] = /[\p{L}]-$/u.test(last) ? last + add[0] : `${last}${/^\p{Lu}/u.test(add[0]) ? SOFT_BREAK : " "}${add[0]}`;
        return [...joined, ...add.slice(1)];
      });
      this.lastRow.to = this.rowLines.get(row) ?? this.lastRow.to;
      this.redoRow();
      return;
    }
    // Merged leading cells: an empty cell takes the value of the row above.
    let cells = row.map((c) => [...c]);
    if (!refText && this.lastRow && st.roles.includes("ref")) {
      const above = this.lastRow.cells;
      cells = cells.map((c, i) => (c.length === 0 && st.roles[i] !== textRole && st.roles[i] !== "activity" && st.roles[i] !== "product" && st.roles[i] !== "value" ? [...(above[i] ?? [])] : c));
      if (st.kind === "targets" || this.lastRow.task) cells = cells.map((c, i) => (st.roles[i] === "ref" ? [] : c));
    }
    const at = this.rowLines.get(row);
    this.lastRow = { task: null, cells, from: at, to: at };
    this.emitRow();
  }

  private rowTasks: WorkTask[] = [];
  private rowTargets: Target[] = [];

  /** The row before was extended: build its tasks again. */
  private redoRow(): void {
    for (const t of this.rowTasks) {
      const i = this.tasks.indexOf(t);
      if (i >= 0) this.tasks.splice(i, 1);
    }
    for (const t of this.rowTargets) {
      const i = this.targets.indexOf(t);
      if (i >= 0) this.targets.splice(i, 1);
    }
    if (this.rowWasSection) this.tableArea = this.areaBeforeRow;
    this.emitRow();
  }

  private rowWasSection = false;
  private areaBeforeRow: string | null = null;

  private emitRow(): void {
    const st = this.table!;
    const row = this.lastRow!;
    const cells = row.cells;
    this.rowTasks = [];
    this.rowTargets = [];
    this.rowWasSection = false;
    this.areaBeforeRow = this.tableArea;
    // Cells cut into fewer items than the row has (a PDF cell whose paragraph breaks did not show): cut them at their soft breaks.
    const itemRoles: Column[] = ["title", "activity", "product", "lead", "support", "timeline", "criteria"];
    const most = Math.max(...st.roles.map((r, i) => (itemRoles.includes(r) ? (cells[i] ?? []).length : 0)));
    let count = most;
    // Every cell that lists items still has a soft break left: one more item in each of them.
    for (let guard = 0; guard < 5; guard++) {
      const listing = st.roles.map((_, i) => i).filter((i) => itemRoles.includes(st.roles[i]) && (cells[i]?.length ?? 0) > 0 && (cells[i].length > 1 || cells[i].some((x) => x.includes(SOFT_BREAK))));
      if (listing.length < 2 || !listing.every((i) => cells[i].length === count && cells[i].some((x) => x.includes(SOFT_BREAK)))) break;
      count++;
    }
    st.roles.forEach((r, i) => {
      if (itemRoles.includes(r) && cells[i] && cells[i].length > 0 && cells[i].length < count) cells[i] = splitSoft(cells[i], count);
    });
    const get = (role: Column) => this.cell(cells, role);
    const refText = cellText(get("ref"));
    const textRole: Column = st.kind === "targets" ? "target" : "title";
    const main = get(textRole);
    const activity = get("activity");
    const others = st.roles.map((r, i) => (r !== "ref" && r !== textRole ? cellText(cells[i] ?? []) : "")).filter(Boolean);
    const allText = collapse(`${refText} ${cellText(main)}`);
    // Section rows: "II | CẢI CÁCH THỂ CHẾ", "III CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "3 | Cải cách thủ tục hành chính".
    if (others.length === 0 && activity.length === 0) {
      const body = allText.replace(/^([IVXL]{1,5}|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+/u, "");
      const area = areaOfHeading(body);
      if (area || /^[IVXL]{1,5}\b/.test(refText) || (upperWords(body) && body.length < 120)) {
        this.rowWasSection = true;
        if (area || /^[IVXL]{1,5}\b/.test(allText)) this.tableArea = area;
        row.task = null;
        return;
      }
    }
    if (st.kind === "targets") {
      this.targetRow(cells);
      row.task = null;
      return;
    }
    const areaCell = cellText(get("area"));
    if (areaCell) this.tableArea = areaOfHeading(areaCell) ?? this.tableArea;
    const titles = activity.length > 0 ? activity : main;
    if (titles.length === 0) {
      row.task = null;
      return;
    }
    const n = titles.length;
    const pick = (items: string[], i: number): string => (items.length === n ? items[i] : collapse(items.join(" ")));
    for (let i = 0; i < n; i++) {
      const title = collapse(titles[i].replace(/^[-–+•]\s*/, ""));
      const leadText = pick(get("lead"), i);
      const roles = this.m.roles(leadText);
      const supportText = pick(get("support"), i);
      const timelineText = pick(get("timeline"), i);
      const productText = pick(get("product"), i);
      const task: WorkTask = {
        ref: refText || null,
        area: this.tableArea,
        title,
        fields: [],
        from: row.from,
        to: row.to,
        table: {
          product: productText ? stripEnd(productText) : null,
          lead: roles.lead,
          support: [...roles.support, ...this.m.split(supportText).filter((u) => !roles.support.some((s) => s.unit !== null && s.unit === u.unit))],
          timeline: timelineText ? collapse(timelineText) : null,
          criteria: [...new Set([...criteriaOf(pick(get("criteria"), i)), ...inlineCriteria(title)])],
        },
      };
      this.tasks.push(task);
      this.rowTasks.push(task);
      row.task = task;
    }
  }


  private targetRow(cells: string[][]): void {
    const get = (role: Column) => this.cell(cells, role);
    const text = collapse(get("target").join(" "));
    if (!text) return;
    const value = collapse(get("value").join(" "));
    const monitor = this.m.split(cellText(get("monitor")));
    const implement = this.m.split(cellText(get("lead")));
    const clean = text.replace(/^[-–+•]\s*/, "").replace(/[\s:;,]+$/, "");
    const parsed = readTargetValue(value, true);
    if (parsed.value === null && !value && monitor.length === 0 && implement.length === 0) return;
    const target: Target = { text: clean, ...parsed, monitor, implement };
    this.targets.push(target);
    this.rowTargets.push(target);
  }

  // --- run -----------------------------------------------------------------

  run(blocks: Block[]): { draft: PlanDraft; spans: SourceSpan[] } {
    const items = paragraphs(blocks, sourceLinesOf(blocks).starts);
    const paras: string[] = [];
    let firstSection = -1;
    for (const it of items) {
      if (it.kind === "line") {
        if (firstSection < 0 && it.line.marker === "roman") firstSection = paras.length;
        paras.push(it.line.text);
      } else {
        for (const row of it.table.rows) {
          if (!isHeaderRow(row) && row.some((c) => cellText(c))) {
            // Letterhead tables carry the document fields: their cells are paragraphs for that purpose.
            if (row.length <= 3) for (const c of row) for (const item of c) paras.push(item);
          }
        }
      }
    }
    const doc = readDocumentFields(paras, firstSection < 0 ? Math.min(paras.length, 12) : firstSection);
    let prevWasTable = false;
    for (const it of items) {
      if (it.kind === "table") {
        this.tableBlock(it.table, prevWasTable, it.start);
        prevWasTable = true;
        continue;
      }
      prevWasTable = false;
      this.line(it.line);
    }
    this.closeArea();
    this.endPeriod();
    return this.finish(doc);
  }

  private finish(doc: ReturnType<typeof readDocumentFields>): { draft: PlanDraft; spans: SourceSpan[] } {
    const year = doc.year ?? new Date().getFullYear();
    const tasks: Task[] = [];
    const sources: WorkTask[] = [];
    const seen = new Set<string>();
    const period = this.periodText ? this.periodText.replace(/^.*?(?=\bt[ừu]\s)/i, "").replace(/[.\s]+$/, "") : null;
    for (const w of this.tasks) {
      const t = this.finishTask(w, year, period);
      if (!t.title) continue;
      // A row or paragraph printed twice by a faulty conversion is one task.
      const key = `${w.table ? "t" : "p"}|${t.ref ?? ""}|${fold(t.title)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      tasks.push(t);
      sources.push(w);
    }
    // Targets from the tasks: a percentage in a product or a title.
    const targets = [...this.targets];
    const byText = new Map(targets.map((t) => [fold(t.text), t]));
    const addTarget = (text: string, lead: MatchedUnit[], monitor: MatchedUnit[]) => {
      const key = fold(text);
      const existing = byText.get(key);
      if (existing) {
        for (const u of lead) if (!existing.implement.some((e) => e.unit === u.unit && e.text === u.text)) existing.implement.push(u);
        return;
      }
      const target = { text, ...readTargetValue(text), monitor, implement: [...lead] };
      targets.push(target);
      byText.set(key, target);
    };
    tasks.forEach((t, k) => {
      const w = sources[k];
      const monitor = !w.table && w.fields.some((f) => f.kind === "support" && f.monitor) ? t.support : [];
      if (t.product && /\d\s*%/.test(t.product)) addTarget(t.product, t.lead, monitor);
      if (/\d\s*%/.test(t.title)) for (const clause of percentClauses(t.title)) addTarget(clause, t.lead, monitor);
    });
    const spans = sources.map((w) => ({ from: w.from ?? 0, to: Math.max(w.to ?? w.from ?? 0, w.from ?? 0) }));
    return { draft: { document: doc, targets, tasks }, spans };
  }

  private finishTask(w: WorkTask, year: number, period: string | null): Task {
    let lead: MatchedUnit[] = [];
    let support: MatchedUnit[] = [];
    let product: string | null = null;
    let timelineText: string | null = null;
    let criteria: string[] = [];
    const addUnits = (list: MatchedUnit[], units: MatchedUnit[]) => {
      for (const u of units) if (!list.some((x) => (u.unit !== null ? x.unit === u.unit : x.unit === null && fold(x.text) === fold(u.text)))) list.push(u);
    };
    if (w.table) {
      lead = w.table.lead;
      support = w.table.support;
      product = w.table.product;
      timelineText = w.table.timeline;
      criteria = w.table.criteria;
    } else {
      const products: string[] = [];
      const times: string[] = [];
      for (const f of w.fields) {
        const value = collapse(f.text);
        if (!value) continue;
        if (f.kind === "lead") {
          const r = this.m.roles(value);
          addUnits(lead, r.lead);
          addUnits(support, r.support);
        } else if (f.kind === "support") addUnits(support, this.m.split(value));
        else if (f.kind === "product") products.push(value);
        else if (f.kind === "timeline") times.push(value);
        else if (f.kind === "criteria") criteria.push(...criteriaOf(value).filter((c) => !criteria.includes(c)));
      }
      for (const c of inlineCriteria(w.title)) if (!criteria.includes(c)) criteria.push(c);
      product = products.length ? products.join("; ") : null;
      timelineText = times.length ? times.join("; ") : null;
    }
    const text = timelineText ?? deadlineIn(w.title) ?? period;
    const tl = text ? readTimeline(text, year) : null;
    return {
      ref: w.ref,
      area: w.area,
      title: collapse(w.title),
      product,
      lead,
      support,
      timeline: tl ? { text: tl.text, milestones: tl.milestones, due: tl.due, recurrence: tl.recurrence } : { text: null, milestones: [], due: null, recurrence: null },
      criteria,
    };
  }
}

/** Reads blocks into a plan draft. Never throws on odd input: what it cannot read stays empty. */
export function parseBlocks(blocks: Block[], opts: ParseOptions): PlanDraft {
  return new Parser(opts).run(blocks).draft;
}

/** The draft with, per task, the span of source lines (sourceLinesOf) it was read from. */
export function parseBlocksWithSpans(blocks: Block[], opts: ParseOptions): { draft: PlanDraft; spans: SourceSpan[] } {
  return new Parser(opts).run(blocks);
}
