// Shapes returned by the HTTP API (docs/api.md). Dates are ISO `YYYY-MM-DD`,
// timestamps ISO 8601 with offset.

export type OrgKind = 'province' | 'commune' | 'district';

export interface Org {
  id: string;
  kind: OrgKind;
  name: string;
  code: string;
  parentId: string | null;
}

export type UnitKind = 'unit' | 'officer-title' | 'organisation' | 'leadership' | 'generic';

export interface Unit {
  id: string;
  orgId: string;
  code: string | null;
  name: string;
  abbreviations: string[];
  kind: UnitKind;
  active: boolean;
  sortOrder: number;
}

export interface UnitRef {
  id: string;
  name: string;
}

export type Role = 'province_admin' | 'province_viewer' | 'chairman' | 'focal_point' | 'unit_officer';

export const COMMUNE_ROLES: Role[] = ['chairman', 'focal_point', 'unit_officer'];
export const PROVINCE_ROLES: Role[] = ['province_admin', 'province_viewer'];

export interface User {
  id: string;
  orgId: string;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  units: UnitRef[];
  lastLoginAt: string | null;
}

export interface Permissions {
  managePlans: boolean;
  manageUsers: boolean;
  decideExtensions: boolean;
  approvePlans: boolean;
  provincial: boolean;
}

export interface Me extends User {
  /** The server's calendar date in Vietnam. */
  today: string;
  org: Org;
  permissions: Permissions;
}

/** Task status as computed by the server. */
export type Status =
  | 'not_started'
  | 'in_progress'
  | 'due_soon'
  | 'overdue'
  | 'done_on_time'
  | 'done_late'
  | 'no_deadline';

export const STATUSES: Status[] = [
  'not_started',
  'in_progress',
  'due_soon',
  'overdue',
  'done_on_time',
  'done_late',
  'no_deadline',
];

export type StatusCounts = Record<Status, number>;

/** Reform area code (lĩnh vực của Chỉ số CCHC). */
export type Area =
  | 'chi-dao-dieu-hanh'
  | 'the-che'
  | 'thu-tuc-hanh-chinh'
  | 'to-chuc-bo-may'
  | 'cong-vu'
  | 'tai-chinh-cong'
  | 'chinh-quyen-so'
  | 'tac-dong';

export interface AreaRef {
  code: Area;
  name: string;
  short: string;
}

export type Recurrence = 'continuous' | 'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'periodic';

export const RECURRENCES: Recurrence[] = ['continuous', 'monthly', 'quarterly', 'semiannual', 'annual', 'periodic'];

export type PeriodState = 'ok' | 'late' | 'missing' | 'current' | 'upcoming';

export interface Period {
  key: string;
  label: string;
  start: string;
  end: string;
  state: PeriodState;
  checkInDate: string | null;
}

export interface TaskSummary {
  id: string;
  planId: string;
  ref: string | null;
  area: Area | null;
  title: string;
  product: string | null;
  lead: UnitRef[];
  support: UnitRef[];
  timelineText: string | null;
  milestones: string[];
  dueDate: string | null;
  originalDueDate: string | null;
  recurrence: Recurrence | null;
  criteria: string[];
  budgetSource: string | null;
  progress: number;
  doneOn: string | null;
  status: Status;
  missingPeriods: string[];
  lastUpdateAt: string | null;
  canUpdate: boolean;
  /** Sent by the server: the viewer may mark the task done (lead unit or focal point). */
  canComplete?: boolean;
  sortOrder: number;
  /** Present on /api/my/tasks and dashboard lists. */
  planTitle?: string;
  /** Plan cascade: the provincial task this commune task serves; on a provincial task, given to the communes. */
  sourceTaskId?: string | null;
  forCommunes?: boolean;
}

export interface Evidence {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  url: string;
}

export interface PersonRef {
  id: string;
  fullName: string;
}

