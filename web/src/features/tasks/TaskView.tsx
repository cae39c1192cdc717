import { Alert, Breadcrumbs, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { ProgressCell } from '../../components/ProgressCell';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n';
import { daysBetween, formatDate, formatDateTime, formatNumber, todayIso } from '../../lib/format';
import { recurrenceLabel } from '../../lib/labels';
import type { Task } from '../../lib/types';
import { useCurrentOrg } from '../org/CurrentOrg';
import { isDone } from '../plans/planFilters';
import { planQueryOptions } from '../plans/planQueries';
import { areaName, useAreas } from '../reference/areas';
import { ExtensionHistory } from './ExtensionHistory';
import { ExtensionRequestForm } from './ExtensionRequestForm';
import { PeriodChips } from './PeriodChips';
import { taskQueryOptions } from './taskQueries';
import { TaskFormModal } from './TaskFormModal';
import { defaultPeriod, UpdateForm } from './UpdateForm';
import { UpdateTimeline } from './UpdateTimeline';

const routeApi = getRouteApi('/app/tasks/$taskId');

export function TaskView() {
  const { taskId } = routeApi.useParams();
  const taskQuery = useQuery(taskQueryOptions(taskId));
  if (taskQuery.isPending) return <PageLoading />;
  if (taskQuery.isError) return <LoadError error={taskQuery.error} onRetry={() => void taskQuery.refetch()} />;
  return <TaskDetail key={taskQuery.data.id} task={taskQuery.data} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" className="pre-line">
        {children}
      </Text>
    </div>
  );
}

function dueHint(task: Task, today: string): string | null {
  if (!task.dueDate || task.doneOn) return null;
  const days = daysBetween(today, task.dueDate);
  if (days < 0) return t('task.daysLate', { days: formatNumber(-days, 0) });
  if (days === 0) return t('task.dueToday');
  return t('task.daysLeft', { days: formatNumber(days, 0) });
}

function TaskDetail({ task }: { task: Task }) {
  const areas = useAreas();
  const navigate = useNavigate();
  const { orgId: currentOrgId } = useCurrentOrg();
  const [period, setPeriod] = useState<string | null>(() => defaultPeriod(task));
  const [editOpened, setEditOpened] = useState(false);
  const today = todayIso();
  // The plan title comes from the plan already loaded in this session, if any (no extra download).
  const plan = useQuery({ ...planQueryOptions(task.planId), enabled: false }).data;
  const planTitle = task.planTitle ?? plan?.title;
  const orgId = plan?.orgId ?? currentOrgId;
  const pendingExtension = task.extensions.some((extension) => extension.status === 'pending');
  const canAskExtension = task.canUpdate && task.dueDate !== null && !isDone(task);
  const hint = dueHint(task, today);

  return (
    <Stack gap="md">
      <Breadcrumbs className="no-print">
        <AnchorLink to="/plans/$planId" params={{ planId: task.planId }} size="sm">
          {planTitle ?? t('task.plan')}
        </AnchorLink>
        <Text size="sm">{task.ref ?? t('col.title')}</Text>
      </Breadcrumbs>

      <Paper withBorder p="md" component="header">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={6} style={{ flex: '1 1 420px', minWidth: 0 }}>
            <Group gap="xs">
              <StatusBadge status={task.status} size="lg" />
              {hint && (
                <Text size="sm" fw={600} c={task.dueDate && task.dueDate < today ? 'red.8' : undefined}>
                  {hint}
                </Text>
              )}
            </Group>
            <Title order={1} size={task.title.length > 160 ? 'h4' : 'h3'} data-testid="task-title">
              {task.ref ? `${task.ref}. ` : ''}
              {task.title}
            </Title>
          </Stack>
          {task.canEdit && (
            <Button variant="default" leftSection={<Icon name="pencil" size={16} />} onClick={() => setEditOpened(true)} className="no-print">
              {t('task.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" mt="md">
          <Field label={t('col.lead')}>{task.lead.map((unit) => unit.name).join(', ') || t('common.dash')}</Field>
          <Field label={t('col.support')}>{task.support.map((unit) => unit.name).join(', ') || t('common.dash')}</Field>
          <Field label={t('task.area')}>{areaName(areas, task.area) ?? t('plan.noArea')}</Field>
          <Field label={t('col.product')}>{task.product || t('common.dash')}</Field>
          <Field label={t('col.timeline')}>{task.timelineText || t('common.dash')}</Field>
          <Field label={t('task.recurrence')}>{recurrenceLabel(task.recurrence)}</Field>
          <Field label={t('col.due')}>
            {task.dueDate ? formatDate(task.dueDate) : t('common.dash')}
            {task.originalDueDate && task.originalDueDate !== task.dueDate && (
              <Text span size="xs" c="dimmed" display="block">
                {t('task.dueOriginal', { date: formatDate(task.originalDueDate) })}
              </Text>
            )}
            {task.doneOn && (
              <Text span size="xs" c="dimmed" display="block">
                {t('task.doneOn', { date: formatDate(task.doneOn) })}
              </Text>
            )}
          </Field>
          <Field label={t('task.milestones')}>{task.milestones.length ? task.milestones.map(formatDate).join('; ') : t('common.dash')}</Field>
          <Field label={t('col.progress')}>
            <ProgressCell value={task.progress} status={task.status} />
          </Field>
          <Field label={t('task.criteria')}>{task.criteria.length ? task.criteria.join(', ') : t('common.dash')}</Field>
          <Field label={t('task.budgetSource')}>{task.budgetSource || t('common.dash')}</Field>
          <Field label={t('task.lastUpdate')}>{task.lastUpdateAt ? formatDateTime(task.lastUpdateAt) : t('common.dash')}</Field>
        </SimpleGrid>
        {task.missingPeriods.length > 0 && (
          <Alert color="red" mt="md" icon={<Icon name="alert" />}>
            {t('task.missingPeriods', { periods: task.missingPeriods.join(', ') })}
          </Alert>
        )}
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <PeriodChips periods={task.periods} selected={period} onSelect={task.canUpdate ? setPeriod : undefined} />
            <UpdateTimeline updates={task.updates} />
            <ExtensionHistory extensions={task.extensions} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            {task.canUpdate ? (
              <UpdateForm task={task} period={period} onPeriodChange={setPeriod} />
            ) : (
              <Alert color="gray" icon={<Icon name="alert" />}>
                {t('update.cannotUpdate')}
              </Alert>
            )}
            {canAskExtension &&
              (pendingExtension ? (
                <Alert color="orange" icon={<Icon name="hourglass" />}>
                  {t('extension.pendingExists')}
                </Alert>
              ) : (
                <ExtensionRequestForm task={task} />
              ))}
          </Stack>
        </Grid.Col>
      </Grid>

      <TaskFormModal
        opened={editOpened}
        onClose={() => setEditOpened(false)}
        planId={task.planId}
        orgId={orgId}
        task={task}
        onDeleted={() => void navigate({ to: '/plans/$planId', params: { planId: task.planId } })}
      />
    </Stack>
  );
}
