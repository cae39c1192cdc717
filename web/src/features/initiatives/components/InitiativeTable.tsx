// The year's initiatives: counts per status at the top (clicking one filters),
// a unit filter, the table (a row opens the detail) and its Excel export.
import { Anchor, Button, Group, Select, Text } from '@mantine/core';
import { useMemo, useState, type CSSProperties } from 'react';
import { DataTable, type Column } from '../../../components/DataTable';
import { Icon } from '../../../components/Icon';
import { EmptyText } from '../../../components/PageState';
import { SectionPanel } from '../../../components/SectionPanel';
import { CountChips } from '../../../components/StatusCountChips';
import { foldedFilter } from '../../../components/selectFilter';
import { TagBadge } from '../../../components/TagBadge';
import { t } from '../../../i18n';
import { documentFileBase, downloadText, toCsv } from '../../../lib/csv';
import { formatDate, formatNumber } from '../../../lib/format';
import { authorNames, STATUS_LOOK, statusLabel } from '../initiativeQueries';
import { INITIATIVE_STATUSES, type InitiativeStatus, type InitiativeSummary, type InitiativeYear } from '../initiativeTypes';

export function InitiativeStatusBadge({ status, size = 'md' }: { status: InitiativeStatus; size?: 'sm' | 'md' }) {
  const look = STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={statusLabel(status)} size={size} testId="initiative-status" state={status} />;
}

function columns(onOpen: (row: InitiativeSummary) => void): Column<InitiativeSummary>[] {
  return [
    {
      key: 'title',
      header: t('initiatives.col.title'),
      primary: true,
      render: (row) => (
        <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(row)} data-testid="initiative-open">
          {row.title}
        </Anchor>
      ),
      exportValue: (row) => row.title,
    },
    { key: 'unit', header: t('initiatives.col.unit'), width: 180, render: (row) => row.unit.name, exportValue: (row) => row.unit.name },
    { key: 'authors', header: t('initiatives.col.authors'), width: 200, render: (row) => authorNames(row.authors), exportValue: (row) => authorNames(row.authors) },
    { key: 'submittedOn', header: t('initiatives.col.submittedOn'), width: 110, render: (row) => formatDate(row.submittedOn), exportValue: (row) => formatDate(row.submittedOn) },
    {
      key: 'status',
      header: t('initiatives.col.status'),
      width: 170,
      render: (row) => <InitiativeStatusBadge status={row.status} size="sm" />,
      exportValue: (row) => statusLabel(row.status),
    },
    {
      key: 'evidence',
      header: t('initiatives.col.evidence'),
      align: 'right',
      width: 100,
      render: (row) => (row.evidenceCount > 0 ? formatNumber(row.evidenceCount, 0) : <Text span size="sm" c="dimmed">{t('initiatives.noEvidenceShort')}</Text>),
      exportValue: (row) => row.evidenceCount,
    },
  ];
}

interface InitiativeTableProps {
  view: InitiativeYear;
  orgName: string;
  onOpen: (id: string) => void;
}

export function InitiativeTable({ view, orgName, onOpen }: InitiativeTableProps) {
  const [statuses, setStatuses] = useState<InitiativeStatus[]>([]);
  const [unitId, setUnitId] = useState<string | null>(null);

  const counts = useMemo(() => {
    const result: Record<InitiativeStatus, number> = { submitted: 0, recognised: 0, applied: 0 };
    for (const row of view.initiatives) result[row.status] += 1;
    return result;
  }, [view.initiatives]);
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const row of view.byUnit) seen.set(row.unit.id, row.unit.name);
    for (const row of view.initiatives) seen.set(row.unit.id, row.unit.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [view.byUnit, view.initiatives]);

  const rows = view.initiatives.filter((row) => (statuses.length === 0 || statuses.includes(row.status)) && (!unitId || row.unit.id === unitId));
  const cols = columns((row) => onOpen(row.id));
  const filtered = statuses.length > 0 || unitId !== null;
  const exportCsv = () => downloadText(`${documentFileBase(null, view.year, `sang-kien ${orgName}`)}.csv`, toCsv(cols, rows));

  return (
    <SectionPanel id="initiative-list" title={t('initiatives.list')}>
      {view.initiatives.length === 0 ? (
        <EmptyText>{view.can.register ? t('initiatives.emptyRegister', { year: view.year }) : t('initiatives.empty', { year: view.year })}</EmptyText>
      ) : (
        <>
          <Group align="flex-end" justify="space-between" gap="sm" mb="sm" className="no-print">
            <Group align="flex-end" gap="sm" role="search" aria-label={t('initiatives.filterHeading')}>
              <CountChips
                statuses={INITIATIVE_STATUSES}
                look={STATUS_LOOK}
                label={statusLabel}
                counts={counts}
                selected={statuses}
                onChange={setStatuses}
                ariaLabel={t('initiatives.filterStatus')}
                heading={t('initiatives.filterStatus')}
                hideEmpty={false}
              />
              <Select
                label={t('initiatives.filterUnit')}
                placeholder={t('initiatives.allUnits')}
                data={units}
                value={unitId}
                onChange={setUnitId}
                clearable
                searchable
                filter={foldedFilter}
                className="filter-field"
                style={{ '--filter-width': '260px' } as CSSProperties}
              />
              {filtered && (
                <Button
                  variant="subtle"
                  leftSection={<Icon name="x" size={16} />}
                  onClick={() => {
                    setStatuses([]);
                    setUnitId(null);
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              )}
            </Group>
            <Button size="xs" variant="default" leftSection={<Icon name="download" size={16} />} onClick={exportCsv} disabled={rows.length === 0}>
              {t('common.exportExcel')}
            </Button>
          </Group>
          {filtered && (
            <Text size="xs" c="dimmed" mb={4} role="status">
              {t('common.showing', { shown: rows.length, total: view.initiatives.length })}
            </Text>
          )}
          <DataTable
            columns={cols}
            rows={rows}
            rowKey={(row) => row.id}
            rowTestId="initiative-row"
            onRowClick={(row) => onOpen(row.id)}
            caption={t('initiatives.list')}
            emptyText={t('common.noMatch')}
            minWidth={900}
          />
        </>
      )}
    </SectionPanel>
  );
}
