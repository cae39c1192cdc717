// Tình hình gửi báo cáo CCHC of the province's communes for one report: the
// counts (sent, on time, late, not sent) that filter the table, the rates, the
// table with each commune's status, date sent, timeliness and headline
// figures, the downloads (all reports as ZIP, the figures as XLSX), and for the
// province's administrator the deadlines and recipients of the reports.
import { Button, Chip, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { useMe } from '../auth/session';
import { ReportStatusBadge, TimelinessBadge } from './ReportBadges';
import { kindLabel, PERIOD_LABEL, reportApi, reportYears, statusTableQueryOptions } from './reportQueries';
import { ReportSettingsPanel } from './ReportSettingsPanel';
import { REPORT_KINDS, type ReportKind, type ReportStatusTable, type StatusRow } from './reportTypes';
import './reports.css';

const routeApi = getRouteApi('/app/bao-cao/tinh');

/** The window ends (the 14th of Mar, Jun, Sep, Dec): the latest report whose window has closed, else last year's annual one. */
const WINDOW_END: Record<ReportKind, string> = { q1: '03-14', h1: '06-14', q3: '09-14', year: '12-14' };

export function defaultKindYear(today: string): { kind: ReportKind; year: number } {
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  const closed = REPORT_KINDS.filter((kind) => WINDOW_END[kind] < monthDay);
  return closed.length ? { kind: closed[closed.length - 1], year } : { kind: 'year', year: year - 1 };
}

type Filter = 'sent' | 'on_time' | 'late' | 'unsent';

const FIGURES = [
  { key: 'completion_rate', label: 'reports.province.completionRate' },
  { key: 'on_time_rate', label: 'reports.province.onTimeRate' },
  { key: 'online_rate', label: 'reports.province.onlineRate' },
] as const;

export function ProvinceReportsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const search = routeApi.useSearch();
  const fallback = defaultKindYear(me.today);
  const kind = search.kind ?? fallback.kind;
  const year = search.year ?? fallback.year;
  const province = me.org.kind === 'province' ? me.org : null;
  const table = useQuery({ ...statusTableQueryOptions(province?.id ?? '', kind, year), enabled: Boolean(province) });

  if (!province) {
    return (
      <>
        <PageTitle title={t('reports.province.title')} subtitle={me.org.name} />
        <EmptyText>{t('reports.province.onlyProvince')}</EmptyText>
      </>
    );
  }

  const go = (next: { kind?: ReportKind; year?: number }) => void navigate({ to: '/bao-cao/tinh', search: { kind, year, ...next }, replace: true });

  return (
    <Stack gap="md">
      <PageTitle title={t('reports.province.titleOf', { period: t(PERIOD_LABEL[kind], { year }) })} subtitle={province.name} />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('reports.province.kind')}
          data={REPORT_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          value={kind}
          onChange={(value) => value && go({ kind: value as ReportKind })}
          allowDeselect={false}
          w={200}
          data-testid="report-kind-select"
        />
        <Select
          label={t('reports.year')}
          data={reportYears(me.today, year).map((value) => ({ value: String(value), label: String(value) }))}
          value={String(year)}
          onChange={(value) => value && go({ year: Number(value) })}
          allowDeselect={false}
          w={120}
          data-testid="report-year"
        />
        <Group gap="xs" className="no-print">
          <Button component="a" href={reportApi.zipHref(province.id, kind, year)} download variant="default" leftSection={<Icon name="download" size={16} />} title={t('reports.province.zipHint')}>
            {t('reports.province.zip')}
          </Button>
          <Button component="a" href={reportApi.figuresHref(province.id, kind, year)} download variant="default" leftSection={<Icon name="file" size={16} />}>
            {t('reports.province.figuresXlsx')}
          </Button>
        </Group>
      </Group>
      {table.isPending ? (
        <PageLoading />
      ) : table.isError ? (
        <LoadError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <StatusView key={`${kind}-${year}`} data={table.data} />
      )}
      {table.data?.canReview && <ReportSettingsPanel provinceId={province.id} year={year} />}
    </Stack>
  );
}

function matches(row: StatusRow, filter: Filter | null): boolean {
  switch (filter) {
    case null:
      return true;
    case 'sent':
      return row.submittedOn !== null;
    case 'unsent':
      return row.submittedOn === null;
    default:
      return row.timeliness === filter;
  }
}

