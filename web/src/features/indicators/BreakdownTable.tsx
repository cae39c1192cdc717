import { Anchor, Button, Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError } from '../../components/PageState';
import { SectionPanel } from '../../components/SectionPanel';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { formatNumber, formatPercent } from '../../lib/format';
import { breakdownQueryOptions, type IndicatorFilter } from './indicatorQueries';
import type { BreakdownRow, Window } from './indicatorTypes';

/** Rows the server could not name ("(Chưa rõ lĩnh vực)") cannot be used as a filter. */
const isUnknown = (row: BreakdownRow) => row.label.startsWith('(');

interface BreakdownTableProps {
  orgId: string;
  by: 'field' | 'unit';
  window: Window;
  /** The other dimension's filter (a field table follows the unit filter, and the other way round). */
  filter: IndicatorFilter;
  /** The row filtering the page now, by its label. */
  selected?: string;
  onSelect: (label: string | undefined) => void;
  fileBase: string;
}

/** Counts and rates per procedure field or handling unit; clicking a row filters the page by it. */
export function BreakdownTable({ orgId, by, window, filter, selected, onSelect, fileBase }: BreakdownTableProps) {
  const breakdownQuery = useQuery(breakdownQueryOptions(orgId, window, by, filter));
  const title = t(by === 'field' ? 'indicators.byField' : 'indicators.byUnit');
  const id = `breakdown-${by}-heading`;
  const isSelected = (row: BreakdownRow) => selected !== undefined && row.label.toLocaleLowerCase('vi') === selected.toLocaleLowerCase('vi');

  const toggle = (row: BreakdownRow) => {
    if (!isUnknown(row)) onSelect(isSelected(row) ? undefined : row.label);
  };

  const columns: Column<BreakdownRow>[] = [
    {
      key: 'label',
      header: t(by === 'field' ? 'indicators.col.field' : 'indicators.col.unit'),
      primary: true,
      width: '30%',
      render: (row) => (
        <Group gap={6} wrap="wrap">
          {isUnknown(row) ? (
            <Text size="sm" fw={600}>
              {row.label}
            </Text>
          ) : (
            <Anchor
              component="button"
              type="button"
              size="sm"
              fw={600}
              ta="left"
              aria-pressed={isSelected(row)}
              title={t('indicators.filterBy', { name: row.label })}
              onClick={() => toggle(row)}
            >
              {row.label}
            </Anchor>
          )}
          {isSelected(row) && <TagBadge color="blue" icon="check" label={t('indicators.filtering')} size="sm" />}
        </Group>
      ),
      exportValue: (row) => row.label,
    },
    { key: 'received', header: t('indicators.col.received'), align: 'right', render: (row) => formatNumber(row.counts.received.total, 0), exportValue: (row) => row.counts.received.total },
    { key: 'resolved', header: t('indicators.col.resolved'), align: 'right', render: (row) => formatNumber(row.counts.resolved.total, 0), exportValue: (row) => row.counts.resolved.total },
    {
      key: 'late',
      header: t('indicators.col.lateOverdue'),
      align: 'right',
      render: (row) => {
        const late = row.counts.resolved.late + row.counts.pending.overdue;
        return (
          <Text size="sm" fw={late ? 700 : 400} c={late ? 'red.8' : undefined}>
            {formatNumber(late, 0)}
          </Text>
        );
      },
      exportValue: (row) => row.counts.resolved.late + row.counts.pending.overdue,
    },
    { key: 'onTime', header: t('indicators.col.onTime'), align: 'right', render: (row) => formatPercent(row.rates.on_time.rate), exportValue: (row) => row.rates.on_time.rate ?? '' },
    { key: 'online', header: t('indicators.col.online'), align: 'right', render: (row) => formatPercent(row.rates.online_submission.rate), exportValue: (row) => row.rates.online_submission.rate ?? '' },
    { key: 'digitised', header: t('indicators.col.digitised'), align: 'right', render: (row) => formatPercent(row.rates.digitised_dossiers.rate), exportValue: (row) => row.rates.digitised_dossiers.rate ?? '' },
  ];

  const rows = breakdownQuery.data?.rows ?? [];
  const exportButton = rows.length > 0 && (
    <Button
      size="xs"
      variant="default"
      leftSection={<Icon name="download" size={14} />}
      onClick={() => downloadText(`${fileBase}-${by === 'field' ? 'linh-vuc' : 'don-vi'}.csv`, toCsv(columns, rows))}
      className="no-print"
    >
      {t('common.exportExcel')}
    </Button>
  );

  return (
    <SectionPanel id={id} title={title} h="100%">
      {breakdownQuery.isPending ? (
        <Skeleton height={120} />
      ) : breakdownQuery.isError ? (
        <LoadError error={breakdownQuery.error} onRetry={() => void breakdownQuery.refetch()} />
      ) : (
        <>
          <Group justify="space-between" mb="xs" gap="xs">
            <Text size="xs" c="dimmed">
              {t('indicators.clickToFilter')}
            </Text>
            {exportButton}
          </Group>
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(row) => row.key}
            rowTestId={`${by}-row`}
            onRowClick={toggle}
            emptyText={t('indicators.noRows')}
            caption={title}
            minWidth={560}
          />
        </>
      )}
    </SectionPanel>
  );
}
