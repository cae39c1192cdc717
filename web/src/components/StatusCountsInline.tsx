import { Group, Text } from '@mantine/core';
import { STATUS_LOOK, statusLabel } from '../lib/status';
import { STATUSES, type StatusCounts } from '../lib/types';
import { formatNumber } from '../lib/format';
import { Icon } from './Icon';

/** Read-only counts per status (plan cards): icon, word and number for each non-empty status. */
export function StatusCountsInline({ counts }: { counts: StatusCounts }) {
  return (
    <Group gap="xs">
      {STATUSES.filter((status) => counts[status] > 0).map((status) => (
        <Group key={status} gap={4} wrap="nowrap" data-status={status}>
          <Icon name={STATUS_LOOK[status].icon} size={14} style={{ color: `var(--mantine-color-${STATUS_LOOK[status].color}-filled)` }} />
          <Text size="xs">
            {statusLabel(status)}: <b>{formatNumber(counts[status], 0)}</b>
          </Text>
        </Group>
      ))}
    </Group>
  );
}
