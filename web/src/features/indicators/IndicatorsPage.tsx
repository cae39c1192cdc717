import { Alert, Button, CloseButton, Group, Loader, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatNumber, todayIso } from '../../lib/format';
import { useCurrentOrg } from '../org/CurrentOrg';
import { BreakdownTable } from './BreakdownTable';
import { CountsPanel } from './CountsPanel';
import { indicatorsQueryOptions, seriesQueryOptions, type IndicatorFilter } from './indicatorQueries';
import type { IndicatorSearch, IndicatorView } from './indicatorSearch';
import { LateList } from './LateList';
import { RateCards } from './RateCards';
import { Scorecard766 } from './Scorecard766';
import { WindowPicker } from './WindowPicker';
import { resolveWindow, windowText } from './windows';
import './indicators.css';

const routeApi = getRouteApi('/app/indicators');

/** Nothing imported yet: say so and point to the import page. */
function NoRecords() {
  return (
    <SectionPanel id="no-records-heading" title={t('indicators.empty.title')} data-testid="indicators-empty">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('indicators.empty.text')}</Text>
        <Button component={Link} to="/records" leftSection={<Icon name="upload" size={16} />}>
          {t('indicators.empty.import')}
        </Button>
      </Stack>
    </SectionPanel>
  );
}

