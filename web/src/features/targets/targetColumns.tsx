import { Button, Group, Stack, Text } from '@mantine/core';
import type { Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatQuantity } from '../../lib/format';
import { OP_SYMBOL } from '../../lib/labels';
import type { Target } from '../../lib/types';
import { TargetMetBadge } from './TargetMetBadge';

export function targetGoal(target: Target): string {
  if (target.value === null) return t('common.dash');
  return `${target.op ? `${OP_SYMBOL[target.op]} ` : ''}${formatQuantity(target.value, target.unit)}`;
}

function latest(target: Target): string {
  return target.latest ? formatQuantity(target.latest.value, target.unit) : t('common.dash');
}

function metText(target: Target): string {
  return target.met === true ? t('targets.met') : target.met === false ? t('targets.notMet') : t('targets.unknown');
}

interface TargetColumnOptions {
  withUnits?: boolean;
  onRecord?: (target: Target) => void;
  onEdit?: (target: Target) => void;
}

/** Columns of a targets table (plan view and dashboard). */
export function targetColumns({ withUnits = false, onRecord, onEdit }: TargetColumnOptions = {}): Column<Target>[] {
  const columns: Column<Target>[] = [
    {
      key: 'text',
      header: t('targets.text'),
      primary: true,
      width: '40%',
      render: (target) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {target.text}
          </Text>
          {target.dataSource === 'computed' && (
            <Text size="xs" c="dimmed">
              {t('targets.computed')}
              {target.indicatorKey ? ` · ${target.indicatorKey}` : ''}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (target) => target.text,
    },
    {
      key: 'goal',
      header: t('targets.goal'),
      width: 110,
      render: (target) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{targetGoal(target)}</Text>,
      exportValue: (target) => targetGoal(target),
    },
    {
      key: 'latest',
      header: t('targets.latest'),
      width: 150,
      render: (target) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {latest(target)}
          </Text>
          {target.latest && (
            <Text size="xs" c="dimmed">
              {target.latest.periodLabel}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (target) => (target.latest ? target.latest.value : ''),
    },
    {
      key: 'met',
      header: t('targets.result'),
      width: 140,
      render: (target) => <TargetMetBadge met={target.met} />,
      exportValue: metText,
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
          {onRecord && (
            <Button size="compact-xs" variant="light" leftSection={<Icon name="plus" size={14} />} onClick={() => onRecord(target)}>
              {t('targets.record')}
            </Button>
          )}
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
