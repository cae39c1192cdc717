// The columns a task can be shown with, defined once for the plan view,
// "my tasks" and the dashboard lists (screen, phone cards and export alike).
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { ProgressCell } from '../../components/ProgressCell';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n';
import { daysBetween, formatDate, formatNumber } from '../../lib/format';
import { recurrenceLabel } from '../../lib/labels';
import { statusLabel } from '../../lib/status';
import type { TaskSummary } from '../../lib/types';

export type TaskColumnKey =
  | 'ref'
  | 'title'
  | 'plan'
  | 'lead'
  | 'support'
  | 'product'
  | 'timeline'
  | 'due'
  | 'daysLate'
  | 'daysLeft'
  | 'progress'
  | 'status'
  | 'edit';

interface TaskColumnOptions {
  today: string;
  onEdit?: (task: TaskSummary) => void;
}

function names(task: TaskSummary, side: 'lead' | 'support'): string {
  return task[side].map((unit) => unit.name).join(', ');
}

function dimmedOrText(value: string | null | undefined) {
  return value ? (
    <Text size="sm" className="pre-line">
      {value}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('common.dash')}
    </Text>
  );
}

function allTaskColumns({ today, onEdit }: TaskColumnOptions): Record<TaskColumnKey, Column<TaskSummary>> {
  return {
    ref: {
      key: 'ref',
      header: t('col.ref'),
      width: 56,
      render: (task) => <Text size="sm">{task.ref ?? ''}</Text>,
      exportValue: (task) => task.ref ?? '',
    },
    title: {
      key: 'title',
      header: t('col.title'),
      primary: true,
      width: '28%',
      render: (task) => (
        <Stack gap={2}>
          <Anchor component={Link} to="/tasks/$taskId" params={{ taskId: task.id }} size="sm" fw={600} c="dark" data-testid="task-link">
            {task.ref ? <span className="card-ref">{task.ref}. </span> : null}
            {task.title}
          </Anchor>
          {task.missingPeriods.length > 0 && (
            <Text size="xs" c="red.8">
              {t('task.missingPeriods', { periods: task.missingPeriods.join(', ') })}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (task) => task.title,
    },
    plan: {
      key: 'plan',
      header: t('col.plan'),
      render: (task) => dimmedOrText(task.planTitle),
      exportValue: (task) => task.planTitle ?? '',
    },
    lead: {
      key: 'lead',
      header: t('col.lead'),
      render: (task) => dimmedOrText(names(task, 'lead')),
      exportValue: (task) => names(task, 'lead'),
    },
    support: {
      key: 'support',
      header: t('col.support'),
      render: (task) => dimmedOrText(names(task, 'support')),
      exportValue: (task) => names(task, 'support'),
    },
    product: {
      key: 'product',
      header: t('col.product'),
      render: (task) => dimmedOrText(task.product),
      exportValue: (task) => task.product ?? '',
    },
    timeline: {
      key: 'timeline',
      header: t('col.timeline'),
      render: (task) => (
        <Stack gap={2}>
          {dimmedOrText(task.timelineText)}
          {task.recurrence && (
            <Text size="xs" c="dimmed">
              {recurrenceLabel(task.recurrence)}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (task) => task.timelineText ?? '',
    },
    due: {
      key: 'due',
      header: t('col.due'),
      width: 110,
      render: (task) => (
        <Stack gap={2}>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {task.dueDate ? formatDate(task.dueDate) : t('common.dash')}
          </Text>
          {task.originalDueDate && task.originalDueDate !== task.dueDate && (
            <Text size="xs" c="dimmed">
              {t('task.dueOriginal', { date: formatDate(task.originalDueDate) })}
            </Text>
          )}
          {task.doneOn && (
            <Text size="xs" c="dimmed">
              {t('task.doneOn', { date: formatDate(task.doneOn) })}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (task) => formatDate(task.dueDate),
    },
    daysLate: {
      key: 'daysLate',
      header: t('col.daysLate'),
      align: 'right',
      width: 90,
      render: (task) => (
        <Text size="sm" fw={700} c="red.8">
          {task.dueDate ? formatNumber(Math.max(0, daysBetween(task.dueDate, today)), 0) : t('common.dash')}
        </Text>
      ),
      exportValue: (task) => (task.dueDate ? Math.max(0, daysBetween(task.dueDate, today)) : ''),
    },
    daysLeft: {
      key: 'daysLeft',
      header: t('col.daysLeft'),
      width: 100,
      render: (task) => {
        if (!task.dueDate) return dimmedOrText(null);
        const days = daysBetween(today, task.dueDate);
        return (
          <Text size="sm" fw={600} c={days <= 7 ? 'orange.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {days === 0 ? t('task.dueToday') : t('task.daysLeft', { days: formatNumber(days, 0) })}
          </Text>
        );
      },
      exportValue: (task) => (task.dueDate ? daysBetween(today, task.dueDate) : ''),
    },
    progress: {
      key: 'progress',
      header: t('col.progress'),
      width: 120,
      render: (task) => <ProgressCell value={task.progress} status={task.status} />,
      exportValue: (task) => task.progress,
    },
    status: {
      key: 'status',
      header: t('col.status'),
      width: 150,
      render: (task) => <StatusBadge status={task.status} />,
      exportValue: (task) => statusLabel(task.status),
    },
    edit: {
      key: 'edit',
      header: t('common.actions'),
      width: 70,
      noPrint: true,
      hideInCards: !onEdit,
      render: (task) =>
        onEdit ? (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<Icon name="pencil" size={14} />}
            aria-label={`${t('common.edit')} ${task.ref ?? ''} ${task.title}`.replace(/\s+/g, ' ')}
            onClick={() => onEdit(task)}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    },
  };
}

/** The chosen task columns, in the given order. */
export function taskColumns(keys: TaskColumnKey[], options: TaskColumnOptions): Column<TaskSummary>[] {
  const all = allTaskColumns(options);
  return keys.map((key) => all[key]);
}
