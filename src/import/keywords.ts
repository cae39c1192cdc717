/**
 * Keyword matching for the parser: folded (diacritic-insensitive), on word
 * tokens, tolerant of one wrong letter in a word of four letters or more, so
 * that OCR damage ("Thoi gian thuc hién", "B¢ phdn thyc hién", "Tiéu chi
 * thanh phan") still reads as the label it was.
 */
import { fold } from "../domain/text.js";
import { editDistance } from "../domain/unit-match.js";
import type { AreaCode } from "../domain/areas.js";

/** Folded word tokens: "Thời gian thực hiện:" → ["thoi", "gian", "thuc", "hien"]. */
export function words(text: string): string[] {
  return fold(text.replace(/[¢©]/g, "o"))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4 || /\d/.test(a) || /\d/.test(b)) return false;
  return editDistance(a, b, 1) <= 1;
}

/** Index of the first place where `phrase` (folded words) occurs in `tokens`, or -1. */
export function findPhrase(tokens: string[], phrase: string[], from = 0): number {
  for (let i = from; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = sameWord(tokens[i + k], phrase[k]);
    if (ok) return i;
  }
  return -1;
}

export function hasPhrase(tokens: string[], phrase: string): boolean {
  return findPhrase(tokens, phrase.split(" ")) >= 0;
}

export function startsWithPhrase(tokens: string[], phrase: string, at = 0): boolean {
  const p = phrase.split(" ");
  if (at + p.length > tokens.length) return false;
  return p.every((w, k) => sameWord(tokens[at + k], w));
}

// ---------------------------------------------------------------------------
// Reform areas by their words

const AREA_PHRASES: Array<[AreaCode, string[]]> = [
  ["chi-dao-dieu-hanh", ["chi dao dieu hanh", "lanh dao chi dao", "chi dao va dieu hanh", "cong tac chi dao"]],
  ["the-che", ["cai cach the che", "xay dung va hoan thien the che", "hoan thien the che", "the che"]],
  ["thu-tuc-hanh-chinh", ["cai cach thu tuc hanh chinh", "cai cach tthc", "kiem soat thu tuc hanh chinh", "thu tuc hanh chinh"]],
  ["to-chuc-bo-may", ["cai cach to chuc bo may", "cai cach bo may", "sap xep to chuc bo may", "to chuc bo may"]],
  ["cong-vu", ["cai cach che do cong vu", "che do cong vu", "cai cach cong vu", "xay dung va nang cao chat luong doi ngu", "nang cao chat luong doi ngu", "xay dung doi ngu", "doi ngu can bo"]],
  ["tai-chinh-cong", ["cai cach tai chinh cong", "tai chinh cong", "co che tai chinh"]],
  ["chinh-quyen-so", ["xay dung va phat trien chinh quyen", "xay dung chinh quyen dien tu", "phat trien chinh quyen so", "chinh quyen dien tu", "chinh quyen so", "chuyen doi so", "hien dai hoa nen hanh chinh", "hien dai hoa hanh chinh", "ung dung cong nghe thong tin"]],
  ["tac-dong", ["tac dong cua cai cach hanh chinh", "tac dong cua cchc", "danh gia tac dong", "tac dong"]],
];

const AREA_LEAD_FILLER = new Set(["ve", "linh", "vuc", "cong", "tac", "nhiem", "vu", "cac", "nhom", "day", "manh", "tiep", "tuc"]);

/** The reform area a heading names by its opening words ("Cải cách thể chế", "Xây dựng và phát triển chính quyền điện tử…"), or null. */
export function areaOfHeading(text: string): AreaCode | null {
  const tokens = words(text);
  if (tokens.length === 0) return null;
  let best: { code: AreaCode; len: number } | null = null;
  for (let skip = 0; skip <= 2 && skip < tokens.length; skip++) {
    if (skip > 0 && !AREA_LEAD_FILLER.has(tokens[skip - 1])) break;
    for (const [code, phrases] of AREA_PHRASES) {
      for (const p of phrases) {
        const len = p.split(" ").length;
        if (startsWithPhrase(tokens, p, skip) && (!best || len > best.len)) best = { code, len };
      }
    }
    if (best) break;
  }
  return best ? best.code : null;
}

// ---------------------------------------------------------------------------
// Field labels ("- Bộ phận chủ trì: …")

export type FieldKind = "lead" | "support" | "product" | "timeline" | "criteria" | "ignore";

export interface Label {
  kind: FieldKind;
  /** the label mentions "theo dõi" (a monitoring unit) */
  monitor: boolean;
  value: string;
}

