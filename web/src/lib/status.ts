// How each status looks: colour, icon and word together, never colour alone.
import type { MantineColor } from '@mantine/core';
import type { IconName } from '../components/Icon';
import { t, type MessageKey } from '../i18n';
import type { ExtensionStatus, PeriodState, PlanStatus, Status } from './types';

export interface Look {
  color: MantineColor;
  /** Same colour for charts (ECharts needs a literal colour). */
  hex: string;
  icon: IconName;
}

/** A look that carries the message key of its word, for badges and chips that need no chart colour. */
export interface LabelledLook {
  color: MantineColor;
  icon: IconName;
  label: MessageKey;
}

export const STATUS_LOOK: Record<Status, Look> = {
  not_started: { color: 'gray', hex: '#868e96', icon: 'circleDashed' },
  in_progress: { color: 'blue', hex: '#228be6', icon: 'progress' },
  due_soon: { color: 'orange', hex: '#f59f00', icon: 'hourglass' },
  overdue: { color: 'red', hex: '#e03131', icon: 'alert' },
  done_on_time: { color: 'green', hex: '#2f9e44', icon: 'check' },
  done_late: { color: 'grape', hex: '#9c36b5', icon: 'checkClock' },
  no_deadline: { color: 'cyan', hex: '#1098ad', icon: 'infinity' },
};

const STATUS_KEY: Record<Status, MessageKey> = {
  not_started: 'status.not_started',
  in_progress: 'status.in_progress',
  due_soon: 'status.due_soon',
  overdue: 'status.overdue',
  done_on_time: 'status.done_on_time',
  done_late: 'status.done_late',
  no_deadline: 'status.no_deadline',
};

export function statusLabel(status: Status): string {
  return t(STATUS_KEY[status]);
}

export const PERIOD_LOOK: Record<PeriodState, Look> = {
  ok: { color: 'green', hex: '#2f9e44', icon: 'check' },
  late: { color: 'orange', hex: '#f59f00', icon: 'checkClock' },
  missing: { color: 'red', hex: '#e03131', icon: 'alert' },
  current: { color: 'blue', hex: '#228be6', icon: 'progress' },
  upcoming: { color: 'gray', hex: '#868e96', icon: 'circleDashed' },
};

const PERIOD_KEY: Record<PeriodState, MessageKey> = {
  ok: 'period.ok',
  late: 'period.late',
  missing: 'period.missing',
  current: 'period.current',
  upcoming: 'period.upcoming',
};

export function periodStateLabel(state: PeriodState): string {
  return t(PERIOD_KEY[state]);
}

export const EXTENSION_LOOK: Record<ExtensionStatus, Look> = {
  pending: { color: 'orange', hex: '#f59f00', icon: 'hourglass' },
  approved: { color: 'green', hex: '#2f9e44', icon: 'check' },
  refused: { color: 'red', hex: '#e03131', icon: 'x' },
};

const EXTENSION_KEY: Record<ExtensionStatus, MessageKey> = {
  pending: 'extension.status.pending',
  approved: 'extension.status.approved',
  refused: 'extension.status.refused',
};

export function extensionStatusLabel(status: ExtensionStatus): string {
  return t(EXTENSION_KEY[status]);
}

export const PLAN_STATUS_LOOK: Record<PlanStatus, Look> = {
  draft: { color: 'gray', hex: '#868e96', icon: 'pencil' },
  active: { color: 'blue', hex: '#228be6', icon: 'progress' },
  closed: { color: 'dark', hex: '#343a40', icon: 'check' },
};
