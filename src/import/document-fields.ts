/**
 * The document's own fields (contract "document"): type, number, issuer,
 * place, date, title (trích yếu), year and signer, read from its paragraphs.
 */
import { fold } from "../domain/text.js";
import { isValidYmd, ymd } from "../domain/dates.js";
import { words } from "./keywords.js";
import type { PlanDraft } from "../domain/plan-draft.js";

export type DocumentFields = PlanDraft["document"];

const TYPES: Array<[string, string]> = [
  ["ke hoach", "KH"],
  ["bao cao", "BC"],
  ["quyet dinh", "QĐ"],
  ["chuong trinh", "CTr"],
  ["to trinh", "TTr"],
  ["thong bao", "TB"],
  ["huong dan", "HD"],
  ["cong van", "CV"],
  ["nghi quyet", "NQ"],
  ["de an", "ĐA"],
];

const LEVELS: Array<[RegExp, string]> = [
  [/^xa$/, "xã"],
  [/^phuong$/, "phường"],
  [/^thi tran$/, "thị trấn"],
  [/^huyen$/, "huyện"],
  [/^thi xa$/, "thị xã"],
  [/^thanh pho$/, "thành phố"],
  [/^tinh$/, "tỉnh"],
];

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase("vi")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

function clean(s: string): string {
  return s.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
}

/** "Số: 09 /KH-UBND" → "09/KH-UBND"; "Số: /KH-UBND" and "Số:" → null. */
function readNumber(paras: string[]): { number: string | null; symbol: string | null } | null {
  for (const p of paras.slice(0, 40)) {
    const m = /^\s*S[ốoóồổỗộ]\s*(?:[:.]|hi[ệe]u\s*:)\s*(.*)$/i.exec(p);
    if (!m) continue;
    const rest = m[1].trim().replace(/\s*([/\-–])\s*/g, "$1").replace(/–/g, "-");
    const raw = /^\S*/.exec(rest)?.[0] ?? "";
    const symbol = /\/([A-Za-zĐđ]+)(?:[-/]|$)/.exec(raw)?.[1] ?? null;
    const number = /^\d/.test(raw) ? raw : null;
    return { number, symbol };
  }
  return null;
}

const DATE_LINE = /^(.*?),?\s*ng[àa]y\s*(\d{1,2})?\s*(?:th[áa]ng\s*(\d{1,2})?\s*n[ăa]m\s*(\d{4})?|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/i;

function readPlaceDate(paras: string[]): { place: string | null; date: string | null } {
  for (const p of paras.slice(0, 40)) {
    const f = fold(p);
    if (!/ngay\s*\d{0,2}\s*(thang|[/.-])/.test(f) || p.length > 160) continue;
    const m = DATE_LINE.exec(clean(p));
    if (!m) continue;
    let place = clean(m[1]).replace(/^s[ốo]\s*:.*?\s{1,}(?=\p{Lu})/iu, "").replace(/[,\s]+$/, "");
    if (/\d/.test(place) || words(place).length > 6 || place.length === 0) place = "";
    const day = m[2] ? Number(m[2]) : null;
    const month = m[3] ? Number(m[3]) : m[5] ? Number(m[5]) : null;
    const year = m[4] ? Number(m[4]) : m[6] ? Number(m[6]) : null;
    const date = day && month && year && isValidYmd(year, month, day) ? ymd(year, month, day) : null;
    return { place: place || null, date };
  }
  return { place: null, date: null };
}

const BODY_START = /^(c[ăa]n\s*c[ứu]|th[ựu]c\s*hi[ệe]n|nh[ằa]m|[đd][ểe]\s|theo|tr[êe]n\s*c[ơo]\s*s[ởo]|ph[ầa]n\s*th[ứu]|[IVXL]+\s*[.)]|\d+\s*[.)]|[-–+•*]|ch[ưu][ơo]ng)/i;

