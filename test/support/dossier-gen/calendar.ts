import { daysInMonth, parseIso, ymd, type IsoDate } from "../../../src/domain/dates.js";
import type { TimeUnit } from "../../../src/domain/indicators/types.js";
import type { Rng } from "./prng.js";

/**
 * Date helpers of the generator (kept apart from the domain code the tests
 * check). Dates are converted to day numbers through small caches: a million
 * dossiers need a few thousand distinct dates, and date arithmetic dominates
 * the generation time otherwise.
 */
const numberOf = new Map<IsoDate, number>();
const dateOf = new Map<number, IsoDate>();
const DAY_MS = 86_400_000;

export function dayNumber(d: IsoDate): number {
  let n = numberOf.get(d);
  if (n === undefined) {
    n = Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
    numberOf.set(d, n);
    dateOf.set(n, d);
  }
  return n;
}
export function dateOfNumber(n: number): IsoDate {
  let d = dateOf.get(n);
  if (d === undefined) {
    const t = new Date(n * DAY_MS);
    d = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    dateOf.set(n, d);
    numberOf.set(d, n);
  }
  return d;
}
export const addDays = (d: IsoDate, k: number): IsoDate => dateOfNumber(dayNumber(d) + k);
/** b − a in days. */
export const daysBetween = (a: IsoDate, b: IsoDate) => dayNumber(b) - dayNumber(a);

/** 0 = Sunday … 6 = Saturday (day 0 = 1970-01-01 was a Thursday). */
export const weekday = (d: IsoDate) => (((dayNumber(d) + 4) % 7) + 7) % 7;
export const isWeekend = (d: IsoDate) => { const w = weekday(d); return w === 0 || w === 6; };

/** The n-th Monday–Friday after a. */
export function plusWorkingDays(a: IsoDate, n: number): IsoDate {
  let d = a;
  while (n > 0) {
    d = addDays(d, 1);
    if (!isWeekend(d)) n--;
  }
  return d;
}

export function plusMonths(a: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIso(a);
  const m0 = month - 1 + n;
  const y = year + Math.floor(m0 / 12), m = (m0 % 12) + 1;
  return ymd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Due date from a legal time limit, as a one-stop system would print it on Mẫu 01. */
export function dueFrom(accepted: IsoDate, limit: number, unit: TimeUnit): IsoDate {
  switch (unit) {
    case "gio": return plusWorkingDays(accepted, Math.ceil(limit / 8));
    case "ngay": return addDays(accepted, limit);
    case "thang": return plusMonths(accepted, limit);
    case "ngay-lam-viec": return plusWorkingDays(accepted, limit);
  }
}

export const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/**
 * Draws days of [from, to] the way a one-stop shop works: Monday–Friday, some
 * Saturday mornings, rarely a Sunday.
 */
export class DayPicker {
  private readonly days: IsoDate[] = [];
  private readonly cumulative: number[] = [];

  constructor(from: IsoDate, to: IsoDate, weekend = { saturday: 0.1, sunday: 0.02 }) {
    let total = 0;
    const n = daysBetween(from, to);
    for (let i = 0; i <= n; i++) {
      const d = addDays(from, i);
      const w = weekday(d);
      total += w === 6 ? weekend.saturday : w === 0 ? weekend.sunday : 1;
      this.days.push(d);
      this.cumulative.push(total);
    }
    if (!this.days.length) throw new Error(`empty date range ${from}..${to}`);
  }

  pick(rng: Rng): IsoDate {
    const x = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0, hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid; else lo = mid + 1;
    }
    return this.days[lo]!;
  }
}
