/** Calendar dates as ISO strings (YYYY-MM-DD), always meant in Asia/Ho_Chi_Minh. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real calendar date: 2025-02-29 and 2025-02-31 are not. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  return !!m && isValidYmd(+m[1], +m[2], +m[3]);
}

export function ymd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseIso(value: IsoDate): { year: number; month: number; day: number } {
  const m = ISO.exec(value);
  if (!m) throw new Error(`not an ISO date: ${value}`);
  return { year: +m[1], month: +m[2], day: +m[3] };
}

/** "dd/mm/yyyy" (or d/m/yyyy) to ISO; null when it is not a real date. */
export function parseViDate(value: string): IsoDate | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
  if (!m) return null;
  return isValidYmd(+m[3], +m[2], +m[1]) ? ymd(+m[3], +m[2], +m[1]) : null;
}

export function formatViDate(value: IsoDate | null | undefined): string {
  if (!value) return "";
  const { year, month, day } = parseIso(value);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

const VN_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in Vietnam at the given instant. */
export function vietnamDate(instant: Date): IsoDate {
  return VN_FORMAT.format(instant);
}

function toUtc(value: IsoDate): number {
  const { year, month, day } = parseIso(value);
  return Date.UTC(year, month - 1, day);
}

export function addDays(value: IsoDate, days: number): IsoDate {
  const d = new Date(toUtc(value) + days * 86_400_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Same month and day in another year; 29/02 becomes 28/02 in a common year. */
export function shiftYears(value: IsoDate, years: number): IsoDate {
  const { year, month, day } = parseIso(value);
  const y = year + years;
  return ymd(y, month, Math.min(day, daysInMonth(y, month)));
}
