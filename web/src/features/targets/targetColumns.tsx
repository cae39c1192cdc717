import { Button, Group, Stack, Text } from '@mantine/core';
import type { Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatDate, formatQuantity, todayIso } from '../../lib/format';
import { OP_SYMBOL } from '../../lib/labels';
import { periodLabel, periodSpan } from '../../lib/periods';
import type { Target } from '../../lib/types';
import { LIGHT_LOOK, lightLabel, TargetLightBadge } from './TargetLightBadge';
import { TrendSparkline } from './TrendSparkline';

export function targetGoal(target: Target): string {
  if (target.value === null) return t('common.dash');
  return `${target.op ? `${OP_SYMBOL[target.op]} ` : ''}${formatQuantity(target.value, target.unit)}`;
}

/** "Tự động: Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn" */
export function computedSourceText(target: Target): string {
  return t('targetLight.computedFrom', { label: target.indicatorLabel ?? target.indicatorKey ?? t('common.dash') });
}

/** The period of the judged figure: "Năm 2026 (đến 15/06/2026)" while the period is under way. */
export function lightPeriodText(target: Target): string {
  if (!target.lightPeriod) return '';
  const label = periodLabel(target.lightPeriod);
  const span = periodSpan(target.lightPeriod);
  const today = todayIso();
  return span && span.start <= today && today < span.end ? t('targetLight.toDate', { period: label, date: formatDate(today) }) : label;
}

interface TargetColumnOptions {
  withUnits?: boolean;
  onRecord?: (target: Target) => void;
  onEdit?: (target: Target) => void;
}

/** Columns of a targets table (plan view and dashboard): goal, traffic light with the judged figure, monthly trend. */
export function targetColumns({ withUnits = false, onRecord, onEdit }: TargetColumnOptions = {}): Column<Target>[] {
  const columns: Column<Target>[] = [
    {
      key: 'text',
      header: t('targets.text'),
      primary: true,
      width: '36%',
      render: (target) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {target.text}
          </Text>
          {target.dataSource === 'computed' && (
            <Text size="xs" c="dimmed" data-testid="target-source">
              {computedSourceText(target)}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (target) => target.text,
    },
    {
      key: 'goal',
      header: t('targets.goal'),
      width: 100,
      render: (target) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{targetGoal(target)}</Text>,
      exportValue: (target) => targetGoal(target),
    },
    {
      key: 'light',
      header: t('targets.result'),
      width: 170,
      render: (target) => (
        <Stack gap={2} align="flex-start">
          <TargetLightBadge light={target.light} />
          {target.lightValue !== null && (
            <Text size="sm" fw={600} data-testid="target-light-value">
              {formatQuantity(target.lightValue, target.unit)}
            </Text>
          )}
          {target.lightPeriod && (
            <Text size="xs" c="dimmed">
              {lightPeriodText(target)}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (target) =>
        target.lightValue === null ? lightLabel(target.light) : `${lightLabel(target.light)}: ${target.lightValue} (${lightPeriodText(target)})`,
    },
    {
      key: 'trend',
      header: t('targetLight.trend'),
      width: 130,
      render: (target) => <TrendSparkline trend={target.trend} goal={target.value} unit={target.unit} color={LIGHT_LOOK[target.light].hex} />,
      exportValue: (target) => target.trend.map((point) => `${point.period}: ${point.value}`).join('; '),
    },
  ];
  if (withUnits) {
    columns.push(
      {
        key: 'monitor',
        header: t('targets.monitor'),
        render: (target) => <Text size="sm">{target.monitor.map((unit) => unit.name).join(', ') || t('common.dash')}</Text>,
        exportValue: (target) => target.monitor.map((unit) => unit.name).join(', '),
      },
      {
        key: 'implement',
        header: t('targets.implement'),
        render: (target) => <Text size="sm">{target.implement.map((unit) => unit.name).join(', ') || t('common.dash')}</Text>,
        exportValue: (target) => target.implement.map((unit) => unit.name).join(', '),
      },
    );
  }
  if (onRecord || onEdit) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      noPrint: true,
      width: 190,
      render: (target) => (
        <Group gap={4}>
          {onRecord &&
            (target.dataSource === 'computed' ? (
              <Text size="xs" c="dimmed" data-testid="target-auto-note">
                {t('targetLight.autoNoRecord')}
              </Text>
            ) : (
              <Button size="compact-xs" variant="light" leftSection={<Icon name="plus" size={14} />} onClick={() => onRecord(target)}>
                {t('targets.record')}
              </Button>
            ))}
          {onEdit && (
            <Button size="compact-xs" variant="subtle" leftSection={<Icon name="pencil" size={14} />} onClick={() => onEdit(target)}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      ),
    });
  }
  return columns;
}
