import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { StatusCountChips } from '../../components/StatusCountChips';
import { t } from '../../i18n';
import { downloadText, documentFileBase, toCsv } from '../../lib/csv';
import { formatDate, todayIso } from '../../lib/format';
import type { AreaRef, Status, TaskSummary } from '../../lib/types';
import { useUnits } from '../org/orgQueries';
import { useAreas } from '../reference/areas';
import { TargetsSection } from '../targets/TargetsSection';
import { taskColumns, type TaskColumnKey } from '../tasks/taskColumns';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { CascadeBadge } from '../cascade/CreateFromProvinceButton';
import { PlanFormModal } from './PlanFormModal';
import { PlanHeader } from './PlanHeader';
import {
  countByStatus,
  filterByStatus,
  filterTasksExceptStatus,
  groupByArea,
  groupByLeadUnit,
  parseStatuses,
  type PlanSearch,
} from './planFilters';
import { planQueryOptions } from './planQueries';
import { PlanTaskFilters } from './PlanTaskFilters';

const routeApi = getRouteApi('/app/plans/$planId');

const COLUMNS: TaskColumnKey[] = ['ref', 'title', 'lead', 'support', 'product', 'timeline', 'due', 'progress', 'status'];

export function PlanView() {
  const { planId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: '/plans/$planId' });
  const planQuery = useQuery(planQueryOptions(planId));
  const plan = planQuery.data;
  const areas = useAreas();
  const units = useUnits(plan?.orgId);
  const [editingTask, setEditingTask] = useState<TaskSummary | null>(null);
  const [taskFormOpened, setTaskFormOpened] = useState(false);
  const [planFormOpened, setPlanFormOpened] = useState(false);
  const today = todayIso();

  const statuses = parseStatuses(search.status);
  const groupBy = search.group ?? 'area';

  const { counts, groups, visible } = useMemo(() => {
    const filter = { statuses: parseStatuses(search.status), unitId: search.unit, area: search.area, due: search.due, query: search.q };
    const beforeStatus = filterTasksExceptStatus(plan?.tasks ?? [], filter, today);
    const shown = filterByStatus(beforeStatus, filter.statuses);
    const grouped =
      search.group === 'unit' ? groupByLeadUnit(shown, units, t('plan.noLead')) : groupByArea(shown, areas, t('plan.noArea'));
    return { counts: countByStatus(beforeStatus), groups: grouped, visible: shown };
  }, [plan?.tasks, search, units, areas, today]);

  if (planQuery.isPending) return <PageLoading />;
  if (planQuery.isError || !plan) return <LoadError error={planQuery.error} onRetry={() => void planQuery.refetch()} />;

  const updateSearch = (patch: Partial<PlanSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true, resetScroll: false });

  const openTaskForm = (task: TaskSummary | null) => {
    setEditingTask(task);
    setTaskFormOpened(true);
  };

  const columns = taskColumns(plan.canEdit ? [...COLUMNS, 'edit'] : COLUMNS, {
    today,
    onEdit: plan.canEdit ? (task) => openTaskForm(task) : undefined,
  }).map((c) => (c.key === 'title' ? { ...c, render: (task: TaskSummary) => <>{c.render(task)}{task.sourceTaskId && <CascadeBadge />}</> } : c));

  const exportCsv = () => {
    const rows = groups.flatMap((group) => group.tasks.map((task) => ({ task, group: group.title })));
    const csv = toCsv(
      columns,
      rows.map((row) => row.task),
      { header: groupBy === 'unit' ? t('plan.groupByUnit') : t('plan.groupByArea'), value: (_task, index) => rows[index].group },
    );
    downloadText(`${documentFileBase(plan.number, plan.year, plan.title)}.csv`, csv);
  };

  return (
    <>
      <PlanHeader plan={plan} onEdit={() => setPlanFormOpened(true)} onPrint={() => window.print()} onExport={exportCsv} />

      <section aria-labelledby="tasks-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="tasks-heading">
            {t('plan.tasksHeading')}{' '}
            <Text span c="dimmed" size="sm" fw={400}>
              {t('common.showing', { shown: visible.length, total: plan.tasks.length })}
            </Text>
          </Title>
          {plan.canEdit && (
            <Button className="no-print" leftSection={<Icon name="plus" size={16} />} onClick={() => openTaskForm(null)}>
              {t('plan.addTask')}
            </Button>
          )}
        </Group>
        <Stack gap="sm" mb="sm">
          <StatusCountChips
            counts={counts}
            selected={statuses}
            onChange={(next: Status[]) => updateSearch({ status: next.length ? next.join(',') : undefined })}
          />
          <PlanTaskFilters search={search} onChange={updateSearch} units={units} areas={areas} />
        </Stack>
        <Text className="print-only" size="sm" c="dimmed" mb="xs">
          {t('plan.printedOn', { date: formatDate(today) })}
        </Text>

        {plan.tasks.length === 0 ? (
          <EmptyText>{t('plan.noTasks')}</EmptyText>
        ) : groups.length === 0 ? (
          <EmptyText>{t('common.noMatch')}</EmptyText>
        ) : (
          <Stack gap="lg">
            {groups.map((group) => (
              <section key={group.key} className="print-group" aria-labelledby={`group-${group.key}`}>
                <Title order={3} size="h5" mb={6} id={`group-${group.key}`}>
                  {groupBy === 'area' ? areaNumber(areas, group.key) : ''}
                  {group.title}{' '}
                  <Text span c="dimmed" size="sm" fw={400}>
                    ({t('plan.groupCount', { count: group.tasks.length })})
                  </Text>
                </Title>
                <DataTable
                  columns={columns}
                  rows={group.tasks}
                  rowKey={(task) => task.id}
                  rowTestId="task-row"
                  fixedLayout
                  onRowClick={(task) => void navigate({ to: '/tasks/$taskId', params: { taskId: task.id } })}
                  caption={group.title}
                  minWidth={1100}
                />
              </section>
            ))}
          </Stack>
        )}
      </section>

      <TargetsSection plan={plan} />

      <TaskFormModal
        opened={taskFormOpened}
        onClose={() => setTaskFormOpened(false)}
        planId={plan.id}
        orgId={plan.orgId}
        task={editingTask}
      />
      <PlanFormModal opened={planFormOpened} onClose={() => setPlanFormOpened(false)} plan={plan} />
    </>
  );
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** "III. " for the third of the eight official areas, as plans number them. */
function areaNumber(areas: AreaRef[], code: string): string {
  const index = areas.findIndex((area) => area.code === code);
  return index >= 0 && ROMAN[index] ? `${ROMAN[index]}. ` : '';
}
