import { addDays, parseIso, ymd, daysInMonth, type IsoDate } from "../dates.js";
import type { Period } from "../periods.js";
import { fold } from "../text.js";
import { percent } from "./ratio.js";
import { defaultProcedure, type Dossier, type Feedback, type Procedure, type TimeUnit } from "./types.js";

/** A window: a Period of periods.ts or a from/to range, both days included. */
export interface Window { from: IsoDate; to: IsoDate }
export function toWindow(w: Window | Period): Window {
  return "start" in w ? { from: w.start, to: w.end } : { from: w.from, to: w.to };
}
const inW = (d: IsoDate | null, w: Window) => d !== null && d >= w.from && d <= w.to;

/** Optional filters: handling unit, procedure field (`field` = its name or its code), compared after `fold`. */
export interface DossierFilter { unit?: string; fieldCode?: string; fieldName?: string; field?: string }

export interface Calendar { holidays: ReadonlySet<IsoDate> }
export const NO_HOLIDAYS: Calendar = { holidays: new Set() };

export function isWorkingDay(d: IsoDate, cal: Calendar = NO_HOLIDAYS): boolean {
  const { year, month, day } = parseIso(d);
  const wd = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return wd !== 0 && wd !== 6 && !cal.holidays.has(d);
}
/** Working days after a up to and including b (0 when b ≤ a). */
export function workingDaysBetween(a: IsoDate, b: IsoDate, cal: Calendar = NO_HOLIDAYS): number {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}
export function addWorkingDays(a: IsoDate, n: number, cal: Calendar = NO_HOLIDAYS): IsoDate {
  let d = a;
  while (n > 0) { d = addDays(d, 1); if (isWorkingDay(d, cal)) n--; }
  return d;
}
function addMonths(a: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIso(a);
  const m0 = month - 1 + n;
  const y = year + Math.floor(m0 / 12), m = (m0 % 12 + 12) % 12 + 1;
  return ymd(y, m, Math.min(day, daysInMonth(y, m)));
}
/** Due date from a legal time limit (§5.3; `giờ` = whole working days of 8 hours, rounded up). */
export function dueFromLimit(start: IsoDate, limit: number, unit: TimeUnit | null, cal: Calendar = NO_HOLIDAYS): IsoDate {
  switch (unit) {
    case "gio": return addWorkingDays(start, Math.ceil(limit / 8), cal);
    case "ngay": return addDays(start, Math.ceil(limit));
    case "thang": return addMonths(start, Math.ceil(limit));
    default: return addWorkingDays(start, Math.ceil(limit), cal);
  }
}

export interface DossierSettings { apology_moves_due_date: boolean }
export interface Context {
  window: Window;
  procedures: Map<string, Procedure>;
  settings: DossierSettings;
  calendar: Calendar;
}
export function procedureOf(ctx: Context, d: Dossier): Procedure {
  return ctx.procedures.get(d.procedureCode) ?? defaultProcedure(d.procedureCode);
}

export const isAccepted = (d: Dossier) => d.status !== 1 && d.status !== 3;
export const isReceived = (d: Dossier, w: Window) => isAccepted(d) && inW(d.accepted, w);
/** End date (NgayKetThucXuLy, else NgayTra for 10, else NgayTuChoi for 8), if status 7–10. */
export function endDate(d: Dossier): IsoDate | null {
  if (d.status < 7) return null;
  return d.ended ?? (d.status === 10 ? d.returned : null) ?? (d.status === 8 ? d.refused : null);
}
/** Ended as at `to`. */
export function endedBy(d: Dossier, to: IsoDate): IsoDate | null {
  const e = endDate(d);
  return e !== null && e <= to ? e : null;
}
export function dueDate(ctx: Context, d: Dossier): IsoDate | null {
  if (ctx.settings.apology_moves_due_date && d.newDue && d.apology && d.apology <= ctx.window.to) return d.newDue;
  if (d.due) return d.due;
  if (!d.accepted) return null;
  const p = ctx.procedures.get(d.procedureCode);
  const limit = d.timeLimit ?? p?.timeLimit ?? null;
  const unit = d.timeLimit !== null ? d.timeUnit : p?.timeUnit ?? null;
  return limit !== null && limit > 0 ? dueFromLimit(d.accepted, limit, unit, ctx.calendar) : null;
}

