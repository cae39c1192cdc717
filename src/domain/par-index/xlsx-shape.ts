/**
 * A criteria set as an editable workbook, as rows of strings both ways
 * (reading and writing the .xlsx file itself is done elsewhere):
 * - sheet "Thông tin chung": one row per field of the set (label | value);
 * - sheet "Tiêu chí": one row per node, depth first, codes giving the tree.
 * Rule parameters are readable text ("≥97%: 1,5; ≥90%: 1; <90%: 0").
 * Errors name the row and column as a spreadsheet shows them (header = row 1).
 * Pure: no I/O.
 */
import { AREAS, type AreaCode } from "../areas.js";
import { formatViDate, isIsoDate, parseViDate } from "../dates.js";
import { AppError } from "../errors.js";
import { fold } from "../text.js";
import { METHOD_LABELS, NA_LABELS, RULE_LABELS, parseViNumber, viNumber, walk } from "./tree.js";
import type { ClassBand, CriteriaSet, CriterionNode, Method, NotApplicable, Rule, RuleKind, Tier } from "./types.js";
import { checkCriteriaSet } from "./validate.js";

export const INFO_SHEET = "Thông tin chung";
export const CRITERIA_SHEET = "Tiêu chí";

export const COLUMNS = {
  code: "Mã",
  name: "Tên tiêu chí",
  maxPoints: "Điểm tối đa",
  kind: "Cách chấm",
  params: "Tham số",
  method: "Phương pháp",
  computedKey: "Chỉ số tự động",
  notApplicable: "Không áp dụng",
  ruleText: "Hướng dẫn chấm điểm (nguyên văn)",
  evidenceHint: "Tài liệu kiểm chứng",
  area: "Lĩnh vực CCHC",
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_ORDER = Object.keys(COLUMNS) as Column[];
const ALIASES: Partial<Record<Column, string[]>> = {
  code: ["ma tieu chi"], name: ["tieu chi", "ten"], maxPoints: ["diem"], ruleText: ["huong dan cham diem", "noi dung cham diem"],
  area: ["linh vuc"],
};
const REQUIRED: Column[] = ["code", "name", "maxPoints", "method"];

const INFO = {
  id: "Mã bộ tiêu chí",
  label: "Tên bộ tiêu chí",
  province: "Tỉnh",
  subject: "Đối tượng",
  year: "Năm",
  version: "Phiên bản",
  replaces: "Thay thế bộ tiêu chí",
  isExample: "Bộ mẫu",
  legalNumber: "Số quyết định",
  legalDate: "Ngày ban hành",
  legalIssuer: "Cơ quan ban hành",
  legalUrl: "Đường dẫn văn bản",
  rootMax: "Điểm tối đa các lĩnh vực",
  surveyWeight: "Điểm điều tra xã hội học",
  rescale: "Quy đổi về 100 khi không có điều tra",
  classes: "Xếp loại",
} as const;
type InfoKey = keyof typeof INFO;
const SUBJECTS = { xa: "Xã", phuong: "Phường" } as const;

export interface SetSheets { info: string[][]; criteria: string[][] }

/** One problem of a workbook; `message` is the full Vietnamese text. */
export interface SheetProblem { sheet: string; row?: number; column?: string; message: string }

export class InvalidCriteriaSheet extends AppError {
  constructor(readonly problems: SheetProblem[]) {
    super("validation", problems.map((x) => x.message).join("\n"));
  }
}

// ---------- Rule parameters as text ----------

const ge = (min: number, unit: string) => `≥${viNumber(min)}${unit}`;

function tiersText(tiers: Tier[], unit: string): string[] {
  const out: string[] = [];
  tiers.forEach((t, i) => {
    if (t.min === 0 && i > 0) out.push(`<${viNumber(tiers[i - 1].min)}${unit}: ${viNumber(t.points)}`);
    else out.push(`${ge(t.min, unit)}: ${viNumber(t.points)}`);
  });
  const last = tiers[tiers.length - 1];
  if (last && last.min > 0) out.push(`<${viNumber(last.min)}${unit}: 0`);
  return out;
}

/** Readable parameters of a rule: "≥97%: 1,5; ≥90%: 1; <90%: 0". */
export function ruleParamsText(rule: Rule | undefined): string {
  if (!rule) return "";
  switch (rule.kind) {
    case "boolean": return `Đạt: ${viNumber(rule.points)}; không đạt: 0`;
    case "deadline": return [
      `Đúng hạn: ${viNumber(rule.onTime)}`, `chậm: ${viNumber(rule.late)}`, `không thực hiện: ${viNumber(rule.missing)}`,
      ...(rule.due ? [`hạn: ${formatViDate(rule.due)}`] : []),
    ].join("; ");
    case "tiers": return [...tiersText(rule.tiers, "%"), ...(rule.notDone !== undefined ? [`không thực hiện: ${viNumber(rule.notDone)}`] : [])].join("; ");
    case "band": return `≥${viNumber(rule.full)}%: tối đa; ${viNumber(rule.from)}% – <${viNumber(rule.full)}%: tỷ lệ × điểm tối đa; <${viNumber(rule.from)}%: ${viNumber(rule.below)}`;
    case "capped": return `≥${viNumber(rule.target)}%: tối đa; <${viNumber(rule.target)}%: tỷ lệ × điểm tối đa / ${viNumber(rule.target)}%`;
    case "count": return tiersText(rule.tiers, "").join("; ");
    case "sum": return rule.capAtMax ? "không vượt điểm tối đa" : "";
    case "deduction": return [`mỗi lần: ${viNumber(rule.perItem)}`, ...(rule.maxDeduction !== undefined ? [`tối đa: ${viNumber(rule.maxDeduction)}`] : [])].join("; ");
  }
}

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const num = (s: string) => parseViNumber(s) as number;

/** Parameters text back to a rule; a Vietnamese problem otherwise. `max` fills a yes/no rule left without parameters. */
export function parseRuleParams(kind: RuleKind, text: string, max: number): Rule | string {
  const items = text.split(";").map((x) => x.trim()).filter(Boolean).map((item) => {
    const at = item.indexOf(":");
    const left = at < 0 ? item : item.slice(0, at);
    return { item, label: fold(left).replace(/\s+/g, ""), spaced: fold(left), value: at < 0 ? "" : item.slice(at + 1).trim() };
  });
  const value = (x: { item: string; value: string }): number | string => {
    const v = parseViNumber(x.value);
    return v === null ? `“${x.item}”: “${x.value}” không phải là một số` : v;
  };
  switch (kind) {
    case "boolean": {
      let points: number | undefined;
      for (const x of items) {
        if (x.spaced === "dat") { const v = value(x); if (typeof v === "string") return v; points = v; }
        else if (x.spaced === "khong dat") { if (value(x) !== 0) return "“không đạt” luôn được 0 điểm"; }
        else return `không hiểu “${x.item}” (dạng: Đạt: 1; không đạt: 0)`;
      }
      return { kind, points: points ?? max };
    }
    case "deadline": {
      const r: Partial<Record<"onTime" | "late" | "missing", number>> = {};
      let due: string | undefined;
      for (const x of items) {
        if (x.spaced === "han") {
          const d = parseViDate(x.value) ?? (isIsoDate(x.value) ? x.value : null);
          if (!d) return `hạn “${x.value}” không phải là ngày (dd/mm/yyyy)`;
          due = d;
          continue;
        }
        const key = x.spaced === "dung han" ? "onTime" : x.spaced === "cham" || x.spaced === "cham han" ? "late" : x.spaced === "khong thuc hien" ? "missing" : null;
        if (!key) return `không hiểu “${x.item}” (dạng: Đúng hạn: 1; chậm: 0,5; không thực hiện: 0; hạn: 15/01/2026)`;
        const v = value(x); if (typeof v === "string") return v;
        r[key] = v;
      }
      if (r.onTime === undefined || r.late === undefined || r.missing === undefined) return "cần đủ điểm “Đúng hạn”, “chậm” và “không thực hiện”";
      return { kind, onTime: r.onTime, late: r.late, missing: r.missing, ...(due ? { due } : {}) };
    }
    case "tiers": case "count": {
      const unit = kind === "tiers" ? "%?" : "";
      const tiers: Tier[] = [];
      let notDone: number | undefined;
      for (const x of items) {
        const g = new RegExp(`^(?:≥|>=)${NUM}${unit}$`).exec(x.label);
        const l = new RegExp(`^<${NUM}${unit}$`).exec(x.label);
        if (kind === "tiers" && x.spaced === "khong thuc hien") { const v = value(x); if (typeof v === "string") return v; notDone = v; continue; }
        if (!g && !l) return `không hiểu “${x.item}” (dạng: ${kind === "tiers" ? "≥97%: 1,5; ≥90%: 1; <90%: 0" : "≥2: 2; ≥1: 1; <1: 0"})`;
        const v = value(x); if (typeof v === "string") return v;
        if (g) { tiers.push({ min: num(g[1]), points: v }); continue; }
        const prev = tiers[tiers.length - 1];
        if (!prev || prev.min !== num(l![1])) return `“${x.item}”: ngưỡng phải bằng ngưỡng thấp nhất ở trước`;
        if (v !== 0) tiers.push({ min: 0, points: v });
      }
      if (tiers.length === 0) return "cần ít nhất một mức (dạng: ≥90%: 1)";
      return kind === "tiers" ? { kind, tiers, ...(notDone !== undefined ? { notDone } : {}) } : { kind, tiers };
    }
    case "band": {
      let full: number | undefined, from: number | undefined, below: number | undefined;
      for (const x of items) {
        const g = new RegExp(`^(?:≥|>=)${NUM}%?$`).exec(x.label);
        const b = new RegExp(`^${NUM}%?(?:–|-|—)<${NUM}%?$`).exec(x.label);
        const l = new RegExp(`^<${NUM}%?$`).exec(x.label);
        if (g) full = num(g[1]);
        else if (b) from = num(b[1]);
        else if (l) { const v = value(x); if (typeof v === "string") return v; below = v; }
        else return `không hiểu “${x.item}” (dạng: ≥100%: tối đa; 90% – <100%: tỷ lệ × điểm tối đa; <90%: 0)`;
      }
      if (full === undefined || from === undefined || below === undefined) return "cần đủ ba phần: ≥100%: tối đa; 90% – <100%: tỷ lệ × điểm tối đa; <90%: 0";
      return { kind, full, from, below };
    }
    case "capped": {
      let target: number | undefined;
      for (const x of items) {
        const g = new RegExp(`^(?:≥|>=)${NUM}%?$`).exec(x.label);
        if (g) target = num(g[1]);
        else if (!new RegExp(`^<${NUM}%?$`).test(x.label)) return `không hiểu “${x.item}” (dạng: ≥80%: tối đa)`;
      }
      if (target === undefined) return "cần tỷ lệ chuẩn (dạng: ≥80%: tối đa)";
      return { kind, target };
    }
    case "sum": {
      if (items.length === 0) return { kind };
      if (items.length === 1 && fold(items[0].item) === "khong vuot diem toi da") return { kind, capAtMax: true };
      return `không hiểu “${text}” (để trống hoặc ghi “không vượt điểm tối đa”)`;
    }
    case "deduction": {
      let perItem: number | undefined, maxDeduction: number | undefined;
      for (const x of items) {
        const v = value(x); if (typeof v === "string") return v;
        if (x.spaced === "moi lan") perItem = v;
        else if (x.spaced === "toi da") maxDeduction = v;
        else return `không hiểu “${x.item}” (dạng: mỗi lần: 0,5; tối đa: 2)`;
      }
      if (perItem === undefined) return "cần điểm trừ “mỗi lần”";
      return { kind, perItem, ...(maxDeduction !== undefined ? { maxDeduction } : {}) };
    }
  }
}

// ---------- Set → sheets ----------

const triState = (b: boolean | undefined) => (b === undefined ? "" : b ? "Có" : "Không");

export function classesText(classes: ClassBand[]): string {
  return classes.map((c) => `${c.name}: ≥${viNumber(c.minPercent)}%`).join("; ");
}

export function infoRows(set: CriteriaSet): string[][] {
  const v: Record<InfoKey, string> = {
    id: set.id, label: set.label, province: set.province, subject: SUBJECTS[set.subject], year: String(set.year), version: String(set.version),
    replaces: set.replaces ?? "", isExample: triState(set.isExample),
    legalNumber: set.legalRef?.number ?? "", legalDate: set.legalRef?.date ? formatViDate(set.legalRef.date) : "",
    legalIssuer: set.legalRef?.issuer ?? "", legalUrl: set.legalRef?.url ?? "",
    rootMax: viNumber(set.root.maxPoints), surveyWeight: viNumber(set.surveyWeight), rescale: triState(set.rescaleWithoutSurvey),
    classes: classesText(set.classes),
  };
  return [["Thông tin", "Giá trị"], ...(Object.keys(INFO) as InfoKey[]).map((k) => [INFO[k], v[k]])];
}

export function criteriaRows(set: CriteriaSet): string[][] {
  const rows = walk(set).map(({ node: n }) => {
    const cells: Record<Column, string> = {
      code: n.code, name: n.name, maxPoints: viNumber(n.maxPoints), kind: n.rule ? RULE_LABELS[n.rule.kind] : "",
      params: ruleParamsText(n.rule), method: METHOD_LABELS[n.method], computedKey: n.computedKey ?? "",
      notApplicable: n.notApplicable ? NA_LABELS[n.notApplicable] : "", ruleText: n.ruleText, evidenceHint: n.evidenceHint ?? "", area: n.area ?? "",
    };
    return COLUMN_ORDER.map((c) => cells[c]);
  });
  return [COLUMN_ORDER.map((c) => COLUMNS[c]), ...rows];
}

export function setToSheets(set: CriteriaSet): SetSheets {
  return { info: infoRows(set), criteria: criteriaRows(set) };
}

// ---------- Sheets → set ----------

const byLabel = <K extends string>(labels: Record<K, string>, codes: readonly K[], text: string): K | null => {
  const f = fold(text);
  return codes.find((k) => fold(labels[k]) === f || k === text.trim()) ?? null;
};
const METHODS = Object.keys(METHOD_LABELS) as Method[];
const NAS = Object.keys(NA_LABELS) as NotApplicable[];
const KINDS = Object.keys(RULE_LABELS) as RuleKind[];
const listOf = (labels: Record<string, string>) => Object.values(labels).map((l) => `“${l}”`).join(", ");

function areaOf(text: string): AreaCode | null {
  const f = fold(text);
  return AREAS.find((a) => a.code === text.trim() || fold(a.name) === f || fold(a.short) === f)?.code ?? null;
}
const isBlank = (row: readonly (string | undefined)[] | undefined) => !row || row.every((c) => !c || !c.trim());

interface Parsed { raw: Record<string, unknown>; infoRow: Partial<Record<InfoKey, number>>; codeRow: Map<string, number>; problems: SheetProblem[] }

function readInfo(rows: string[][], out: Parsed): void {
  const at = (row: number, detail: string) => out.problems.push({ sheet: INFO_SHEET, row, column: "Giá trị", message: `Trang ${INFO_SHEET}, dòng ${row}: ${detail}` });
  const legal: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (i === 0 || isBlank(r)) return;
    const row = i + 1;
    const key = (Object.keys(INFO) as InfoKey[]).find((k) => fold(INFO[k]) === fold(r[0] ?? ""));
    if (!key) return;
    out.infoRow[key] = row;
    const v = (r[1] ?? "").trim();
    const number = (what: string) => { const n = parseViNumber(v); if (n === null) at(row, `${what} “${v}” không phải là một số`); return n; };
    const tri = () => {
      const f = fold(v);
      if (f === "") return undefined;
      if (["co", "x", "true", "1"].includes(f)) return true;
      if (["khong", "false", "0"].includes(f)) return false;
      at(row, `ghi “Có”, “Không” hoặc để trống (không nhận “${v}”)`);
      return undefined;
    };
    switch (key) {
      case "id": case "label": case "province": out.raw[key] = v; break;
      case "replaces": if (v) out.raw.replaces = v; break;
      case "subject": {
        const s = byLabel(SUBJECTS, ["xa", "phuong"], v);
        if (!s) at(row, `đối tượng phải là “Xã” hoặc “Phường” (không nhận “${v}”)`); else out.raw.subject = s;
        break;
      }
      case "year": case "version": { const n = number(key === "year" ? "năm" : "phiên bản"); if (n !== null) out.raw[key] = n; break; }
      case "rootMax": { const n = number("điểm"); if (n !== null) out.raw.rootMax = n; break; }
      case "surveyWeight": { const n = number("điểm"); if (n !== null) out.raw.surveyWeight = n; break; }
      case "isExample": { const b = tri(); if (b !== undefined) out.raw.isExample = b; break; }
      case "rescale": { const b = tri(); if (b !== undefined) out.raw.rescaleWithoutSurvey = b; break; }
      case "legalNumber": if (v) legal.number = v; break;
      case "legalIssuer": if (v) legal.issuer = v; break;
      case "legalUrl": if (v) legal.url = v; break;
      case "legalDate": if (v) { const d = parseViDate(v) ?? (isIsoDate(v) ? v : null); if (!d) at(row, `ngày “${v}” không phải là ngày (dd/mm/yyyy)`); else legal.date = d; } break;
      case "classes": {
        const classes: ClassBand[] = [];
        for (const part of v.split(";").map((x) => x.trim()).filter(Boolean)) {
          const m = new RegExp(`^(.+?)\\s*:\\s*(?:≥|>=)\\s*${NUM}\\s*%?$`).exec(part);
          if (!m) { at(row, `không hiểu “${part}” (dạng: Xuất sắc: ≥90%; Tốt: ≥80%)`); continue; }
          classes.push({ name: m[1].trim(), minPercent: num(m[2]) });
        }
        out.raw.classes = classes;
        break;
      }
    }
  });
  if (Object.keys(legal).length > 0) out.raw.legalRef = { number: legal.number ?? "", ...legal };
}

