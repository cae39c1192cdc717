import { Group, Progress, Text } from '@mantine/core';
import { t } from '../i18n';
import { formatNumber } from '../lib/format';
import { STATUS_LOOK } from '../lib/status';
import type { Status } from '../lib/types';

/** A progress bar with the percentage written beside it. */
export function ProgressCell({ value, status }: { value: number; status: Status }) {
  const label = t('task.progressValue', { value: formatNumber(value, 0) });
  return (
    <Group gap={6} wrap="nowrap" miw={90}>
      <Progress
        value={value}
        color={STATUS_LOOK[status].color}
        size="md"
        style={{ flex: 1 }}
        aria-label={label}
        className="progress-bar"
      />
      <Text size="xs" fw={600} miw={32} ta="right">
        {formatNumber(value, 0)}%
      </Text>
    </Group>
  );
}
