import { ActionIcon, Button, Chip, Group, List, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError } from '../../components/PageState';
import { SectionPanel } from '../../components/SectionPanel';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatNumber } from '../../lib/format';
import { lateQueryOptions, type IndicatorFilter } from './indicatorQueries';
import type { LateDossier, Window } from './indicatorTypes';

type SortKey = 'daysLate' | 'due' | 'accepted' | 'code' | 'procedure';
type LateClass = LateDossier['class'];

const LOOK: Record<LateClass, { color: string; icon: 'checkClock' | 'alert' }> = {
  late: { color: 'grape', icon: 'checkClock' },
  overdue: { color: 'red', icon: 'alert' },
};

export function LateClassBadge({ value }: { value: LateClass }) {
  return <TagBadge color={LOOK[value].color} icon={LOOK[value].icon} label={t(value === 'late' ? 'indicators.late.classLate' : 'indicators.late.classOverdue')} size="sm" state={value} testId="late-class" />;
}

function compare(a: LateDossier, b: LateDossier, key: SortKey): number {
  switch (key) {
    case 'daysLate':
      return (a.daysLate ?? 0) - (b.daysLate ?? 0);
    case 'due':
      return (a.due ?? '').localeCompare(b.due ?? '');
    case 'accepted':
      return (a.accepted ?? '').localeCompare(b.accepted ?? '');
    case 'code':
      return a.code.localeCompare(b.code);
    case 'procedure':
      return (a.procedureName ?? a.procedureCode).localeCompare(b.procedureName ?? b.procedureCode, 'vi');
  }
}

const LIMIT = 500;

