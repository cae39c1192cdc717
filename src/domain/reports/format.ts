/**
 * How figures, dates and names are written in a report's text: Vietnamese
 * number format (1.234; 98,5 %), dd/mm/yyyy dates, lists ending in ";" and ".".
 */
import { formatViDate, type IsoDate } from "../dates.js";
import { periodByKey } from "../periods.js";

/** 1234 → "1.234", 98.5 → "98,5", 66.67 → "66,67": "." groups thousands, "," marks decimals, at most 2 decimals. */
export function viNumber(x: number): string {
  const [int, dec = ""] = Math.abs(x).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const decimals = dec.replace(/0+$/, "");
  return `${x < 0 && (int !== "0" || decimals) ? "-" : ""}${grouped}${decimals ? `,${decimals}` : ""}`;
}

/** "98,5 %" (a space before the sign, as in the plans and the reference). */
export const viPercent = (x: number) => `${viNumber(x)} %`;

/** A value with its unit: "96,5 %", "12 nhiệm vụ", "3". */
export function withUnit(value: number, unit: string | null): string {
  const u = unit?.trim() ?? "";
  return u === "%" ? viPercent(value) : u ? `${viNumber(value)} ${u}` : viNumber(value);
}

/** dd/mm/yyyy, or "…" when the date is not known. */
export const viDate = (date: IsoDate | null) => (date ? formatViDate(date) : "…");

/** "Tháng 3/2026" → "tháng 3/2026"; an unknown key is shown as stored. */
export const periodWords = (key: string) => lowerFirst(periodByKey(key)?.label ?? key);

/** Lower-cases the first letter unless the first word is an abbreviation (CCHC, UBND, TTHC). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s/, 1)[0];
  if (first.length > 1 && first === first.toLocaleUpperCase("vi")) return text;
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

const withoutEndMark = (text: string) => text.trim().replace(/[\s.;,:]+$/u, "");

/** Lines "- …;" with the last ending in ".", joined by new lines ("" for none). */
export function dashList(items: string[]): string {
  return items.map((item, i) => `- ${withoutEndMark(item)}${i === items.length - 1 ? "." : ";"}`).join("\n");
}

/** " (chủ trì: Văn phòng – Thống kê, Tư pháp – Hộ tịch)", or "" without lead units. */
export const leadWords = (lead: string[]) => (lead.length ? ` (chủ trì: ${lead.join(", ")})` : "");

const COMMITTEE = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu;
/** A remark in brackets after a stored name, such as "(dữ liệu mẫu)", is not part of it. */
const REMARK = /\s*\([^)]*\)\s*$/u;

/** Generic nouns written lower case before the proper name (Phụ lục II of NĐ 30: "xã Minh Đức", "tỉnh Nam Định"). */
const UNIT_KIND = /^(?:xã|phường|thị trấn|đặc khu|tỉnh)\s/iu;

/** "UBND xã Tỉnh Khê", "Xã Tỉnh Khê" → "xã Tỉnh Khê"; "Tỉnh Minh Hòa (dữ liệu mẫu)" → "tỉnh Minh Hòa"; "Thành phố Huế" stays. */
export function localityOf(name: string): string {
  const bare = name.normalize("NFC").replace(REMARK, "").trim().replace(COMMITTEE, "");
  return UNIT_KIND.test(bare) ? bare.charAt(0).toLocaleLowerCase("vi") + bare.slice(1) : bare;
}
