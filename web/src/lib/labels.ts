// Words for the codes the API uses (roles, plan types, recurrences …).
import { t, type MessageKey } from '../i18n';
import type { NotificationKind, PlanStatus, PlanType, Recurrence, Role, TargetOp, UnitKind } from './types';

const ROLE_KEY: Record<Role, MessageKey> = {
  province_admin: 'role.province_admin',
  province_viewer: 'role.province_viewer',
  chairman: 'role.chairman',
  focal_point: 'role.focal_point',
  unit_officer: 'role.unit_officer',
};

export function roleLabel(role: Role): string {
  return t(ROLE_KEY[role]);
}

const PLAN_TYPE_KEY: Record<PlanType, MessageKey> = {
  annual: 'planType.annual',
  remediation: 'planType.remediation',
  emulation: 'planType.emulation',
  topical: 'planType.topical',
};

export function planTypeLabel(type: PlanType): string {
  return t(PLAN_TYPE_KEY[type]);
}

const PLAN_STATUS_KEY: Record<PlanStatus, MessageKey> = {
  draft: 'planStatus.draft',
  active: 'planStatus.active',
  closed: 'planStatus.closed',
};

export function planStatusLabel(status: PlanStatus): string {
  return t(PLAN_STATUS_KEY[status]);
}

const RECURRENCE_KEY: Record<Recurrence, MessageKey> = {
  continuous: 'recurrence.continuous',
  monthly: 'recurrence.monthly',
  quarterly: 'recurrence.quarterly',
  semiannual: 'recurrence.semiannual',
  annual: 'recurrence.annual',
  periodic: 'recurrence.periodic',
};

export function recurrenceLabel(recurrence: Recurrence | null): string {
  return recurrence ? t(RECURRENCE_KEY[recurrence]) : t('recurrence.none');
}

const UNIT_KIND_KEY: Record<UnitKind, MessageKey> = {
  unit: 'unitKind.unit',
  'officer-title': 'unitKind.officer-title',
  organisation: 'unitKind.organisation',
  leadership: 'unitKind.leadership',
  generic: 'unitKind.generic',
};

export function unitKindLabel(kind: UnitKind): string {
  return t(UNIT_KIND_KEY[kind]);
}

const OP_KEY: Record<TargetOp, MessageKey> = {
  '>=': 'targetOp.gte',
  '>': 'targetOp.gt',
  '=': 'targetOp.eq',
  '<=': 'targetOp.lte',
  '<': 'targetOp.lt',
};

export function targetOpLabel(op: TargetOp): string {
  return t(OP_KEY[op]);
}

export const OP_SYMBOL: Record<TargetOp, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

const NOTIFICATION_KIND_KEY: Record<NotificationKind, MessageKey> = {
  due_soon: 'notificationKind.due_soon',
  overdue: 'notificationKind.overdue',
  extension_requested: 'notificationKind.extension_requested',
  extension_decided: 'notificationKind.extension_decided',
  missing_checkin: 'notificationKind.missing_checkin',
  target_at_risk: 'notificationKind.target_at_risk',
  report_due: 'notificationKind.report_due',
  report_returned: 'notificationKind.report_returned',
  finding_due_soon: 'notificationKind.finding_due_soon',
  finding_overdue: 'notificationKind.finding_overdue',
};

export function notificationKindLabel(kind: NotificationKind): string {
  return t(NOTIFICATION_KIND_KEY[kind]);
}
