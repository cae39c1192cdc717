import { Progress, Stack, Text } from '@mantine/core';
import { t } from '../i18n';
import { formatNumber } from '../lib/format';
import { STATUS_LOOK } from '../lib/status';
import type { Status } from '../lib/types';

/** The percentage written above a progress bar. */
export function ProgressCell({ value, status }: { value: number; status: Status }) {
  const label = t('task.progressValue', { value: formatNumber(value, 0) });
  return (
    <Stack gap={3} miw={56}>
      <Text size="xs" fw={700} lh={1}>
        {formatNumber(value, 0)}%
      </Text>
      <Progress value={value} color={STATUS_LOOK[status].color} size="md" aria-label={label} className="progress-bar" />
    </Stack>
  );
}