function readTitle(paras: string[]): { type: string | null; title: string | null } {
  for (let i = 0; i < Math.min(paras.length, 40); i++) {
    const p = clean(paras[i]);
    const f = fold(p);
    const hit = TYPES.find(([w]) => f === w || f.startsWith(w + " "));
    if (!hit) continue;
    // The document type is written in capitals ("KẾ HOẠCH"), not "Kế hoạch số 250/…".
    const head = p.slice(0, hit[0].length + 2);
    if (head !== head.toLocaleUpperCase("vi") || /^\S+\s+\S+\s+s[ốo]\b/i.test(p)) continue;
    let title = p.slice(p.split(/\s+/).slice(0, hit[0].split(" ").length).join(" ").length).trim();
    let k = i + 1;
    if (!title && k < paras.length) title = clean(paras[k++]);
    for (let n = 0; n < 2 && k < paras.length; n++, k++) {
      const next = clean(paras[k]);
      if (!next || next.length > 160 || BODY_START.test(next) || /n[ăa]m\s*\d{4}\s*\.?$/i.test(title) || /[.:;]$/.test(title)) break;
      if (/^\(|^s[ốo]\s*:|ng[àa]y\s.*th[áa]ng/i.test(next)) break;
      title = `${title} ${next}`;
    }
    title = title.replace(/^[\s:–-]+/, "").replace(/\s+/g, " ").trim();
    return { type: hit[1], title: title || null };
  }
  return { type: null, title: null };
}

function yearOf(title: string | null, date: string | null, fallback: string[]): number | null {
  if (title) {
    const m = /n[ăa]m\s*(\d{4})/i.exec(title) ?? /\b((?:19|20)\d{2})\b(?!.*\b(?:19|20)\d{2}\b)/.exec(title);
    if (m) return Number(m[1]);
  }
  if (date) return Number(date.slice(0, 4));
  for (const p of fallback) {
    const m = /n[ăa]m\s*((?:19|20)\d{2})/i.exec(p);
    if (m) return Number(m[1]);
  }
  return null;
}

/** "ỦY BAN NHÂN DÂN" + "XÃ HÀNH MINH" → "UBND xã Hành Minh". */
function issuerFromHeader(paras: string[], limit: number): string | null {
  for (let i = 0; i < Math.min(paras.length, limit); i++) {
    const p = clean(paras[i]);
    const f = fold(p);
    const at = f.search(/^(uy ban nhan dan|ubnd)\b/);
    if (at < 0 || p.length > 90) continue;
    const after = p.slice(at).replace(/^(?:ủy|uỷ|uy)\s*ban\s*nhân\s*dân|^ubnd/i, "").trim();
    const candidates = [after, ...paras.slice(i + 1, i + 4).map(clean)];
    for (const c of candidates) {
      const w = fold(c).split(/\s+/);
      for (const [re, level] of LEVELS) {
        const n = level.split(" ").length;
        if (re.test(w.slice(0, n).join(" ")) && w.length > n && w.length <= n + 5) {
          const name = c.split(/\s+/).slice(n).join(" ").replace(/[^\p{L}\s-]/gu, "").trim();
          if (name && !/cộng hòa|độc lập/i.test(name)) return `UBND ${level} ${titleCase(name)}`;
        }
      }
      if (c !== after && c) break;
    }
  }
  return null;
}

function issuerFromPlace(place: string | null, paras: string[]): string | null {
  if (!place) return null;
  const fp = fold(place);
  for (const p of paras) {
    const f = fold(p);
    for (const [, level] of LEVELS.slice(0, 3)) {
      if (f.includes(`${fold(level)} ${fp}`)) return `UBND ${level} ${place}`;
    }
  }
  return null;
}

const ROLES: Array<[string, string]> = [
  ["pho chu tich", "Phó Chủ tịch"],
  ["chu tich", "Chủ tịch"],
  ["pho truong ban", "Phó Trưởng ban"],
  ["truong ban", "Trưởng ban"],
  ["bi thu", "Bí thư"],
  ["truong phong", "Trưởng phòng"],
  ["giam doc", "Giám đốc"],
  ["chanh van phong", "Chánh Văn phòng"],
];

function readSigner(paras: string[]): { name: string | null; title: string | null } {
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = clean(paras[i]);
    if (p.length > 80) continue;
    const f = fold(p).replace(/[^a-z\s]/g, " ").replace(/\s+/g, " ").trim();
    const role = ROLES.find(([w]) => f === w || f.endsWith(" " + w));
    if (!role || p !== p.toLocaleUpperCase("vi")) continue;
    for (let k = i + 1; k < Math.min(paras.length, i + 5); k++) {
      const n = clean(paras[k]).replace(/^\(.*\)$/, "");
      if (!n) continue;
      const ws = n.split(/\s+/);
      if (ws.length >= 2 && ws.length <= 6 && ws.every((w) => /^\p{Lu}[\p{L}]*$/u.test(w)) && !/ủy ban|nhân dân|cộng hòa|phụ lục|độc lập/i.test(n)) {
        return { name: n === n.toLocaleUpperCase("vi") ? titleCase(n) : n, title: role[1] };
      }
      if (ROLES.some(([w]) => fold(n).endsWith(w))) continue;
      if (/^(đã ký|ký|\(đã ký\))/i.test(n)) continue;
      break;
    }
  }
  return { name: null, title: null };
}

export function readDocumentFields(paras: string[], firstSectionIndex: number): DocumentFields {
  const head = paras.slice(0, Math.max(firstSectionIndex, 1));
  const num = readNumber(head.length ? head : paras);
  const { place, date } = readPlaceDate(head.length ? head : paras);
  const { type, title } = readTitle(paras);
  const symbolType = num?.symbol && /^[A-ZĐ][A-Za-zĐđ]{0,3}$/.test(num.symbol) && num.symbol !== "UBND" ? num.symbol : null;
  const issuer = issuerFromHeader(paras, Math.max(firstSectionIndex, 1)) ?? issuerFromPlace(place, paras) ?? issuerFromHeader(paras, paras.length);
  return {
    type: type ?? symbolType,
    number: num?.number ?? null,
    issuer: issuer ?? (title ? issuerFromTitle(title) : null),
    place,
    date,
    title,
    year: yearOf(title, date, paras),
    signer: readSigner(paras),
  };
}

/** "… xã Tỉnh Khê năm 2025" → "UBND xã Tỉnh Khê" (diacritics may be missing: "xa Dong Son"). */
function issuerFromTitle(title: string): string | null {
  const ws = title.split(/\s+/);
  for (let i = 0; i < ws.length - 1; i++) {
    const one = fold(ws[i]);
    const two = i + 1 < ws.length ? `${one} ${fold(ws[i + 1])}` : "";
    const level = two === "thi tran" ? "thị trấn" : one === "xa" ? "xã" : one === "phuong" ? "phường" : null;
    if (!level) continue;
    const name: string[] = [];
    for (let k = i + (level === "thị trấn" ? 2 : 1); k < ws.length && name.length < 4; k++) {
      if (!/^\p{Lu}/u.test(ws[k]) || /^n[aă]m$/i.test(fold(ws[k]))) break;
      name.push(ws[k].replace(/[^\p{L}-]/gu, ""));
    }
    if (name.length) return `UBND ${level} ${name.join(" ")}`;
  }
  return null;
}

