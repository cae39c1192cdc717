import { Grid, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import type { Dashboard } from '../../lib/types';
import { useCurrentOrg } from '../org/CurrentOrg';
import { PlanStatusBadge } from '../plans/PlanStatusBadge';
import { useAreas } from '../reference/areas';
import { targetColumns } from '../targets/targetColumns';
import { taskColumns } from '../tasks/taskColumns';
import { dashboardQueryOptions } from './dashboardQueries';
import { KpiCards } from './KpiCards';

const AreaStatusChart = lazy(() => import('./DashboardCharts').then((module) => ({ default: module.AreaStatusChart })));
const UnitRateChart = lazy(() => import('./DashboardCharts').then((module) => ({ default: module.UnitRateChart })));

const routeApi = getRouteApi('/app/dashboard');

function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <SectionPanel id={id} title={title} h="100%">
      {children}
    </SectionPanel>
  );
}

type UnitRow = Dashboard['byUnit'][number];

/** Bảng điều hành: what is late, who is responsible, are we on target. */
export function DashboardPage() {
  const { orgId, org } = useCurrentOrg();
  const { year } = routeApi.useSearch();
  const navigate = useNavigate();
  const areas = useAreas();
  const dashboardQuery = useQuery(dashboardQueryOptions(orgId, year));
  const dashboard = dashboardQuery.data;
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, index) => String(currentYear + 1 - index));

  const yearPicker = (
    <Select
      label={t('dashboard.year')}
      data={years}
      value={String(year ?? dashboard?.year ?? currentYear)}
      onChange={(value) => void navigate({ to: '/dashboard', search: { year: value ? Number(value) : undefined }, replace: true })}
      allowDeselect={false}
      w={120}
    />
  );

  if (dashboardQuery.isPending) return <PageLoading />;
  if (dashboardQuery.isError || !dashboard) return <LoadError error={dashboardQuery.error} onRetry={() => void dashboardQuery.refetch()} />;

  const today = dashboard.today;
  const openTask = (taskId: string) => void navigate({ to: '/tasks/$taskId', params: { taskId } });
  const overdueColumns = taskColumns(['title', 'lead', 'due', 'daysLate'], { today, titleLines: 3 });
  const dueColumns = taskColumns(['title', 'lead', 'support', 'due', 'daysLeft', 'progress', 'status'], { today, titleLines: 2 });
  const unitColumns: Column<UnitRow>[] = [
    { key: 'unit', header: t('dashboard.unit'), primary: true, render: (row) => <Text size="sm" fw={600}>{row.unit.name}</Text> },
    { key: 'tasks', header: t('dashboard.tasks'), align: 'right', render: (row) => formatNumber(row.tasks, 0) },
    {
      key: 'overdue',
      header: t('dashboard.overdueCount'),
      align: 'right',
      render: (row) => (
        <Text size="sm" fw={row.statusCounts.overdue ? 700 : 400} c={row.statusCounts.overdue ? 'red.8' : undefined}>
          {formatNumber(row.statusCounts.overdue ?? 0, 0)}
        </Text>
      ),
    },
    { key: 'rate', header: t('dashboard.onTimeRate'), align: 'right', render: (row) => formatPercent(row.onTimeRate) },
  ];

  return (
    <Stack gap="md">
      <PageTitle
        title={t('dashboard.title')}
        subtitle={`${org.name} · ${t('dashboard.asOf', { date: formatDate(today) })}`}
        actions={yearPicker}
      />
      <KpiCards dashboard={dashboard} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Panel title={t('dashboard.overdueList')} id="overdue-heading">
            <DataTable
              columns={overdueColumns}
              rows={dashboard.overdue}
              rowKey={(task) => task.id}
              rowTestId="overdue-row"
              onRowClick={(task) => openTask(task.id)}
              emptyText={t('dashboard.overdueEmpty')}
              caption={t('dashboard.overdueList')}
              minWidth={480}
              fixedLayout
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Panel title={t('dashboard.byUnitTable')} id="units-heading">
            <DataTable
              columns={unitColumns}
              rows={dashboard.byUnit}
              rowKey={(row) => row.unit.id}
              rowTestId="unit-row"
              emptyText={t('common.empty')}
              caption={t('dashboard.byUnitTable')}
              minWidth={420}
              layout="table"
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Panel title={t('dashboard.byArea')} id="area-chart-heading">
            <Suspense fallback={<Skeleton height={300} aria-label={t('dashboard.chartLoading')} />}>
              <AreaStatusChart dashboard={dashboard} areas={areas} />
            </Suspense>
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Panel title={t('dashboard.byUnit')} id="unit-chart-heading">
            {dashboard.byUnit.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('common.empty')}
              </Text>
            ) : (
              <Suspense fallback={<Skeleton height={240} aria-label={t('dashboard.chartLoading')} />}>
                <UnitRateChart dashboard={dashboard} />
              </Suspense>
            )}
          </Panel>
        </Grid.Col>
        <Grid.Col span={12}>
          <Panel title={t('dashboard.dueNext30')} id="due-heading">
            <DataTable
              columns={dueColumns}
              rows={dashboard.dueNext30}
              rowKey={(task) => task.id}
              rowTestId="due-row"
              onRowClick={(task) => openTask(task.id)}
              emptyText={t('dashboard.dueNext30Empty')}
              caption={t('dashboard.dueNext30')}
              minWidth={800}
              fixedLayout
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={12}>
          <Panel title={t('dashboard.targets')} id="targets-heading">
            <DataTable
              columns={targetColumns()}
              rows={dashboard.targets}
              rowKey={(target) => target.id}
              rowTestId="target-row"
              emptyText={t('dashboard.targetsEmpty')}
              caption={t('dashboard.targets')}
              minWidth={560}
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={12}>
          <Panel title={t('dashboard.plans')} id="plans-heading">
            {dashboard.plans.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.noPlans')}
              </Text>
            ) : (
              <Stack gap="xs">
                {dashboard.plans.map((plan) => (
                  <Group key={plan.id} gap="sm" wrap="nowrap" justify="space-between">
                    <AnchorLink to="/plans/$planId" params={{ planId: plan.id }} size="sm" fw={600}>
                      {plan.number ? `${plan.number} · ` : ''}
                      {plan.title}
                    </AnchorLink>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('plans.taskCount', { count: plan.taskCount })}
                      </Text>
                      <PlanStatusBadge status={plan.status} />
                    </Group>
                  </Group>
                ))}
              </Stack>
            )}
          </Panel>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