/** Dossiers resolved late in the window or still open past their due date at its end, with the reasons. */
export function LateList({ orgId, window, filter, fileBase }: { orgId: string; window: Window; filter: IndicatorFilter; fileBase: string }) {
  const lateQuery = useQuery(lateQueryOptions(orgId, window, filter, LIMIT));
  const [sort, setSort] = useState<SortKey>('daysLate');
  const [descending, setDescending] = useState(true);
  const [classes, setClasses] = useState<LateClass[]>([]);

  const all = lateQuery.data?.rows ?? [];
  const total = lateQuery.data?.total ?? 0;
  const counts = useMemo(() => ({ late: all.filter((r) => r.class === 'late').length, overdue: all.filter((r) => r.class === 'overdue').length }), [all]);
  const rows = useMemo(() => {
    const shown = classes.length ? all.filter((r) => classes.includes(r.class)) : all;
    return [...shown].sort((a, b) => (descending ? -1 : 1) * compare(a, b, sort) || a.code.localeCompare(b.code));
  }, [all, classes, sort, descending]);

  const columns: Column<LateDossier>[] = [
    {
      key: 'code',
      header: t('indicators.late.code'),
      primary: true,
      width: '15%',
      render: (row) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {row.code}
          </Text>
          <LateClassBadge value={row.class} />
        </Stack>
      ),
      exportValue: (row) => row.code,
    },
    {
      key: 'procedure',
      header: t('indicators.late.procedure'),
      width: '22%',
      render: (row) => (
        <div>
          <Text size="sm" lineClamp={3}>
            {row.procedureName ?? row.procedureCode}
          </Text>
          <Text size="xs" c="dimmed">
            {[row.fieldName, row.unit].filter(Boolean).join(' · ')}
          </Text>
        </div>
      ),
      exportValue: (row) => row.procedureName ?? row.procedureCode,
    },
    { key: 'status', header: t('indicators.late.status'), hideInCards: true, render: () => null, exportValue: (row) => t(row.class === 'late' ? 'indicators.late.classLate' : 'indicators.late.classOverdue') },
    { key: 'field', header: t('indicators.col.field'), hideInCards: true, render: () => null, exportValue: (row) => row.fieldName ?? '' },
    { key: 'accepted', header: t('indicators.late.accepted'), width: '9%', render: (row) => formatDate(row.accepted), exportValue: (row) => formatDate(row.accepted) },
    { key: 'due', header: t('indicators.late.due'), width: '9%', render: (row) => formatDate(row.due), exportValue: (row) => formatDate(row.due) },
    {
      key: 'end',
      header: t('indicators.late.end'),
      width: '9%',
      render: (row) => (row.end ? formatDate(row.end) : <Text size="sm" c="dimmed">{t('indicators.late.noResult')}</Text>),
      exportValue: (row) => formatDate(row.end),
    },
    {
      key: 'daysLate',
      header: t('indicators.late.daysLate'),
      align: 'right',
      width: '7%',
      render: (row) => (
        <Text size="sm" fw={700} c="red.8">
          {row.daysLate === null ? t('common.dash') : formatNumber(row.daysLate, 0)}
        </Text>
      ),
      exportValue: (row) => row.daysLate ?? '',
    },
    {
      key: 'reasons',
      header: t('indicators.late.reasons'),
      width: '29%',
      render: (row) => (
        <List size="sm" spacing={2} data-testid="late-reasons">
          {row.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      ),
      exportValue: (row) => row.reasons.join('; '),
    },
  ];
  // The status and field columns are in the file only (the screen shows them inside other cells).
  const screenColumns = columns.filter((c) => c.key !== 'status' && c.key !== 'field');

  const sortOptions: { value: SortKey; label: string }[] = [
    { value: 'daysLate', label: t('indicators.late.sortDaysLate') },
    { value: 'due', label: t('indicators.late.sortDue') },
    { value: 'accepted', label: t('indicators.late.sortAccepted') },
    { value: 'procedure', label: t('indicators.late.sortProcedure') },
    { value: 'code', label: t('indicators.late.sortCode') },
  ];

  return (
    <SectionPanel id="late-heading" title={t('indicators.late.title')}>
      {lateQuery.isPending ? (
        <Skeleton height={160} />
      ) : lateQuery.isError ? (
        <LoadError error={lateQuery.error} onRetry={() => void lateQuery.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" data-testid="late-total" data-value={total}>
            {t('indicators.late.total', { count: formatNumber(total, 0) })}
            {total > all.length && ` · ${t('common.showing', { shown: formatNumber(all.length, 0), total: formatNumber(total, 0) })}`}
          </Text>
          {total > 0 && (
            <Group justify="space-between" align="flex-end" gap="sm" className="no-print">
              <div role="group" aria-label={t('indicators.late.countsLabel')}>
                <Chip.Group multiple value={classes} onChange={(value) => setClasses(value as LateClass[])}>
                  <Group gap="xs">
                    {(['late', 'overdue'] as const).map((c) => (
                      <Chip key={c} value={c} color={LOOK[c].color} variant="outline" data-class={c}>
                        <Group gap={6} wrap="nowrap">
                          <Icon name={LOOK[c].icon} size={14} style={{ color: `var(--mantine-color-${LOOK[c].color}-filled)` }} />
                          <span>{t(c === 'late' ? 'indicators.late.classLate' : 'indicators.late.classOverdue')}</span>
                          <Text span fw={700}>
                            {formatNumber(counts[c], 0)}
                          </Text>
                        </Group>
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </div>
              <Group gap="xs" align="flex-end">
                <Select
                  label={t('indicators.late.sortBy')}
                  data={sortOptions}
                  value={sort}
                  onChange={(value) => value && setSort(value as SortKey)}
                  allowDeselect={false}
                  w={200}
                  size="xs"
                />
                <ActionIcon
                  variant="default"
                  size="md"
                  onClick={() => setDescending((d) => !d)}
                  aria-label={t(descending ? 'indicators.late.descending' : 'indicators.late.ascending')}
                  title={t(descending ? 'indicators.late.descending' : 'indicators.late.ascending')}
                >
                  <Text size="sm" fw={700} aria-hidden>
                    {descending ? '↓' : '↑'}
                  </Text>
                </ActionIcon>
                <Button size="xs" variant="default" leftSection={<Icon name="download" size={14} />} onClick={() => downloadText(`${fileBase}-ho-so-tre-han.csv`, toCsv(columns, rows))}>
                  {t('common.exportExcel')}
                </Button>
              </Group>
            </Group>
          )}
          <DataTable
            columns={screenColumns}
            rows={rows}
            rowKey={(row) => row.code}
            rowTestId="late-row"
            emptyText={total === 0 ? t('indicators.late.none') : t('common.noMatch')}
            caption={t('indicators.late.title')}
            minWidth={900}
            fixedLayout
          />
        </Stack>
      )}
    </SectionPanel>
  );
}
