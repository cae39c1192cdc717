import { addDays, daysInMonth, parseIso, ymd, type IsoDate } from "./dates.js";

/**
 * Windows of time shared by check-ins, targets and reports: a month, a quarter,
 * a half-year or a year. Keys: "2025-03", "2025-Q1", "2025-H1", "2025".
 */
export type PeriodKind = "month" | "quarter" | "half" | "year";
export interface Period {
  key: string;
  kind: PeriodKind;
  start: IsoDate;
  end: IsoDate;
  label: string;
}

const ROMAN = ["I", "II", "III", "IV"];

export function monthPeriod(year: number, month: number): Period {
  return { key: `${year}-${String(month).padStart(2, "0")}`, kind: "month", start: ymd(year, month, 1), end: ymd(year, month, daysInMonth(year, month)), label: `Tháng ${month}/${year}` };
}
export function quarterPeriod(year: number, q: number): Period {
  const first = (q - 1) * 3 + 1;
  return { key: `${year}-Q${q}`, kind: "quarter", start: ymd(year, first, 1), end: ymd(year, first + 2, daysInMonth(year, first + 2)), label: `Quý ${ROMAN[q - 1]}/${year}` };
}
export function halfPeriod(year: number, h: number): Period {
  return h === 1
    ? { key: `${year}-H1`, kind: "half", start: ymd(year, 1, 1), end: ymd(year, 6, 30), label: `6 tháng đầu năm ${year}` }
    : { key: `${year}-H2`, kind: "half", start: ymd(year, 7, 1), end: ymd(year, 12, 31), label: `6 tháng cuối năm ${year}` };
}
export function yearPeriod(year: number): Period {
  return { key: `${year}`, kind: "year", start: ymd(year, 1, 1), end: ymd(year, 12, 31), label: `Năm ${year}` };
}

export function periodsOfYear(kind: PeriodKind, year: number): Period[] {
  switch (kind) {
    case "month": return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
    case "quarter": return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
    case "half": return [halfPeriod(year, 1), halfPeriod(year, 2)];
    case "year": return [yearPeriod(year)];
  }
}

export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const { year, month } = parseIso(date);
  switch (kind) {
    case "month": return monthPeriod(year, month);
    case "quarter": return quarterPeriod(year, Math.ceil(month / 3));
    case "half": return halfPeriod(year, month <= 6 ? 1 : 2);
    case "year": return yearPeriod(year);
  }
}

/** Parses a period key; null when it is not one. */
export function periodByKey(key: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && +m[2] >= 1 && +m[2] <= 12) return monthPeriod(+m[1], +m[2]);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return quarterPeriod(+m[1], +m[2]);
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return halfPeriod(+m[1], +m[2]);
  m = /^(\d{4})$/.exec(key);
  if (m) return yearPeriod(+m[1]);
  return null;
}

/** Periods of a kind that overlap [from, to], in order. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const out: Period[] = [];
  if (from > to) return out;
  let p = periodContaining(kind, from);
  while (p.start <= to) {
    out.push(p);
    p = periodContaining(kind, addDays(p.end, 1));
  }
  return out;
}
