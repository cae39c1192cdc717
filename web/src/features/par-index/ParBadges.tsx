// Small pieces shared by the PAR-index lists, the results table and the public page.
import { Group, Text } from '@mantine/core';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { classLook, PAR_STATUS_LOOK, parStatusLabel, type ParStatusOrNone } from './parQueries';

/** The class with its colour and word; a class of a score not yet final is marked as provisional. */
export function ClassBadge({ className, provisional = false, size = 'md' }: { className: string | null; provisional?: boolean; size?: 'sm' | 'md' }) {
  if (!className) return <>{t('common.dash')}</>;
  const look = classLook(className);
  return (
    <Group gap={4} wrap="nowrap">
      <TagBadge color={look.color} icon={look.icon} label={className} size={size} testId="par-class" />
      {provisional && (
        <Text size="xs" c="dimmed" title={t('parResults.provisionalHint')}>
          {t('parResults.provisional')}
        </Text>
      )}
    </Group>
  );
}

/** Where the assessment is in the process; `long`: "Đã trình, chờ thẩm định". */
export function ParStatusBadge({ status, long = false, size = 'md' }: { status: ParStatusOrNone; long?: boolean; size?: 'sm' | 'md' }) {
  const look = PAR_STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={parStatusLabel(status, long)} state={status} size={size} testId="par-status" />;
}

/** ▲ 2,35 / ▼ 1,2 / = percentage points since last year, in colour and with the arrow. */
export function ChangeText({ change }: { change: number | null }) {
  if (change === null) return null;
  const up = change > 0;
  const down = change < 0;
  const text = up
    ? t('parResults.change.up', { value: formatNumber(change, 2) })
    : down
      ? t('parResults.change.down', { value: formatNumber(-change, 2) })
      : t('parResults.change.same');
  return (
    <Text span size="sm" fw={600} c={up ? 'green.8' : down ? 'red.8' : 'dimmed'} className="par-change" data-change={up ? 'up' : down ? 'down' : 'same'}>
      {text}
    </Text>
  );
}
