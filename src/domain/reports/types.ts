/**
 * Periodic PAR reports (báo cáo CCHC định kỳ, shared/reference/reporting.md A):
 * the four report kinds of a year and their data windows, the commune's
 * deadline rule per province, the facts of a window the builder reads, and the
 * draft it produces (sections in the official outline, the statistics annex,
 * Biểu 06 rows). Pure types.
 */
import type { AreaCode } from "../areas.js";
import type { IsoDate } from "../dates.js";
import type { Counts, Rates } from "../indicators/compute.js";
import type { TaskStatus } from "../task-status.js";

export const REPORT_KINDS = ["q1", "h1", "q3", "year"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A report's data window (thời gian chốt số liệu), both days included. */
export interface ReportWindow {
  kind: ReportKind;
  year: number;
  from: IsoDate;
  to: IsoDate;
  /** "quý I năm 2026", "6 tháng đầu năm 2026", "quý III năm 2026", "năm 2026". */
  label: string;
}

/** When a commune must send its report to the province (a per-province setting). */
export type DeadlineRule =
  | { rule: "working_days_after_cutoff"; n: number }
  | { rule: "day_of_month"; day: number };

export interface ReportSettings {
  deadlines: Record<ReportKind, DeadlineRule>;
  /** The "Kính gửi" lines of a commune's report: "UBND tỉnh …", "Sở Nội vụ tỉnh …". */
  recipients: string[];
  /** Days before a deadline when the focal point is reminded. */
  remindDaysBefore: number;
}

// ---------- What the builder reads (gathered by the db layer for one commune and window) ----------

export interface ReportTaskFact {
  id: string;
  planId: string;
  ref: string | null;
  title: string;
  area: AreaCode | null;
  /** Lead units' names. */
  lead: string[];
  product: string | null;
  dueDate: IsoDate | null;
  doneOn: IsoDate | null;
  /** Status as of the window's last day. */
  status: TaskStatus;
  /** The latest progress note written by the window's end, if any. */
  lastNote: string | null;
  evidenceCount: number;
}

export interface ReportTargetFact {
  id: string;
  planId: string;
  text: string;
  op: string | null;
  value: number | null;
  unit: string | null;
  /** The latest value recorded for a period ending by the window's end. */
  latest: { period: string; value: number } | null;
  /**
   * The reform area the report shows it under (section II). Absent or null: the
   * area of its computed indicator (indicatorKey) if any, else with the plan's
   * general results in I.1.
   */
  area?: AreaCode | null;
  /** The computed indicator feeding it (targets.indicator_key), if any. */
  indicatorKey?: string | null;
  light: "met" | "at_risk" | "missed" | "no_data";
}

/** One row of Biểu số 06/VPCP/KSTT (reporting.md A5): per field, or the total. */
export interface Bieu06Row {
  field: string;
  received: { total: number; online: number; direct: number; carried: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; withinTime: number; overdue: number };
}

export interface ReportInput {
  commune: { name: string; code: string; province: string | null };
  window: ReportWindow;
  /** The plans of the report's year the report rests on (opening: "Căn cứ Kế hoạch số …"). */
  plans: Array<{ id: string; title: string; number: string | null; issuedDate: IsoDate | null; type: string }>;
  /** Tasks of those plans. */
  tasks: ReportTaskFact[];
  /** Tasks due in the next window (section IV). */
  nextTasks: ReportTaskFact[];
  targets: ReportTargetFact[];
  /** One-stop figures of the window, when dossier data exists. */
  oneStop: {
    counts: Counts; rates: Rates; byField: Bieu06Row[]; total: Bieu06Row;
    /** The dossiers' window when the province counts them over other dates (reporting.md C7); default the report's window. */
    window?: { from: IsoDate; to: IsoDate };
  } | null;
  /** What the self-inspection and initiative records hold; absent when the commune keeps neither. */
  reform?: ReportReformFacts;
}

export interface ReportReformFacts {
  /** The year's inspection plan as it stood at the window's end (year to date); null without a plan. */
  inspection: {
    targetShare: number;
    /** Bộ phận inspected / bộ phận counted. */
    units: { inspected: number; total: number };
    /** Findings of the inspections held; handled = fixed or escalated, escalated among them. */
    findings: { total: number; handled: number; escalated: number };
  } | null;
  /** Initiatives of the year registered and recognised within the window; null when the year has none by its end. */
  initiatives: { submitted: number; recognised: number } | null;
}

// ---------- What it produces ----------

/** A fact in the draft and the records behind it, so the screen can link to them. */
export interface ReportFact {
  text: string;
  ref?: { type: "task" | "target" | "plan"; id: string } | { type: "dossiers"; from: IsoDate; to: IsoDate };
}

export interface ReportSection {
  /** Stable key: "opening", "I.1", "II.2", "III.1", "V" … */
  key: string;
  /** "I", "1" … as printed. */
  number: string;
  heading: string;
  level: 1 | 2;
  /** Computed facts, shown and printed as they are. */
  facts: ReportFact[];
  /** Text written by people, prefilled where the records allow; edited in the browser. */
  text: string;
  /** Whether the section takes text (headings of groups do not). */
  editable: boolean;
}

export interface AnnexRow {
  /** Area heading the row belongs to. */
  group: string;
  label: string;
  unit: string;
  value: number | null;
  note: string;
  /** "records": computed; "manual": to be filled by the commune (value null until then). */
  source: "records" | "manual";
}

export interface ReportDraft {
  /** "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026". */
  title: string;
  window: ReportWindow;
  sections: ReportSection[];
  annex: AnnexRow[];
  bieu06: { rows: Bieu06Row[]; total: Bieu06Row } | null;
  /** Headline figures by key, for the province's table of all communes. */
  figures: Record<string, number | null>;
}
