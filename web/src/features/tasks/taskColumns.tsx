// The columns a task can be shown with, defined once for the plan view,
// "my tasks" and the dashboard lists (screen, phone cards and export alike).
import { Button, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import type { Column } from '../../components/DataTable';
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
  /** Show at most this many lines of each task title (dashboard lists). */
  titleLines?: number;
  /** Missing check-ins are written under the title unless a days-late column shows them. */
  missingUnderTitle?: boolean;
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

/** Days since the due date passed, or null when the due date has not passed. */
function daysLate(task: TaskSummary, today: string): number | null {
  if (!task.dueDate || task.dueDate >= today) return null;
  return daysBetween(task.dueDate, today);
}

function allTaskColumns({ today, onEdit, titleLines, missingUnderTitle = true }: TaskColumnOptions): Record<TaskColumnKey, Column<TaskSummary>> {
  return {
    ref: {
      key: 'ref',
      header: t('col.ref'),
      width: '5%',
      hideInCards: true,
      render: (task) => <Text size="sm">{task.ref ?? ''}</Text>,
      exportValue: (task) => task.ref ?? '',
    },
    title: {
      key: 'title',
      header: t('col.title'),
      width: '22%',
      primary: true,
      render: (task) => (
        <Stack gap={2}>
          <AnchorLink
            to="/tasks/$taskId"
            params={{ taskId: task.id }}
            size="sm"
            fw={600}
            c="dark"
            data-testid="task-link"
            lineClamp={titleLines}
            title={titleLines ? task.title : undefined}
          >
            {task.ref ? <span className="card-ref">{task.ref}. </span> : null}
            {task.title}
          </AnchorLink>
          {missingUnderTitle && task.missingPeriods.length > 0 && (
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
      width: '13%',
      render: (task) => dimmedOrText(task.planTitle),
      exportValue: (task) => task.planTitle ?? '',
    },
    lead: {
      key: 'lead',
      header: t('col.lead'),
      width: '10%',
      render: (task) => dimmedOrText(names(task, 'lead')),
      exportValue: (task) => names(task, 'lead'),
    },
    support: {
      key: 'support',
      header: t('col.support'),
      width: '10%',
      render: (task) => dimmedOrText(names(task, 'support')),
      exportValue: (task) => names(task, 'support'),
    },
    product: {
      key: 'product',
      header: t('col.product'),
      width: '11%',
      render: (task) => dimmedOrText(task.product),
      exportValue: (task) => task.product ?? '',
    },
    timeline: {
      key: 'timeline',
      header: t('col.timeline'),
      width: '10%',
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
      width: '9%',
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
      width: '12%',
      align: 'right',
      render: (task) => {
        const late = daysLate(task, today);
        if (late !== null) {
          return (
            <Text size="sm" fw={700} c="red.8">
              {formatNumber(late, 0)}
            </Text>
          );
        }
        // Overdue because a recurring check-in is missing, not because the deadline passed.
        return (
          <Text size="xs" c="red.8">
            {task.missingPeriods.length ? t('task.missingPeriods', { periods: task.missingPeriods.join(', ') }) : t('common.dash')}
          </Text>
        );
      },
      exportValue: (task) => daysLate(task, today) ?? '',
    },
    daysLeft: {
      key: 'daysLeft',
      header: t('col.daysLeft'),
      width: '9%',
      render: (task) => {
        if (!task.dueDate) return dimmedOrText(null);
        const days = daysBetween(today, task.dueDate);
        return (
          <Text size="sm" fw={600} c={days <= 7 ? 'orange.8' : undefined}>
            {days === 0 ? t('task.dueToday') : t('task.daysLeft', { days: formatNumber(days, 0) })}
          </Text>
        );
      },
      exportValue: (task) => (task.dueDate ? daysBetween(today, task.dueDate) : ''),
    },
    progress: {
      key: 'progress',
      header: t('col.progress'),
      width: '8%',
      render: (task) => <ProgressCell value={task.progress} status={task.status} />,
      exportValue: (task) => task.progress,
    },
    status: {
      key: 'status',
      header: t('col.status'),
      width: '12%',
      render: (task) => <StatusBadge status={task.status} />,
      exportValue: (task) => statusLabel(task.status),
    },
    edit: {
      key: 'edit',
      header: t('common.actions'),
      width: '7%',
      noPrint: true,
      hideInCards: !onEdit,
      render: (task) =>
        onEdit ? (
          <Button
            size="compact-xs"
            variant="light"
            aria-label={`${t('common.edit')} ${task.ref ?? ''} ${task.title}`.replace(/\s+/g, ' ')}
            onClick={() => onEdit(task)}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    },
  };
}

/** Rescales the columns' percentage widths so that the chosen ones fill the table exactly. */
function fillWidth(columns: Column<TaskSummary>[]): Column<TaskSummary>[] {
  const percent = (column: Column<TaskSummary>) => (typeof column.width === 'string' ? parseFloat(column.width) : 0);
  const total = columns.reduce((sum, column) => sum + percent(column), 0);
  if (total <= 0) return columns;
  return columns.map((column) => (percent(column) ? { ...column, width: `${((percent(column) / total) * 100).toFixed(2)}%` } : column));
}

/** The chosen task columns, in the given order. */
export function taskColumns(keys: TaskColumnKey[], options: TaskColumnOptions): Column<TaskSummary>[] {
  const all = allTaskColumns({ missingUnderTitle: !keys.includes('daysLate'), ...options });
  return fillWidth(keys.map((key) => all[key]));
}