export type DossierClass = "early" | "on_time" | "late" | "within_time" | "overdue";
/** §5.3–5.5 as at the window end. */
export function classify(ctx: Context, d: Dossier): DossierClass {
  const to = ctx.window.to;
  const end = endedBy(d, to);
  const ended = end !== null;
  const request = d.supplementRequested && d.supplementRequested <= to ? d.supplementRequested : null;
  const rounds = request ? Math.max(1, d.supplementCount) : 0;
  if (rounds >= 2) return ended ? "late" : "overdue";
  const due = dueDate(ctx, d);
  if (due === null) return ended ? "on_time" : "within_time";
  let e = end ?? to;
  if (request) {
    const back = d.supplementReturned && d.supplementReturned <= to ? d.supplementReturned : null;
    if (back === null) e = request;
    else e = addDays(e, -Math.round((Date.parse(back) - Date.parse(request)) / 86_400_000));
  }
  if (ended) return e < due ? "early" : e === due ? "on_time" : "late";
  return e <= due ? "within_time" : "overdue";
}

export const isOnline = (d: Dossier) => d.channel === 2;
export const isFeeBearing = (d: Dossier) => d.fee > 0;
export const isPaidOnline = (d: Dossier) => d.paidOnline === 1 || d.paidOnline === 2;

export function filterDossiers(ds: readonly Dossier[], f: DossierFilter = {}, procedures?: Map<string, Procedure>): Dossier[] {
  const eq = (a: string | null | undefined, b: string | undefined) => b === undefined || (a != null && fold(a) === fold(b));
  return ds.filter((d) => {
    const p = procedures?.get(d.procedureCode);
    const code = d.fieldCode ?? p?.fieldCode, name = d.fieldName ?? p?.fieldName;
    return eq(d.unit, f.unit) && eq(code, f.fieldCode) && eq(name, f.fieldName) && (f.field === undefined || eq(name, f.field) || eq(code, f.field));
  });
}

// ---------- Feedback (§5.7) ----------
export type FeedbackOutcome = "resolved_on_time" | "resolved_late" | "pending_within_time" | "pending_overdue";
export const feedbackInWindow = (f: Feedback, w: Window) => inW(f.received ?? f.sent, w);
export function feedbackOutcome(f: Feedback, to: IsoDate, cal: Calendar = NO_HOLIDAYS): FeedbackOutcome {
  const s = f.forwarded ?? f.sent;
  const wd = (a: IsoDate, b: IsoDate) => workingDaysBetween(a, b, cal);
  const requestOk = !f.supplementRequested || f.supplementRequested > to || wd(s, f.supplementRequested) <= 5;
  if ((f.status === "tu-choi" || f.status === "chuyen-di") && f.refused && f.refused <= to) {
    return wd(s, f.refused) <= 2 ? "resolved_on_time" : "resolved_late";
  }
  if ((f.status === "cho-cong-khai" || f.status === "da-cong-khai") && f.awaitingPublication && f.awaitingPublication <= to) {
    const h = f.awaitingPublication;
    const pub = f.published && f.published <= to ? f.published : null;
    const pubOk = pub ? wd(h, pub) <= 2 : wd(h, to) <= 2;
    return wd(s, h) <= 15 && requestOk && pubOk ? "resolved_on_time" : "resolved_late";
  }
  return wd(s, to) <= 15 && requestOk ? "pending_within_time" : "pending_overdue";
}
export function isUnsatisfiedFeedback(f: Feedback, to: IsoDate, cal: Calendar = NO_HOLIDAYS): boolean {
  const o = feedbackOutcome(f, to, cal);
  return f.dislikes > f.likes || o === "resolved_late" || o === "pending_overdue" || f.complainedAgain;
}

// ---------- Counts and rates ----------
export interface Rate { numerator: number; denominator: number; rate: number | null }
export const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: percent(numerator, denominator) });