/** Words a unit label starts with ("Bộ phận chủ trì", "Đơn vị thực hiện", "CC phụ trách"). */
const UNIT_OPENERS = ["bo phan", "don vi", "co quan", "cong chuc", "can bo", "nguoi", "ca nhan", "phong", "ban", "bp", "cc", "chu tri", "phoi hop", "tham muu", "phu trach", "trach nhiem", "thuc hien", "giao", "dau moi", "theo doi"];
const TIME_OPENERS = ["thoi gian", "thoi han", "tien do", "han", "moc", "thoi diem", "hoan thanh"];
const PRODUCT_OPENERS = ["san pham", "ket qua", "dau ra", "hinh thuc san pham"];
const CRITERIA_OPENERS = ["tieu chi", "tctp", "chi so thanh phan"];
const OTHER_OPENERS = ["kinh phi", "nguon", "ghi chu", "hinh thuc", "cach thuc", "noi dung", "muc tieu", "yeu cau", "dia diem", "doi tuong", "phuong thuc", "muc dich", "giai phap", "pham vi", "luu y"];

/** A field label opening a line ("Bộ phận chủ trì:", "Thời gian thực hiện:"), and the value after it; null when the line is no field. */
export function readLabel(text: string): Label | null {
  const colon = text.search(/[:：]/);
  if (colon <= 0 || colon > 70) return null;
  const head = text.slice(0, colon);
  let tokens = words(head);
  if (tokens.length === 0 || tokens.length > 9) return null;
  // "Dự kiến sản phẩm", "Các bộ phận phối hợp"
  if (startsWithPhrase(tokens, "du kien") && tokens.length > 2) tokens = tokens.slice(2);
  else if (tokens[0] === "cac" && tokens.length > 1) tokens = tokens.slice(1);
  const value = text.slice(colon + 1).trim();
  const has = (p: string) => hasPhrase(tokens, p);
  const opens = (list: string[]) => list.some((p) => startsWithPhrase(tokens, p));
  let kind: FieldKind | null = null;
  if (opens(TIME_OPENERS)) kind = "timeline";
  else if (opens(PRODUCT_OPENERS)) kind = "product";
  else if (opens(CRITERIA_OPENERS)) kind = "criteria";
  else if (opens(OTHER_OPENERS)) kind = "ignore";
  else if (opens(UNIT_OPENERS)) {
    if (has("thoi gian") || has("thoi han")) kind = "timeline";
    else if (has("san pham") || has("ket qua")) kind = "product";
    else if (has("kinh phi")) kind = "ignore";
    else if (has("phoi hop") || (has("theo doi") && !has("chu tri") && !has("thuc hien"))) kind = "support";
    else kind = "lead";
  }
  if (!kind) return null;
  return { kind, monitor: has("theo doi") || has("giam sat"), value };
}

/** Does a section heading name the plan's tasks, something else, or the plan's period? */
export type SectionKind = "task" | "other" | "period" | "unknown";

export function sectionKind(text: string): SectionKind {
  const t = words(text);
  const has = (p: string) => hasPhrase(t, p);
  if (startsWithPhrase(t, "to chuc thuc hien") || startsWithPhrase(t, "kinh phi") || startsWithPhrase(t, "trach nhiem")) return "other";
  if (has("nhiem vu") || has("noi dung") || has("giai phap") || has("hoat dong") || has("cong viec") || has("danh muc") || has("ke hoach hanh dong")) return "task";
  if (areaOfHeading(text)) return "task";
  if (startsWithPhrase(t, "thoi gian")) return "period";
  if (["muc dich", "yeu cau", "muc tieu", "chi tieu", "khen thuong", "doi tuong", "pham vi", "che do bao cao", "can cu", "dieu khoan", "hieu luc", "ket qua", "danh gia", "tinh hinh", "thi dua"].some(has)) return "other";
  return "unknown";
}

/**
 * A sub-heading that switches what the text holds, by its opening words only
 * ("1. Mục đích", "2. Nhiệm vụ cụ thể", "3. Tổ chức thực hiện"); null for
 * anything else, so that a short task ("b) Đánh giá kết quả") is no heading.
 */
export function subSectionKind(text: string): SectionKind | null {
  const t = words(text);
  if (t.length === 0 || t.length > 10) return null;
  const opens = (p: string) => startsWithPhrase(t, p);
  if (["nhiem vu", "noi dung", "giai phap", "cac nhiem vu", "cac giai phap", "ke hoach hanh dong"].some(opens)) return "task";
  if (opens("thoi gian")) return "period";
  if (["muc dich", "yeu cau", "muc tieu", "chi tieu", "to chuc thuc hien", "kinh phi", "khen thuong", "doi tuong", "pham vi", "che do bao cao", "can cu", "trach nhiem"].some(opens)) return "other";
  return null;
}

/** Section words that mark the targets of a plan. */
export function isTargetSection(text: string): boolean {
  const t = words(text);
  return hasPhrase(t, "chi tieu") || hasPhrase(t, "muc tieu") || hasPhrase(t, "muc dich") || hasPhrase(t, "yeu cau");
}
