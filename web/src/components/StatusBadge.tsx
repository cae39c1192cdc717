import type { BadgeProps } from '@mantine/core';
import { STATUS_LOOK, statusLabel } from '../lib/status';
import type { Status } from '../lib/types';
import { TagBadge } from './TagBadge';

/** The one task-status badge: colour, icon and the word. */
export function StatusBadge({ status, size = 'md' }: { status: Status; size?: BadgeProps['size'] }) {
  const look = STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={statusLabel(status)} size={size} testId="task-status" state={status} />;
}