function readCriteria(rows: string[][], out: Parsed): CriterionNode[] {
  const problem = (row: number, column: Column | null, detail: string) => out.problems.push({
    sheet: CRITERIA_SHEET, row, ...(column ? { column: COLUMNS[column] } : {}),
    message: column ? `Dòng ${row}, cột ${COLUMNS[column]}: ${detail}` : `Dòng ${row}: ${detail}`,
  });
  const header = rows[0] ?? [];
  const colIndex = new Map<Column, number>();
  header.forEach((h, i) => {
    const f = fold(h ?? "");
    if (!f) return;
    const col = COLUMN_ORDER.find((c) => fold(COLUMNS[c]) === f || (ALIASES[c] ?? []).includes(f));
    if (!col) return;
    if (colIndex.has(col)) problem(1, null, `cột “${COLUMNS[col]}” xuất hiện hai lần`);
    else colIndex.set(col, i);
  });
  for (const c of REQUIRED) if (!colIndex.has(c)) problem(1, null, `thiếu cột “${COLUMNS[c]}”`);
  if (out.problems.length > 0) return [];

  const top: CriterionNode[] = [];
  const nodes = new Map<string, CriterionNode>();
  rows.forEach((r, i) => {
    if (i === 0 || isBlank(r)) return;
    const row = i + 1;
    const cell = (c: Column) => { const j = colIndex.get(c); return j === undefined ? "" : (r[j] ?? "").trim(); };
    const before = out.problems.length;
    const code = cell("code");
    if (!code) { problem(row, "code", "thiếu mã tiêu chí"); return; }
    if (out.codeRow.has(code)) { problem(row, "code", `mã “${code}” đã có ở dòng ${out.codeRow.get(code)}`); return; }
    const name = cell("name");
    const maxText = cell("maxPoints");
    const maxPoints = parseViNumber(maxText);
    if (maxPoints === null) problem(row, "maxPoints", maxText ? `“${maxText}” không phải là một số` : "thiếu điểm tối đa");
    const methodText = cell("method");
    const method = byLabel(METHOD_LABELS, METHODS, methodText);
    if (!method) problem(row, "method", methodText ? `không nhận “${methodText}” (chọn ${listOf(METHOD_LABELS)})` : `thiếu phương pháp (chọn ${listOf(METHOD_LABELS)})`);
    const kindText = cell("kind");
    const params = cell("params");
    let rule: Rule | undefined;
    if (kindText) {
      const kind = byLabel(RULE_LABELS, KINDS, kindText);
      if (!kind) problem(row, "kind", `không nhận “${kindText}” (chọn ${listOf(RULE_LABELS)} hoặc để trống)`);
      else {
        const r2 = parseRuleParams(kind, params, maxPoints ?? 0);
        if (typeof r2 === "string") problem(row, "params", r2); else rule = r2;
      }
    } else if (params) problem(row, "kind", "có tham số nhưng chưa chọn cách chấm");
    const naText = cell("notApplicable");
    const na = naText ? byLabel(NA_LABELS, NAS, naText) : null;
    if (naText && !na) problem(row, "notApplicable", `không nhận “${naText}” (chọn ${listOf(NA_LABELS)} hoặc để trống)`);
    const areaText = cell("area");
    const area = areaText ? areaOf(areaText) : null;
    if (areaText && !area) problem(row, "area", `không nhận lĩnh vực “${areaText}” (ghi mã như chi-dao-dieu-hanh hoặc tên lĩnh vực)`);
    const dot = code.lastIndexOf(".");
    const parentCode = dot < 0 ? null : code.slice(0, dot);
    const parent = parentCode === null ? null : nodes.get(parentCode);
    if (parentCode !== null && !parent) problem(row, "code", `chưa có tiêu chí cha “${parentCode}” ở các dòng trước`);
    out.codeRow.set(code, row);
    if (out.problems.length > before) return;
    const node: CriterionNode = {
      code, name, maxPoints: maxPoints!, ruleText: cell("ruleText"), ...(rule ? { rule } : {}), method: method!,
      ...(cell("computedKey") ? { computedKey: cell("computedKey") as CriterionNode["computedKey"] } : {}),
      ...(na ? { notApplicable: na } : {}), ...(cell("evidenceHint") ? { evidenceHint: cell("evidenceHint") } : {}), ...(area ? { area } : {}),
    };
    nodes.set(code, node);
    if (parent) (parent.children ??= []).push(node); else top.push(node);
  });
  return top;
}

