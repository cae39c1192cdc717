/**
 * The calendar of periodic PAR reports (reporting.md A2): the four reports of a
 * year and their data windows (thời gian chốt số liệu, 15th → 14th), the
 * province's deadline to Bộ Nội vụ, the commune's deadline by the province's
 * rule, and whether a report was sent in time.
 */
import { parseIso, ymd, type IsoDate } from "../dates.js";
import { invalid } from "../errors.js";
import { addWorkingDays } from "../indicators/compute.js";
import { REPORT_KINDS, type DeadlineRule, type ReportKind, type ReportSettings, type ReportWindow } from "./types.js";

/** How a kind is named in running text: "báo cáo quý I", "báo cáo 6 tháng đầu năm". */
export const REPORT_KIND_NAMES: Record<ReportKind, string> = { q1: "quý I", h1: "6 tháng đầu năm", q3: "quý III", year: "năm" };

/** Each window as [year offset, month, day] of its first day and the month of its last day (the 14th). */
const WINDOWS: Record<ReportKind, { from: [number, number, number]; toMonth: number }> = {
  q1: { from: [-1, 12, 15], toMonth: 3 },
  h1: { from: [-1, 12, 15], toMonth: 6 },
  q3: { from: [0, 6, 15], toMonth: 9 },
  year: { from: [-1, 12, 15], toMonth: 12 },
};

/** "quý I năm 2026", "6 tháng đầu năm 2026", "quý III năm 2026", "năm 2026". */
function labelOf(kind: ReportKind, year: number): string {
  const name = REPORT_KIND_NAMES[kind];
  return name.endsWith("năm") ? `${name} ${year}` : `${name} năm ${year}`;
}

/**
 * The data window of a report: Quý I (Y-1)-12-15 → Y-03-14, 6 tháng (Y-1)-12-15
 * → Y-06-14 (cumulative), Quý III Y-06-15 → Y-09-14, Năm (Y-1)-12-15 → Y-12-14.
 */
export function reportWindow(kind: ReportKind, year: number): ReportWindow {
  const { from: [offset, month, day], toMonth } = WINDOWS[kind];
  return { kind, year, from: ymd(year + offset, month, day), to: ymd(year, toMonth, 14), label: labelOf(kind, year) };
}

export function windowsOfYear(year: number): ReportWindow[] {
  return REPORT_KINDS.map((kind) => reportWindow(kind, year));
}

/** The province's deadline to Bộ Nội vụ: the 20th of the window's last month, whatever the weekday. */
export function provinceDeadline(kind: ReportKind, year: number): IsoDate {
  return ymd(year, WINDOWS[kind].toMonth, 20);
}

/**
 * The commune's deadline to the province. `working_days_after_cutoff`: the n-th
 * working day (Monday to Friday) after the cut-off, the cut-off itself not
 * counted (n = 0: the cut-off day). `day_of_month`: that day of the window's
 * last month. No source says a deadline on a weekend moves, so none does
 * (reporting.md C5); public holidays are not known here and not skipped.
 */
export function communeDeadline(window: Pick<ReportWindow, "to">, rule: DeadlineRule): IsoDate {
  if (rule.rule === "working_days_after_cutoff") return addWorkingDays(window.to, rule.n);
  const { year, month } = parseIso(window.to);
  return ymd(year, month, rule.day);
}

/**
 * The period after a window, for "nhiệm vụ trọng tâm kỳ tới": after quý I the
 * rest of the half-year (Y-03-15 → Y-06-14, "quý II"), after 6 tháng quý III,
 * after quý III the rest of the year (Y-09-15 → Y-12-14, "quý IV"), after the
 * year quý I of the next. `kind` is the report that will cover it.
 */
export function nextWindow(window: Pick<ReportWindow, "kind" | "year">): ReportWindow {
  const { kind, year } = window;
  switch (kind) {
    case "q1": return { kind: "h1", year, from: ymd(year, 3, 15), to: ymd(year, 6, 14), label: `quý II năm ${year}` };
    case "h1": return reportWindow("q3", year);
    case "q3": return { kind: "year", year, from: ymd(year, 9, 15), to: ymd(year, 12, 14), label: `quý IV năm ${year}` };
    case "year": return reportWindow("q1", year + 1);
  }
}

export type ReportTimeliness = "on_time" | "late" | "missing" | "not_due";

/** A report sent by its deadline is on time, after it late; not sent, it is missing once the deadline has passed. */
export function timeliness(submittedAt: IsoDate | null, deadline: IsoDate, today: IsoDate): ReportTimeliness {
  if (submittedAt !== null) return submittedAt <= deadline ? "on_time" : "late";
  return today > deadline ? "missing" : "not_due";
}

