import { formatViDate, isValidYmd, ymd, type IsoDate } from "../../domain/dates.js";
import { fold } from "../../domain/text.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

const DATE_RES: [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/, (m) => [m[3]!, m[2]!, m[1]!]],
  [/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
];
export function parseDate(raw: string): Parsed<IsoDate> {
  const s = raw.trim();
  for (const [re, pick] of DATE_RES) {
    const m = s.match(re);
    if (!m) continue;
    const [y, mo, d] = pick(m).map(Number) as [number, number, number];
    const hh = Number(m[4] ?? 0), mm = Number(m[5] ?? 0), ss = Number(m[6] ?? 0);
    if (isValidYmd(y, mo, d) && hh < 24 && mm < 60 && ss < 60) return ok(ymd(y, mo, d));
    return bad(`ngày không hợp lệ "${s}"`);
  }
  return bad(`không đọc được ngày "${s}" (dùng YYYY-MM-DD, DD/MM/YYYY hoặc yyyyMMddHHmmss)`);
}
export function parseInt_(raw: string): Parsed<number> {
  const s = raw.trim().replace(/[.,\s](?=\d{3}(?:\D|$))/g, "");
  return /^-?\d+$/.test(s) ? ok(Number(s)) : bad(`không phải số nguyên "${raw.trim()}"`);
}
export function parseNumber(raw: string): Parsed<number> {
  const s = raw.trim().replace(",", ".");
  return /^-?\d+(?:\.\d+)?$/.test(s) ? ok(Number(s)) : bad(`không phải số "${raw.trim()}"`);
}
const TRUE = new Set(["1", "co", "x", "true", "y"]);
const FALSE = new Set(["0", "khong", "false", "n", ""]);
export function parseBool(raw: string): Parsed<boolean> {
  const f = fold(raw);
  if (TRUE.has(f)) return ok(true);
  if (FALSE.has(f)) return ok(false);
  return bad(`giá trị đúng/sai không hợp lệ "${raw.trim()}" (dùng 1/0, Có/Không)`);
}
/** An enum: each code with its labels; matched after `fold`. */
export function enumParser<T>(what: string, entries: [T, string[]][]): (raw: string) => Parsed<T> {
  const map = new Map<string, T>();
  for (const [code, labels] of entries) for (const l of [String(code), ...labels]) map.set(fold(l), code);
  return (raw) => {
    const v = map.get(fold(raw));
    return v !== undefined ? ok(v) : bad(`${what} không hợp lệ "${raw.trim()}"`);
  };
}
export const parseList = (raw: string) => raw.split(";").map((s) => s.trim()).filter(Boolean);
export const vi = (d: IsoDate) => formatViDate(d);
