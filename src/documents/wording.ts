import { parseIso, type IsoDate } from "../domain/dates.js";
import { fold } from "../domain/text.js";
import { BLANK, ISSUER_ABBREVIATION } from "./nd30.js";

/**
 * The filled-in words of a document as Nghị định 30 writes them: the number
 * line, the place and date line, list items. Blanks are dots for the văn thư
 * to fill by hand after signing.
 */

/** "ngày 05 tháng 01 năm 2026", "ngày 29 tháng 6 năm 2026": the day padded below 10, the month only for 1 and 2. */
export function longViDate(date: IsoDate): string {
  const { year, month, day } = parseIso(date);
  return `ngày ${String(day).padStart(2, "0")} tháng ${month <= 2 ? String(month).padStart(2, "0") : month} năm ${year}`;
}

/** The date words, or dots for each part when the document is not dated yet. */
export function longViDateOrBlank(date: IsoDate | null): string {
  return date ? longViDate(date) : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
}

/**
 * "Số: 12/KH-UBND". A stored number may be the whole "12/KH-UBND" or only
 * "12"; a number below 10 is padded ("09"); without a number the serial is dots.
 */
export function numberLine(number: string | null, type: string): string {
  const symbol = `${type}-${ISSUER_ABBREVIATION}`;
  const stored = number?.trim().replace(/^Số\s*:?\s*/i, "") ?? "";
  if (!stored) return `Số: ${BLANK}/${symbol}`;
  if (stored.includes("/")) {
    const [serial, rest] = stored.split("/", 2);
    return `Số: ${/^\d$/.test(serial.trim()) ? `0${serial.trim()}` : serial.trim()}/${rest.trim()}`;
  }
  return `Số: ${/^\d$/.test(stored) ? `0${stored}` : stored}/${symbol}`;
}

/** The reference of a document in another's text: "số 12/KH-UBND ngày 15 tháng 01 năm 2026". */
export function documentReference(number: string | null, type: string, date: IsoDate | null): string {
  return `${numberLine(number, type).replace(/^Số: /, "số ")} ${longViDateOrBlank(date)}`;
}

/** "Tỉnh Khê, ngày 05 tháng 01 năm 2026" (set in italics by the header block). */
export function placeDateLine(place: string, date: IsoDate | null): string {
  return `${place}, ${longViDateOrBlank(date)}`;
}

export const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** Lower-cases the first letter unless the first word is an abbreviation (CCHC, UBND). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s/, 1)[0];
  if (first.length > 1 && first === first.toLocaleUpperCase("vi")) return text;
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

/** Text without its closing punctuation, so a list can end each item with ";" and the last with ".". */
export const withoutEndMark = (text: string) => text.trim().replace(/[\s.;,:]+$/u, "");

/** Items of a list ending in ";" and the last in "." (Căn cứ lines, "- …" lists). */
export function listItems(items: string[], last = "."): string[] {
  return items.map((item, i) => `${withoutEndMark(item)}${i === items.length - 1 ? last : ";"}`);
}

/** A sentence ending in a full stop. */
export const sentence = (text: string) => `${withoutEndMark(text)}.`;

/** Roman numerals for section headings (I. … XX.). */
export function roman(n: number): string {
  const table: Array<[number, string]> = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

/**
 * A number as Vietnamese documents print it: thousands grouped with ".", the
 * decimal comma, at most `fractionDigits` decimals without trailing zeros
 * ("1.234", "98,5", "-12").
 */
export function viNumberText(value: number, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return "";
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole, fraction = ""] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const decimals = fraction.replace(/0+$/, "");
  const text = decimals ? `${grouped},${decimals}` : grouped;
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * The trích yếu of a document from its stored title: without a leading type
 * name that the type line already says ("Kế hoạch cải cách …" → "Cải cách …").
 */
export function summaryOf(title: string, typeName: string): string {
  const trimmed = title.trim().normalize("NFC");
  const words = typeName.trim().split(/\s+/).length;
  const parts = trimmed.split(/\s+/);
  if (parts.length > words && fold(parts.slice(0, words).join(" ")) === fold(typeName)) return upperFirst(parts.slice(words).join(" "));
  return trimmed;
}