export interface Counts {
  received: { total: number; online: number; direct: number; post: number };
  carried_over: number;
  handled: number;
  resolved: { total: number; early: number; on_time: number; late: number };
  pending: { total: number; within_time: number; overdue: number };
  waiting_supplement: number;
  withdrawn: number;
  stopped: number;
  refused_at_intake: number;
  not_yet_accepted: number;
  apology_letters: number;
  feedback: {
    received: number; resolved_on_time: number; resolved_late: number; pending_within_time: number;
    pending_overdue: number; about_procedures: number; about_staff: number;
  };
}
export interface Rates {
  on_time: Rate; online_submission: Rate; fully_online: Rate; fully_online_eligible: Rate; online_payment: Rate;
  digitised_dossiers: Rate; digitised_results: Rate; e_results: Rate; reuse: Rate; feedback_on_time: Rate; satisfaction: Rate;
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.reduce((n, x) => n + (p(x) ? 1 : 0), 0);

export function computeCounts(ctx: Context, dossiers: readonly Dossier[], feedback: readonly Feedback[]): Counts {
  const w = ctx.window;
  const received = dossiers.filter((d) => isReceived(d, w));
  const carried = count(dossiers, (d) => {
    if (!isAccepted(d) || !d.accepted || d.accepted >= w.from) return false;
    const e = endDate(d);
    return e === null || e >= w.from;
  });
  const resolved = dossiers.filter((d) => isAccepted(d) && inW(endedBy(d, w.to), w));
  const pending = dossiers.filter((d) => isAccepted(d) && d.accepted !== null && d.accepted <= w.to && endedBy(d, w.to) === null);
  const rc = resolved.map((d) => classify(ctx, d));
  const pc = pending.map((d) => classify(ctx, d));
  const fb = feedback.filter((f) => feedbackInWindow(f, w));
  const fo = fb.map((f) => feedbackOutcome(f, w.to, ctx.calendar));
  return {
    received: {
      total: received.length,
      online: count(received, (d) => d.channel === 2),
      direct: count(received, (d) => d.channel === 1),
      post: count(received, (d) => d.channel === 3),
    },
    carried_over: carried,
    handled: received.length + carried,
    resolved: { total: resolved.length, early: count(rc, (c) => c === "early"), on_time: count(rc, (c) => c === "on_time"), late: count(rc, (c) => c === "late") },
    pending: { total: pending.length, within_time: count(pc, (c) => c === "within_time"), overdue: count(pc, (c) => c === "overdue") },
    waiting_supplement: count(pending, (d) => d.supplementRequested !== null && d.supplementRequested <= w.to && !(d.supplementReturned && d.supplementReturned <= w.to)),
    withdrawn: count(resolved, (d) => d.status === 7),
    stopped: count(resolved, (d) => d.status === 8),
    refused_at_intake: count(dossiers, (d) => d.status === 3 && inW(d.refused ?? d.submitted, w)),
    not_yet_accepted: count(dossiers, (d) => d.status === 1 && inW(d.submitted, w)),
    apology_letters: count(dossiers, (d) => inW(d.apology, w)),
    feedback: {
      received: fb.length,
      resolved_on_time: count(fo, (o) => o === "resolved_on_time"),
      resolved_late: count(fo, (o) => o === "resolved_late"),
      pending_within_time: count(fo, (o) => o === "pending_within_time"),
      pending_overdue: count(fo, (o) => o === "pending_overdue"),
      about_procedures: count(fb, (f) => f.category === "quy-dinh"),
      about_staff: count(fb, (f) => f.category === "hanh-vi"),
    },
  };
}

export function computeRates(ctx: Context, dossiers: readonly Dossier[], counts: Counts): Rates {
  const w = ctx.window;
  const received = dossiers.filter((d) => isReceived(d, w));
  const eligible = received.filter((d) => procedureOf(ctx, d).eligibleFullyOnline);
  const full = (d: Dossier) => isOnline(d) && d.level === 4;
  const fee = received.filter(isFeeBearing);
  const results = dossiers.filter((d) => isAccepted(d) && (d.status === 9 || d.status === 10) && inW(endedBy(d, w.to), w) && procedureOf(ctx, d).writtenResult);
  const rated = received.filter((d) => d.rating !== null);
  return {
    on_time: rate(counts.resolved.early + counts.resolved.on_time, counts.resolved.total),
    online_submission: rate(counts.received.online, counts.received.total),
    fully_online: rate(count(received, full), received.length),
    fully_online_eligible: rate(count(eligible, full), eligible.length),
    online_payment: rate(count(fee, isPaidOnline), fee.length),
    digitised_dossiers: rate(count(received, (d) => d.digitised), received.length),
    digitised_results: rate(count(results, (d) => d.resultDigitised ?? d.eResult), results.length),
    e_results: rate(count(results, (d) => d.eResult), results.length),
    reuse: rate(count(received, (d) => d.reused), received.length),
    feedback_on_time: rate(counts.feedback.resolved_on_time + counts.feedback.pending_within_time, counts.feedback.received),
    satisfaction: rate(count(rated, (d) => d.rating === "rat-hai-long" || d.rating === "hai-long"), rated.length),
  };
}
