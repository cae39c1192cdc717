// Tổng hợp các xã: the province compares its communes' yearly plans. Filters
// (year, reform area), summary cards, the ranked table (sortable, exported
// with the same columns), the chart of the share done on time, and each
// commune's plan one click away (read-only for the province).
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { daysBetween, formatDate, formatNumber, formatPercent } from '../../lib/format';
import { useMe } from '../auth/session';
import { overviewQueryOptions, vietnamDay, type OverviewRow, type ProvinceOverview } from './overviewQueries';

const OnTimeChart = lazy(() => import('./OverviewChart').then((module) => ({ default: module.OnTimeChart })));
const routeApi = getRouteApi('/app/tong-hop');
const YEARS_BACK = 4;

type SortKey = 'rank' | 'name' | 'tasks' | 'done' | 'overdue' | 'dueSoon' | 'targets' | 'lastUpdate';
const SORT_KEYS: SortKey[] = ['rank', 'name', 'tasks', 'done', 'overdue', 'dueSoon', 'targets', 'lastUpdate'];
const collator = new Intl.Collator('vi');
const COMPARE: Record<SortKey, (a: OverviewRow, b: OverviewRow) => number> = {
  rank: (a, b) => a.rank - b.rank,
  name: (a, b) => collator.compare(a.name, b.name),
  tasks: (a, b) => b.tasks - a.tasks,
  done: (a, b) => b.done - a.done,
  overdue: (a, b) => b.overdue - a.overdue,
  dueSoon: (a, b) => b.dueSoon - a.dueSoon,
  targets: (a, b) => (b.targetRate ?? -1) - (a.targetRate ?? -1),
  // Longest without an update first: who has gone quiet.
  lastUpdate: (a, b) => (a.lastUpdateAt ?? '').localeCompare(b.lastUpdateAt ?? ''),
};

export function ProvinceDashboardPage() {
  const me = useMe();
  const search = routeApi.useSearch();
  const navigate = useNavigate();
  const currentYear = Number(me.today.slice(0, 4));
  const year = search.year ?? currentYear;
  const area = search.area ?? null;
  const province = me.org.kind === 'province' ? me.org : null;
  const overview = useQuery({ ...overviewQueryOptions(province?.id ?? '', year, area), enabled: Boolean(province), placeholderData: (previous) => previous });

  if (!province) {
    return (
      <>
        <PageTitle title={t('overview.title')} subtitle={me.org.name} />
        <EmptyText>{t('overview.onlyProvince')}</EmptyText>
      </>
    );
  }
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - i);
  const setSearch = (next: { year?: number; area?: string | null }) =>
    void navigate({ to: '/tong-hop', search: { year: next.year ?? search.year, area: (next.area === undefined ? area : next.area) ?? undefined }, replace: true });

  return (
    <Stack gap="md">
      <PageTitle title={t('overview.titleYear', { year })} subtitle={province.name} />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('overview.year')}
          data={(years.includes(year) ? years : [year, ...years]).map((value) => ({ value: String(value), label: String(value) }))}
          value={String(year)}
          onChange={(value) => value && setSearch({ year: Number(value) })}
          allowDeselect={false}
          w={120}
          data-testid="overview-year"
        />
        <Select
          label={t('overview.area')}
          data={[{ value: '', label: t('overview.allAreas') }, ...(overview.data?.byArea ?? []).filter((a) => a.area).map((a) => ({ value: a.area!, label: a.name }))]}
          value={area ?? ''}
          onChange={(value) => setSearch({ area: value || null })}
          allowDeselect={false}
          w={{ base: '100%', sm: 420 }}
          data-testid="overview-area"
        />
      </Group>
      {overview.isPending ? (
        <PageLoading />
      ) : overview.isError ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <OverviewView data={overview.data} />
      )}
    </Stack>
  );
}

function SummaryCard({ testId, label, value, raw, color }: { testId: string; label: string; value: string; raw: number | null; color: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId} data-value={raw ?? ''} style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }}>
      <Text size="sm" c="dimmed" lh={1.2} mb={4}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
    </Paper>
  );
}

