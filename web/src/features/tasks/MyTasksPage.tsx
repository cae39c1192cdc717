import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { StatusCountChips } from '../../components/StatusCountChips';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import type { Status } from '../../lib/types';
import { useMe } from '../auth/session';
import { byDueDate, countByStatus, filterByStatus } from '../plans/planFilters';
import { taskColumns } from './taskColumns';
import { myTasksQueryOptions } from './taskQueries';

/** Nhiệm vụ của tôi: tasks of the viewer's units in active plans, by due date. */
export function MyTasksPage() {
  const me = useMe();
  const navigate = useNavigate();
  const tasksQuery = useQuery(myTasksQueryOptions);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const today = todayIso();

  const sorted = useMemo(() => [...(tasksQuery.data ?? [])].sort(byDueDate), [tasksQuery.data]);
  const counts = useMemo(() => countByStatus(sorted), [sorted]);
  const shown = filterByStatus(sorted, statuses);
  const columns = taskColumns(['ref', 'title', 'plan', 'lead', 'support', 'due', 'progress', 'status'], { today });

  return (
    <>
      <PageTitle title={t('myTasks.title')} subtitle={t('myTasks.subtitle')} />
      {me.units.length === 0 && <EmptyText>{t('myTasks.noUnits')}</EmptyText>}
      {tasksQuery.isPending ? (
        <PageLoading />
      ) : tasksQuery.isError ? (
        <LoadError error={tasksQuery.error} onRetry={() => void tasksQuery.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyText>{t('myTasks.empty')}</EmptyText>
      ) : (
        <Stack gap="sm">
          <StatusCountChips counts={counts} selected={statuses} onChange={setStatuses} />
          <DataTable
            columns={columns}
            rows={shown}
            rowKey={(task) => task.id}
            rowTestId="task-row"
            fixedLayout
            onRowClick={(task) => void navigate({ to: '/tasks/$taskId', params: { taskId: task.id } })}
            emptyText={t('common.noMatch')}
            caption={t('myTasks.title')}
            minWidth={1000}
          />
        </Stack>
      )}
    </>
  );
}
