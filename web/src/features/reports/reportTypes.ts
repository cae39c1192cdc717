// Periodic PAR reports (báo cáo CCHC định kỳ): the shapes src/api/routes/reports.ts
// returns, and the draft content of src/domain/reports/types.ts as the screens read it.

export const REPORT_KINDS = ['q1', 'h1', 'q3', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** draft: Dự thảo; approved: Chủ tịch đã duyệt; submitted: Đã gửi tỉnh; received: Tỉnh đã tiếp nhận; returned: Tỉnh trả lại. */
export type ReportStatus = 'draft' | 'approved' | 'submitted' | 'received' | 'returned';
export const REPORT_STATUSES: ReportStatus[] = ['draft', 'approved', 'submitted', 'received', 'returned'];

/** Sent by the commune's deadline or after it; not sent and past it, or not yet due. */
export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';

/** The data window (thời gian chốt số liệu), both days included. */
export interface ReportWindow {
  kind: ReportKind;
  year: number;
  from: string;
  to: string;
  label: string;
}

// ---------- The draft (ReportDraft) ----------

export type FactRef = { type: 'task' | 'target' | 'plan'; id: string } | { type: 'dossiers'; from: string; to: string };

export interface ReportFact {
  text: string;
  ref?: FactRef;
}

export interface ReportSection {
  /** Stable key: "opening", "I.1", "II.2", "III.1", "V" … */
  key: string;
  /** "I", "1" … as printed. */
  number: string;
  heading: string;
  level: 1 | 2;
  facts: ReportFact[];
  text: string;
  editable: boolean;
}

export interface AnnexRow {
  group: string;
  label: string;
  unit: string;
  value: number | null;
  note: string;
  source: 'records' | 'manual';
}

export interface Bieu06Row {
  field: string;
  received: { total: number; online: number; direct: number; carried: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; withinTime: number; overdue: number };
}

export interface ReportDraft {
  title: string;
  window: ReportWindow;
  sections: ReportSection[];
  annex: AnnexRow[];
  bieu06: { rows: Bieu06Row[]; total: Bieu06Row } | null;
  figures: Record<string, number | null>;
}

// ---------- One report (the `present` view) ----------

export interface ReportStep {
  by: string | null;
  at: string;
}

export interface ReportVersionRef {
  id: string;
  version: number;
  status: ReportStatus;
  statusLabel: string;
}

export interface ReportView {
  id: string;
  kind: ReportKind;
  kindLabel: string;
  year: number;
  version: number;
  status: ReportStatus;
  statusLabel: string;
  org: { id: string; name: string; code: string };
  window: ReportWindow;
  communeDeadline: string;
  provinceDeadline: string;
  number: string | null;
  issuedDate: string | null;
  content: ReportDraft;
  editedSections: string[];
  steps: {
    created: ReportStep | null;
    approved: ReportStep | null;
    submitted: ReportStep | null;
    received: ReportStep | null;
    returned: ReportStep | null;
  };
  returnComment: string | null;
  /** Every version of this kind and year, newest first. */
  versions: ReportVersionRef[];
  can: { edit: boolean; approve: boolean; submit: boolean; review: boolean; newVersion: boolean };
}

export type ReportMove = 'approve' | 'submit' | 'receive' | 'return';

export interface MoveBody {
  move: ReportMove;
  comment?: string;
  number?: string;
  issuedDate?: string;
}

// ---------- A commune's year ----------

export interface ScheduleKind {
  kind: ReportKind;
  label: string;
  window: ReportWindow;
  communeDeadline: string;
  provinceDeadline: string;
  timeliness: Timeliness;
  /** Newest version first. */
  versions: Array<ReportVersionRef & { submittedOn: string | null }>;
  canCreate: boolean;
}

export interface ReportSchedule {
  year: number;
  kinds: ScheduleKind[];
}

// ---------- The province ----------

export interface StatusRow {
  orgId: string;
  code: string;
  name: string;
  reportId: string | null;
  version: number | null;
  status: ReportStatus | null;
  statusLabel: string;
  /** The day the commune first sent a version of this report (ISO date, Viet Nam time). */
  submittedOn: string | null;
  timeliness: Timeliness;
  figures: Record<string, number | null> | null;
}

export interface ReportStatusTable {
  kind: ReportKind;
  year: number;
  window: ReportWindow;
  deadline: string;
  summary: {
    communes: number;
    sent: number;
    onTime: number;
    late: number;
    missing: number;
    reportingRate: number | null;
    onTimeRate: number | null;
  };
  rows: StatusRow[];
  canReview: boolean;
}

export type DeadlineRule = { rule: 'working_days_after_cutoff'; n: number } | { rule: 'day_of_month'; day: number };

export interface ReportSettings {
  deadlines: Record<ReportKind, DeadlineRule>;
  recipients: string[];
  remindDaysBefore: number;
}