function OverviewView({ data }: { data: ProvinceOverview }) {
  const [sortKey, setSortKey] = useState<SortKey>('rank');
  const rows = useMemo(() => [...data.rows].sort((a, b) => COMPARE[sortKey](a, b) || a.rank - b.rank), [data.rows, sortKey]);
  const columns = useMemo(() => overviewColumns(data.today), [data.today]);
  const { totals } = data;
  const download = () =>
    downloadText(`tong-hop-cac-xa-${data.year}${data.area ? `-${data.area}` : ''}.csv`, toCsv(withCode(columns), rows));

  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <SummaryCard testId="overview-communes" label={t('overview.cardCommunes')} value={t('overview.communesWithPlan', { withPlan: totals.withPlan, communes: totals.communes })} raw={totals.communes} color="blue" />
        <SummaryCard testId="overview-tasks" label={t('overview.cardTasks')} value={formatNumber(totals.tasks, 0)} raw={totals.tasks} color="blue" />
        <SummaryCard testId="overview-on-time" label={t('overview.cardOnTime')} value={formatPercent(totals.onTimeRate)} raw={totals.onTimeRate} color="green" />
        <SummaryCard testId="overview-overdue" label={t('overview.cardOverdue')} value={formatNumber(totals.overdue, 0)} raw={totals.overdue} color="red" />
        <SummaryCard testId="overview-targets" label={t('overview.cardTargets')} value={`${formatNumber(totals.targetsMet, 0)}/${formatNumber(totals.targetsWithData, 0)}`} raw={totals.targetsMet} color="orange" />
      </SimpleGrid>

      <SectionPanel id="overview-table" title={t('overview.tableTitle', { year: data.year })}>
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end" gap="xs">
            <Select
              label={t('overview.sortBy')}
              data={SORT_KEYS.map((key) => ({ value: key, label: t(`overview.sort.${key}`) }))}
              value={sortKey}
              onChange={(value) => value && setSortKey(value as SortKey)}
              allowDeselect={false}
              w={260}
              size="xs"
              data-testid="overview-sort"
            />
            <Button size="xs" variant="default" leftSection={<Icon name="download" size={14} />} onClick={download}>
              {t('common.exportExcel')}
            </Button>
          </Group>
          <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} rowTestId="overview-row" caption={t('overview.tableTitle', { year: data.year })} emptyText={t('overview.noCommunes')} minWidth={1000} />
          <Text size="xs" c="dimmed">
            {t('overview.rankNote')}
          </Text>
        </Stack>
      </SectionPanel>

      {rows.length > 0 && (
        <SectionPanel id="overview-chart" title={t('overview.chartTitle')}>
          <Suspense fallback={<PageLoading />}>
            <OnTimeChart rows={data.rows} />
          </Suspense>
        </SectionPanel>
      )}
    </>
  );
}

/** The file also carries the commune's code, after its name. */
function withCode(columns: Column<OverviewRow>[]): Column<OverviewRow>[] {
  const code: Column<OverviewRow> = { key: 'code', header: t('overview.colCode'), render: () => null, exportValue: (row) => row.code };
  return [...columns.slice(0, 2), code, ...columns.slice(2)];
}

function lastUpdateText(iso: string | null, today: string): string {
  if (!iso) return t('overview.neverUpdated');
  const day = vietnamDay(iso);
  const ago = daysBetween(day, today);
  return `${formatDate(day)} (${ago <= 0 ? t('overview.today') : t('overview.daysAgo', { days: ago })})`;
}

function overviewColumns(today: string): Column<OverviewRow>[] {
  const count = (value: number, color?: string) => (
    <Text size="sm" c={value > 0 ? color : undefined} fw={value > 0 && color ? 700 : undefined}>
      {formatNumber(value, 0)}
    </Text>
  );
  return [
    { key: 'rank', header: t('overview.colRank'), align: 'center', width: 60, render: (row) => <Text size="sm" fw={700} data-testid="overview-rank">{row.rank}</Text>, exportValue: (row) => row.rank },
    {
      key: 'name',
      header: t('overview.colName'),
      primary: true,
      width: 220,
      render: (row) => (
        <Stack gap={0}>
          {row.planId ? (
            <AnchorLink to="/plans/$planId" params={{ planId: row.planId }} fw={600} size="sm" data-testid="overview-plan-link">
              {row.name}
            </AnchorLink>
          ) : (
            <Text size="sm" fw={600}>
              {row.name}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {row.planId ? row.code : t('overview.noPlan')}
          </Text>
        </Stack>
      ),
      exportValue: (row) => row.name,
    },
    { key: 'tasks', header: t('overview.colTasks'), align: 'right', width: 80, render: (row) => count(row.tasks), exportValue: (row) => row.tasks },
    { key: 'done', header: t('overview.colDone'), align: 'right', width: 90, render: (row) => count(row.done), exportValue: (row) => row.done },
    { key: 'doneOnTime', header: t('overview.colDoneOnTime'), align: 'right', width: 100, render: (row) => count(row.doneOnTime), exportValue: (row) => row.doneOnTime },
    {
      key: 'onTime',
      header: t('overview.colOnTime'),
      align: 'right',
      width: 90,
      render: (row) => <Text size="sm" fw={700} data-testid="overview-on-time-rate">{formatPercent(row.onTimeRate)}</Text>,
      exportValue: (row) => row.onTimeRate ?? '',
    },
    {
      key: 'overdue',
      header: t('overview.colOverdue'),
      align: 'right',
      width: 90,
      render: (row) => (
        <Group gap={4} justify="flex-end" wrap="nowrap" data-testid="overview-overdue-count" data-value={row.overdue}>
          {row.overdue > 0 && <Icon name="alert" size={14} style={{ color: 'var(--mantine-color-red-filled)' }} />}
          {count(row.overdue, 'red.8')}
        </Group>
      ),
      exportValue: (row) => row.overdue,
    },
    { key: 'dueSoon', header: t('overview.colDueSoon'), align: 'right', width: 90, render: (row) => count(row.dueSoon, 'orange.8'), exportValue: (row) => row.dueSoon },
    {
      key: 'targets',
      header: t('overview.colTargets'),
      align: 'right',
      width: 100,
      render: (row) => (row.targets.withData ? <Text size="sm">{`${row.targets.met}/${row.targets.withData}`}</Text> : <Text size="sm" c="dimmed">{t('common.dash')}</Text>),
      exportValue: (row) => (row.targets.withData ? `${row.targets.met}/${row.targets.withData}` : ''),
    },
    { key: 'lastUpdate', header: t('overview.colLastUpdate'), width: 170, render: (row) => <Text size="sm">{lastUpdateText(row.lastUpdateAt, today)}</Text>, exportValue: (row) => (row.lastUpdateAt ? formatDate(vietnamDay(row.lastUpdateAt)) : '') },
  ];
}