function StatusView({ data }: { data: ReportStatusTable }) {
  const [filter, setFilter] = useState<Filter | null>(null);
  const rows = useMemo(() => data.rows.filter((row) => matches(row, filter)), [data.rows, filter]);
  const s = data.summary;
  const provinceDeadline = `${data.window.to.slice(0, 8)}20`;
  const chips: Array<{ value: Filter; label: string; count: string; color: string; icon: 'upload' | 'check' | 'clock' | 'alert' }> = [
    { value: 'sent', label: t('reports.province.sent'), count: `${formatNumber(s.sent, 0)}/${formatNumber(s.communes, 0)}`, color: 'blue', icon: 'upload' },
    { value: 'on_time', label: t('reports.timeliness.on_time'), count: formatNumber(s.onTime, 0), color: 'green', icon: 'check' },
    { value: 'late', label: t('reports.timeliness.late'), count: formatNumber(s.late, 0), color: 'orange', icon: 'clock' },
    { value: 'unsent', label: t('reports.province.unsent'), count: formatNumber(s.communes - s.sent, 0), color: 'red', icon: 'alert' },
  ];

  return (
    <>
      <Text size="sm" data-testid="report-province-window">
        {t('reports.province.windowLine', {
          from: formatDate(data.window.from),
          to: formatDate(data.window.to),
          deadline: formatDate(data.deadline),
          provinceDeadline: formatDate(provinceDeadline),
        })}
      </Text>
      <div role="group" aria-label={t('reports.province.countsLabel')}>
        <Group gap="xs">
          {chips.map((chip) => (
            <Chip
              key={chip.value}
              checked={filter === chip.value}
              onChange={() => setFilter((current) => (current === chip.value ? null : chip.value))}
              color={chip.color}
              variant="outline"
              icon={<Icon name="check" size={14} />}
              wrapperProps={{ 'data-testid': 'report-count-chip', 'data-filter': chip.value }}
            >
              <Group gap={6} wrap="nowrap">
                <Icon name={chip.icon} size={14} style={{ color: `var(--mantine-color-${chip.color}-filled)` }} />
                <span>{chip.label}</span>
                <b className="report-count">{chip.count}</b>
              </Group>
            </Chip>
          ))}
        </Group>
      </div>
      {s.missing > 0 && (
        <Text size="sm" c="red.8">
          <Icon name="alert" size={14} /> {t('reports.province.missingLine', { count: s.missing, deadline: formatDate(data.deadline) })}
        </Text>
      )}
      <Group gap="lg" wrap="wrap">
        <Text size="sm">
          {t('reports.province.reportingRate')}: <b data-testid="report-reporting-rate">{formatPercent(s.reportingRate, 2)}</b>
        </Text>
        <Text size="sm">
          {t('reports.province.onTimeReportRate')}: <b data-testid="report-on-time-rate">{formatPercent(s.onTimeRate, 2)}</b>
        </Text>
      </Group>
      <SectionPanel id="report-province-table" title={t('reports.province.tableTitle', { label: t(PERIOD_LABEL[data.kind], { year: data.year }) })}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('common.showing', { shown: rows.length, total: data.rows.length })}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {data.rows.length === 0 ? t('reports.province.noCommunes') : t('common.noMatch')}
          </Text>
        ) : (
          <StatusTable rows={rows} caption={t('reports.province.tableTitle', { label: t(PERIOD_LABEL[data.kind], { year: data.year }) })} />
        )}
      </SectionPanel>
    </>
  );
}

function Figure({ value }: { value: number | null | undefined }) {
  return <>{formatPercent(value ?? null, 2)}</>;
}

function StatusCell({ row }: { row: StatusRow }) {
  if (!row.status) {
    return (
      <Text size="sm" c="dimmed" component="span">
        {t('reports.province.unsent')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      <ReportStatusBadge status={row.status} size="sm" />
      {row.version !== null && row.version > 1 && (
        <Text size="xs" c="dimmed" component="span">
          {t('reports.versionShort', { version: row.version })}
        </Text>
      )}
    </Group>
  );
}

function ViewLink({ row }: { row: StatusRow }) {
  if (!row.reportId) return <>{t('common.dash')}</>;
  return (
    <AnchorLink to="/bao-cao/$reportId" params={{ reportId: row.reportId }} size="sm" fw={600} aria-label={t('reports.province.viewOf', { name: row.name })}>
      {t('reports.province.view')}
    </AnchorLink>
  );
}

/** A table on wide screens, a card per commune on phones; every row carries the commune's code. */
function StatusTable({ rows, caption }: { rows: StatusRow[]; caption: string }) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (phone) {
    return (
      <Stack gap="xs" role="list" aria-label={caption}>
        {rows.map((row) => (
          <Paper key={row.orgId} withBorder p="sm" role="listitem" data-org-code={row.code} data-testid="report-province-row" className="data-card">
            <Group justify="space-between" gap="xs" mb={6} wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {row.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.code}
                </Text>
              </div>
              <ViewLink row={row} />
            </Group>
            <dl className="data-card-fields">
              <div>
                <dt>{t('reports.province.colStatus')}</dt>
                <dd>
                  <StatusCell row={row} />
                </dd>
              </div>
              <div>
                <dt>{t('reports.province.colSent')}</dt>
                <dd>{row.submittedOn ? formatDate(row.submittedOn) : t('common.dash')}</dd>
              </div>
              <div>
                <dt>{t('reports.province.colTimeliness')}</dt>
                <dd>
                  <TimelinessBadge value={row.timeliness} size="sm" />
                </dd>
              </div>
              {FIGURES.map((f) => (
                <div key={f.key}>
                  <dt>{t(f.label)}</dt>
                  <dd>
                    <Figure value={row.figures?.[f.key]} />
                  </dd>
                </div>
              ))}
            </dl>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <div className="report-table-scroll">
      <table className="report-table report-province-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.province.colOrg')}</th>
            <th scope="col">{t('reports.province.colStatus')}</th>
            <th scope="col">{t('reports.province.colSent')}</th>
            <th scope="col">{t('reports.province.colTimeliness')}</th>
            {FIGURES.map((f) => (
              <th key={f.key} scope="col" className="report-col-num">
                {t(f.label)}
              </th>
            ))}
            <th scope="col" className="no-print">
              <span className="visually-hidden">{t('reports.province.view')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.orgId} data-org-code={row.code} data-testid="report-province-row" data-timeliness={row.timeliness}>
              <th scope="row" className="report-org-cell">
                <Text size="sm" fw={600} component="span" display="block">
                  {row.name}
                </Text>
                <Text size="xs" c="dimmed" component="span" display="block">
                  {row.code}
                </Text>
              </th>
              <td>
                <StatusCell row={row} />
              </td>
              <td className="report-nowrap">{row.submittedOn ? formatDate(row.submittedOn) : t('common.dash')}</td>
              <td>
                <TimelinessBadge value={row.timeliness} size="sm" />
              </td>
              {FIGURES.map((f) => (
                <td key={f.key} className="report-col-num">
                  <Figure value={row.figures?.[f.key]} />
                </td>
              ))}
              <td className="no-print">
                <ViewLink row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