/** Chỉ số một cửa: the one-stop shop's rates, counts, breakdowns, late dossiers and the Decision 766 scorecard. */
export function IndicatorsPage() {
  const { orgId, org } = useCurrentOrg();
  const search = routeApi.useSearch();
  const navigate = useNavigate();
  const { preset, window } = resolveWindow(search, todayIso());
  const filter: IndicatorFilter = { field: search.field, unit: search.unit };
  const filtered = Boolean(filter.field || filter.unit);
  const view: IndicatorView = search.view ?? 'overview';
  const year = Number(window.to.slice(0, 4));
  const commune = org.kind === 'commune';

  const figuresQuery = useQuery({ ...indicatorsQueryOptions(orgId, window, filter), enabled: commune });
  // The 766 scorecard is the commune's as a whole, whatever the filters.
  const wholeQuery = useQuery({ ...indicatorsQueryOptions(orgId, window), enabled: commune && (!filtered || view === 'index766') });
  const seriesQuery = useQuery({ ...seriesQueryOptions(orgId, year), enabled: commune });

  const setSearch = (patch: Partial<IndicatorSearch>) =>
    void navigate({ to: '/indicators', search: (previous: IndicatorSearch) => ({ ...previous, ...patch }), replace: true });

  const title = t('indicators.title');
  if (!commune) {
    return (
      <Stack gap="md">
        <PageTitle title={title} subtitle={org.name} />
        <Alert color="blue" icon={<Icon name="alert" />}>
          {t('indicators.pickCommune')}
        </Alert>
      </Stack>
    );
  }

  const figures = figuresQuery.data;
  const whole = filtered ? wholeQuery.data : figures;
  const months = seriesQuery.data?.months ?? [];
  const fileBase = `chi-so-mot-cua-${org.code}-${window.from}-${window.to}`;
  const badWindow = isApiError(figuresQuery.error) && figuresQuery.error.code === 'validation';

  const picker = (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <WindowPicker
        preset={preset}
        window={window}
        error={figuresQuery.error}
        onChange={(next) => setSearch({ period: next.period === 'month' ? undefined : next.period, from: next.from, to: next.to })}
      />
      {figuresQuery.isFetching && figures && (
        <Group gap={6} mt={32} role="status" className="no-print">
          <Loader size="xs" />
          <Text size="xs" c="dimmed">
            {t('common.loading')}
          </Text>
        </Group>
      )}
    </Group>
  );

  const subtitle = (
    <>
      {org.name} · <span data-testid="indicators-window">{windowText(window)}</span>
    </>
  );

  if (figuresQuery.isPending && !figures) {
    return (
      <Stack gap="md">
        <PageTitle title={title} subtitle={subtitle} />
        {picker}
        <PageLoading />
      </Stack>
    );
  }
  if (figuresQuery.isError && !figures) {
    return (
      <Stack gap="md">
        <PageTitle title={title} subtitle={subtitle} />
        {picker}
        {!badWindow && <LoadError error={figuresQuery.error} onRetry={() => void figuresQuery.refetch()} />}
      </Stack>
    );
  }
  if (!figures) return <PageLoading />;

  if (figures.stored.dossiers === 0) {
    return (
      <Stack gap="md">
        <PageTitle title={title} subtitle={org.name} />
        <NoRecords />
      </Stack>
    );
  }

  const lateCount = figures.counts.resolved.late + figures.counts.pending.overdue;
  const filters = (
    [
      filter.field && { key: 'field' as const, label: t('indicators.filter.field', { name: filter.field }) },
      filter.unit && { key: 'unit' as const, label: t('indicators.filter.unit', { name: filter.unit }) },
    ].filter(Boolean) as { key: 'field' | 'unit'; label: string }[]
  );

  return (
    <Stack gap="md">
      <PageTitle title={title} subtitle={subtitle} />
      {picker}
      {badWindow && <LoadError error={figuresQuery.error} />}
      {filters.length > 0 && (
        <Group gap="xs" data-testid="indicator-filters" aria-label={t('indicators.filter.label')} role="group">
          <Text size="sm" fw={600}>
            {t('indicators.filter.label')}:
          </Text>
          {filters.map((f) => (
            <Group key={f.key} gap={2} wrap="nowrap" className="filter-chip" data-testid={`filter-${f.key}`}>
              <Text size="sm">{f.label}</Text>
              <CloseButton size="sm" aria-label={t('indicators.filter.remove', { name: f.label })} onClick={() => setSearch(f.key === 'field' ? { field: undefined } : { unit: undefined })} className="no-print" />
            </Group>
          ))}
          <Button size="compact-sm" variant="subtle" onClick={() => setSearch({ field: undefined, unit: undefined })} className="no-print">
            {t('common.clearFilters')}
          </Button>
        </Group>
      )}

      <Tabs value={view} onChange={(value) => setSearch({ view: value === 'overview' || !value ? undefined : (value as IndicatorView) })} keepMounted={false}>
        <Tabs.List className="no-print" mb="md">
          <Tabs.Tab value="overview" leftSection={<Icon name="chart" size={16} />}>
            {t('indicators.tab.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="late" leftSection={<Icon name="alert" size={16} />} data-testid="tab-late">
            {t('indicators.tab.late', { count: formatNumber(lateCount, 0) })}
          </Tabs.Tab>
          <Tabs.Tab value="index766" leftSection={<Icon name="target" size={16} />}>
            {t('indicators.tab.index766')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="overview">
          <Stack gap="md">
            <RateCards rates={figures.rates} months={months} year={year} filtered={filtered} />
            <SectionPanel id="counts-heading" title={t('indicators.counts')}>
              <CountsPanel counts={figures.counts} onShowLate={() => setSearch({ view: 'late' })} />
            </SectionPanel>
            <BreakdownTable
              orgId={orgId}
              by="field"
              window={window}
              filter={{ unit: filter.unit }}
              selected={filter.field}
              onSelect={(field) => setSearch({ field })}
              fileBase={fileBase}
            />
            <BreakdownTable
              orgId={orgId}
              by="unit"
              window={window}
              filter={{ field: filter.field }}
              selected={filter.unit}
              onSelect={(unit) => setSearch({ unit })}
              fileBase={fileBase}
            />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="late">
          <LateList orgId={orgId} window={window} filter={filter} fileBase={fileBase} />
        </Tabs.Panel>

        <Tabs.Panel value="index766">
          {whole ? (
            <Scorecard766 figures={whole} months={months} year={year} filtered={filtered} />
          ) : wholeQuery.isError ? (
            <LoadError error={wholeQuery.error} onRetry={() => void wholeQuery.refetch()} />
          ) : (
            <Skeleton height={300} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
