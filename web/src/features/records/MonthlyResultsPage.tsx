import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatNumber, formatPercent, todayIso } from '../../lib/format';
import { useCurrentOrg } from '../org/CurrentOrg';
import { defaultMonth, MONTHLY_COLUMNS, MONTHLY_GROUPS, monthlyCsvColumns, monthlyRows, monthOptions, monthWindow, type MonthlyRow } from './monthlyReport';
import { breakdownQueryOptions } from '../indicators/indicatorQueries';
import type { Breakdown } from '../indicators/indicatorTypes';
import './records.css';

const routeApi = getRouteApi('/app/records/monthly');

/**
 * Kết quả giải quyết TTHC tháng: the month's one-stop results by procedure
 * field, ready to publish — printed on A4 landscape or saved for Excel.
 */
export function MonthlyResultsPage() {
  const { orgId, org } = useCurrentOrg();
  const search = routeApi.useSearch();
  const navigate = useNavigate();
  const today = todayIso();
  const month = search.month ?? defaultMonth(today);
  const range = monthWindow(month, today);
  const enabled = org.kind === 'commune' && range.from <= range.to;
  const breakdownQuery = useQuery({ ...breakdownQueryOptions(orgId, range, 'field'), enabled });
  const [year, monthNumber] = month.split('-').map(Number);
  const heading = t('records.monthly.heading', { month: monthNumber, year });

  if (org.kind !== 'commune') return <EmptyText>{t('records.pickCommune')}</EmptyText>;

  const picker = (
    <Select
      label={t('records.monthly.month')}
      data={monthOptions(today)}
      value={month}
      onChange={(value) => value && void navigate({ to: '/records/monthly', search: { month: value }, replace: true })}
      allowDeselect={false}
      w={210}
    />
  );

  const exportCsv = (breakdown: Breakdown) =>
    downloadText(`KQ-giai-quyet-TTHC-thang-${String(monthNumber).padStart(2, '0')}-${year}.csv`, toCsv(monthlyCsvColumns(), monthlyRows(breakdown)));

  const breakdown = breakdownQuery.data;
  return (
    <Stack gap="md" className="monthly-page">
      <PageTitle
        title={t('records.monthly.pageTitle')}
        subtitle={
          <AnchorLink to="/records" size="sm" className="no-print">
            {t('records.monthly.back')}
          </AnchorLink>
        }
        actions={
          <Group gap="xs" align="flex-end">
            {picker}
            <Button variant="default" leftSection={<Icon name="printer" size={16} />} onClick={() => window.print()} disabled={!breakdown}>
              {t('common.print')}
            </Button>
            <Button variant="default" leftSection={<Icon name="download" size={16} />} onClick={() => breakdown && exportCsv(breakdown)} disabled={!breakdown}>
              {t('common.exportExcel')}
            </Button>
          </Group>
        }
      />

      <section className="monthly-report" aria-labelledby="monthly-heading" data-testid="monthly-report">
        <Text fw={700} size="sm" className="monthly-org">
          {org.name.toLocaleUpperCase('vi')}
        </Text>
        <Text component="h2" fw={700} ta="center" className="monthly-title" id="monthly-heading" data-testid="monthly-title">
          {heading}
        </Text>
        <Text ta="center" size="sm" fs="italic" className="monthly-window">
          {t('records.monthly.window', { from: formatDate(range.from), to: formatDate(range.to) })}
        </Text>
        <Text ta="right" size="xs" fs="italic" mb={4}>
          {t('records.monthly.unit')}
        </Text>
        {breakdownQuery.isPending ? (
          <PageLoading />
        ) : breakdownQuery.isError ? (
          <LoadError error={breakdownQuery.error} onRetry={() => void breakdownQuery.refetch()} />
        ) : breakdown && breakdown.rows.length > 0 ? (
          <>
            <MonthlyTable rows={monthlyRows(breakdown)} caption={heading} />
            <Text size="xs" c="dimmed" mt={6} className="monthly-note">
              {t('records.monthly.note')}
            </Text>
            <Text size="xs" c="dimmed" className="print-only">
              {t('plan.printedOn', { date: formatDate(today) })}
            </Text>
          </>
        ) : (
          <Stack gap={4} py="md" data-testid="monthly-empty">
            <Text size="sm" c="dimmed">
              {t('records.monthly.empty')}
            </Text>
            <AnchorLink to="/records" size="sm" className="no-print">
              {t('records.monthly.toImport')}
            </AnchorLink>
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function cell(value: number | null, percent?: boolean): string {
  if (value === null) return t('common.dash');
  return percent ? formatPercent(value, 1) : formatNumber(value, 0);
}

/** Biểu 06 layout: two header rows (groups, then columns) and a row of column numbers. */
function MonthlyTable({ rows, caption }: { rows: MonthlyRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={1080} type="native" className="data-table-scroll">
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} className="data-table report-table" data-testid="monthly-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} scope="col" className="report-th-center" style={{ width: 44 }}>
              {t('records.monthly.number')}
            </Table.Th>
            <Table.Th rowSpan={2} scope="col" className="report-th-center" style={{ minWidth: 160 }}>
              {t('records.monthly.field')}
            </Table.Th>
            {MONTHLY_GROUPS.map((group) => (
              <Table.Th key={group} colSpan={MONTHLY_COLUMNS.filter((column) => column.group === group).length} scope="colgroup" className="report-th-center">
                {t(group)}
              </Table.Th>
            ))}
            {MONTHLY_COLUMNS.filter((column) => column.group === null).map((column) => (
              <Table.Th key={column.key} rowSpan={2} scope="col" className="report-th-center" style={{ width: 90 }}>
                {t(column.header)}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {MONTHLY_COLUMNS.filter((column) => column.group !== null).map((column) => (
              <Table.Th key={column.key} scope="col" className="report-th-center">
                {t(column.header)}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr className="report-col-numbers">
            {Array.from({ length: 2 + MONTHLY_COLUMNS.length }, (_, index) => (
              <Table.Th key={index} className="report-th-center">
                ({index + 1})
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid={row.total ? 'monthly-total' : 'monthly-row'} className={row.total ? 'report-total' : undefined}>
              <Table.Td ta="center">{row.number}</Table.Td>
              <Table.Td fw={row.total ? 700 : 500}>{row.label}</Table.Td>
              {MONTHLY_COLUMNS.map((column) => {
                const value = column.value(row.figures);
                return (
                  <Table.Td key={column.key} ta="right" fw={row.total ? 700 : undefined} data-col={column.key} data-value={value ?? ''} style={{ whiteSpace: 'nowrap' }}>
                    {cell(value, column.percent)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