// ---------- Settings ----------

/** Initial values, to be confirmed by each province (reporting.md A2, C4); recipients are replaced by the province's names at use. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  deadlines: Object.fromEntries(REPORT_KINDS.map((k) => [k, { rule: "working_days_after_cutoff", n: 2 }])) as Record<ReportKind, DeadlineRule>,
  recipients: ["UBND tỉnh", "Sở Nội vụ"],
  remindDaysBefore: 3,
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isIntIn = (x: unknown, min: number, max: number): x is number => typeof x === "number" && Number.isInteger(x) && x >= min && x <= max;

/** One deadline rule from untrusted JSON; `what` names it in the message ("Hạn gửi báo cáo quý I"). */
export function parseDeadlineRule(raw: unknown, field = "deadline", what = "Hạn gửi báo cáo"): DeadlineRule {
  if (!isObject(raw)) throw invalid(`${what}: cần chọn cách tính hạn (số ngày làm việc sau ngày chốt số liệu, hoặc một ngày cố định trong tháng).`, field);
  switch (raw.rule) {
    case "working_days_after_cutoff":
      if (!isIntIn(raw.n, 0, 20)) throw invalid(`${what}: số ngày làm việc sau ngày chốt số liệu phải là số nguyên từ 0 đến 20.`, `${field}.n`);
      return { rule: "working_days_after_cutoff", n: raw.n };
    case "day_of_month":
      if (!isIntIn(raw.day, 1, 28)) throw invalid(`${what}: ngày gửi trong tháng phải là số nguyên từ 1 đến 28.`, `${field}.day`);
      return { rule: "day_of_month", day: raw.day };
    default:
      throw invalid(`${what}: cách tính hạn không hợp lệ; chọn "working_days_after_cutoff" (số ngày làm việc sau ngày chốt số liệu) hoặc "day_of_month" (ngày cố định trong tháng).`, `${field}.rule`);
  }
}

/**
 * A province's report settings from untrusted JSON (the settings form). A part
 * left out takes its initial value; a part given must be valid, or an
 * AppError("validation") names it in Vietnamese.
 */
export function parseReportSettings(raw: unknown): ReportSettings {
  if (!isObject(raw)) throw invalid("Cài đặt báo cáo không hợp lệ: cần một đối tượng JSON.");
  const deadlines = { ...DEFAULT_REPORT_SETTINGS.deadlines };
  if (raw.deadlines !== undefined) {
    if (!isObject(raw.deadlines)) throw invalid("Hạn gửi báo cáo không hợp lệ: cần hạn của từng kỳ báo cáo.", "deadlines");
    for (const [key, value] of Object.entries(raw.deadlines)) {
      if (!(REPORT_KINDS as readonly string[]).includes(key)) throw invalid(`Kỳ báo cáo "${key}" không có; các kỳ là ${REPORT_KINDS.join(", ")}.`, `deadlines.${key}`);
      const kind = key as ReportKind;
      deadlines[kind] = parseDeadlineRule(value, `deadlines.${kind}`, `Hạn gửi báo cáo ${REPORT_KIND_NAMES[kind]}`);
    }
  }
  let recipients = DEFAULT_REPORT_SETTINGS.recipients;
  if (raw.recipients !== undefined) {
    if (!Array.isArray(raw.recipients) || raw.recipients.length === 0 || raw.recipients.length > 10) throw invalid("Nơi nhận báo cáo (Kính gửi): cần từ 1 đến 10 cơ quan.", "recipients");
    recipients = raw.recipients.map((r, i) => {
      const name = typeof r === "string" ? r.normalize("NFC").trim() : "";
      if (!name || name.length > 200) throw invalid(`Nơi nhận báo cáo (Kính gửi) thứ ${i + 1}: cần tên cơ quan, tối đa 200 ký tự.`, `recipients.${i}`);
      return name;
    });
  }
  let remindDaysBefore = DEFAULT_REPORT_SETTINGS.remindDaysBefore;
  if (raw.remindDaysBefore !== undefined) {
    if (!isIntIn(raw.remindDaysBefore, 0, 30)) throw invalid("Số ngày nhắc trước hạn gửi báo cáo phải là số nguyên từ 0 đến 30.", "remindDaysBefore");
    remindDaysBefore = raw.remindDaysBefore;
  }
  return { deadlines, recipients, remindDaysBefore };
}