export interface Update {
  id: string;
  taskId: string;
  date: string;
  author: PersonRef;
  progress: number | null;
  note: string;
  statusChange: 'done' | 'reopened' | null;
  period: string | null;
  createdAt: string;
  files: Evidence[];
}

export type ExtensionStatus = 'pending' | 'approved' | 'refused';

export interface Extension {
  id: string;
  taskId: string;
  taskTitle: string;
  taskRef: string | null;
  planId: string;
  requestedBy: PersonRef;
  requestedAt: string;
  currentDue: string | null;
  proposedDue: string;
  reason: string;
  status: ExtensionStatus;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface Task extends TaskSummary {
  periods: Period[];
  updates: Update[];
  extensions: Extension[];
  canEdit: boolean;
}

export type TargetOp = '>=' | '>' | '<=' | '<' | '=';

export const TARGET_OPS: TargetOp[] = ['>=', '>', '=', '<=', '<'];

export interface TargetValue {
  period: string;
  periodLabel: string;
  value: number;
  note: string | null;
  recordedAt: string;
}

export interface Target {
  id: string;
  planId: string;
  text: string;
  op: TargetOp | null;
  value: number | null;
  unit: string | null;
  dataSource: 'manual' | 'computed';
  indicatorKey: string | null;
  monitor: UnitRef[];
  implement: UnitRef[];
  values: TargetValue[];
  latest: { period: string; periodLabel: string; value: number } | null;
  met: boolean | null;
  /** The catalogue's name of the linked indicator (computed targets). */
  indicatorLabel: string | null;
  /** Traffic light judged by the server: the year's figure (to date) and the latest completed month. */
  light: TargetLight;
  /** The figure judged and its period key ("2026", "2026-05"). */
  lightValue: number | null;
  lightPeriod: string | null;
  /** Monthly values of the plan's year, oldest first. */
  trend: { period: string; value: number }[];
}

export type TargetLight = 'met' | 'at_risk' | 'missed' | 'no_data';

/** An indicator a computed target can be linked to (/api/reference/indicators). */
export interface IndicatorRef {
  key: string;
  label: string;
  unit: string;
}

export type PlanType = 'annual' | 'remediation' | 'emulation' | 'topical';
export const PLAN_TYPES: PlanType[] = ['annual', 'remediation', 'emulation', 'topical'];

export type PlanStatus = 'draft' | 'active' | 'closed';

export interface Plan {
  id: string;
  orgId: string;
  type: PlanType;
  number: string | null;
  issuedDate: string | null;
  year: number;
  title: string;
  issuer: string | null;
  signerName: string | null;
  signerTitle: string | null;
  legalBases: string[];
  status: PlanStatus;
  createdAt: string;
  updatedAt: string;
  taskCount: number;
  statusCounts: StatusCounts;
}

export interface PlanDetail extends Plan {
  tasks: TaskSummary[];
  targets: Target[];
  canEdit: boolean;
  canApprove: boolean;
  /** Sent by the server beside canEdit/canApprove: the viewer may close the (active) plan. */
  canClose: boolean;
  canReopen: boolean;
}

export type NotificationKind =
  | 'due_soon'
  | 'overdue'
  | 'extension_requested'
  | 'extension_decided'
  | 'missing_checkin'
  | 'target_at_risk'
  | 'report_due'
  | 'report_returned'
  | 'finding_due_soon'
  | 'finding_overdue';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  message: string;
  taskId: string | null;
  planId: string | null;
  /** A finding reminder: the finding, and the inspection to open. */
  findingId: string | null;
  inspectionId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

export interface RateRow {
  tasks: number;
  statusCounts: StatusCounts;
  onTimeRate: number | null;
}

export interface Dashboard {
  year: number;
  today: string;
  totals: { tasks: number; statusCounts: StatusCounts; onTimeRate: number | null };
  byArea: (RateRow & { area: Area | null; name: string })[];
  byUnit: (RateRow & { unit: UnitRef })[];
  overdue: TaskSummary[];
  dueNext30: TaskSummary[];
  targets: Target[];
  plans: Plan[];
}
