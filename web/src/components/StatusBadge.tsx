import { Badge, type BadgeProps } from '@mantine/core';
import { STATUS_LOOK, statusLabel } from '../lib/status';
import type { Status } from '../lib/types';
import { Icon } from './Icon';

/** The one status badge: colour, icon and the word. */
export function StatusBadge({ status, size = 'md' }: { status: Status; size?: BadgeProps['size'] }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge
      data-testid="task-status"
      data-status={status}
      color={look.color}
      variant="light"
      size={size}
      leftSection={<Icon name={look.icon} size={14} />}
      className="status-badge"
      styles={{ label: { textTransform: 'none', fontWeight: 600, whiteSpace: 'nowrap' } }}
    >
      {statusLabel(status)}
    </Badge>
  );
}