const FIELD_COLUMN: Record<string, Column> = {
  code: "code", name: "name", maxPoints: "maxPoints", method: "method", computedKey: "computedKey", notApplicable: "notApplicable",
  ruleText: "ruleText", evidenceHint: "evidenceHint", area: "area", children: "maxPoints",
};
const SET_FIELD_INFO: Record<string, InfoKey> = {
  id: "id", label: "label", province: "province", subject: "subject", year: "year", version: "version", replaces: "replaces",
  isExample: "isExample", legalRef: "legalNumber", surveyWeight: "surveyWeight", rescaleWithoutSurvey: "rescale", classes: "classes", root: "rootMax",
};
const LEGAL_INFO: Record<string, InfoKey> = { number: "legalNumber", date: "legalDate", issuer: "legalIssuer", url: "legalUrl" };

/** The set of a workbook's two sheets; InvalidCriteriaSheet with row- and column-numbered messages otherwise. */
export function setFromSheets(sheets: SetSheets): CriteriaSet {
  const out: Parsed = { raw: {}, infoRow: {}, codeRow: new Map(), problems: [] };
  readInfo(sheets.info, out);
  const areas = readCriteria(sheets.criteria, out);
  if (out.problems.length > 0) throw new InvalidCriteriaSheet(out.problems);
  const { rootMax, ...rest } = out.raw;
  const raw = { ...rest, root: { maxPoints: rootMax ?? areas.reduce((s, a) => s + a.maxPoints, 0), children: areas } };
  const r = checkCriteriaSet(raw);
  if (r.ok) return r.set;
  const problems = r.issues.map((issue): SheetProblem => {
    if (issue.code !== undefined && out.codeRow.has(issue.code)) {
      const row = out.codeRow.get(issue.code)!;
      const first = issue.field.split(".")[0];
      const col: Column = first === "rule" ? (issue.field === "rule.kind" ? "kind" : "params") : FIELD_COLUMN[first] ?? "code";
      return { sheet: CRITERIA_SHEET, row, column: COLUMNS[col], message: `Dòng ${row}, cột ${COLUMNS[col]}: ${issue.detail}` };
    }
    const [first, second] = issue.field.split(".");
    const key = first === "legalRef" && second ? LEGAL_INFO[second] : SET_FIELD_INFO[first];
    const row = key ? out.infoRow[key] : undefined;
    const text = first === "classes" && second !== undefined ? issue.message : issue.detail;
    return row
      ? { sheet: INFO_SHEET, row, column: "Giá trị", message: `Trang ${INFO_SHEET}, dòng ${row}: ${text}` }
      : { sheet: INFO_SHEET, message: `Trang ${INFO_SHEET}: ${key ? `${text} (thêm dòng “${INFO[key]}”)` : text}` };
  });
  throw new InvalidCriteriaSheet(problems);
}
