// Theo bộ phận: each unit's initiatives of the year and where it stands against
// the call; units still short of the call come first.
import { Button, Group, Text } from '@mantine/core';
import { DataTable, type Column } from '../../../components/DataTable';
import { Icon } from '../../../components/Icon';
import { SectionPanel } from '../../../components/SectionPanel';
import { t } from '../../../i18n';
import { documentFileBase, downloadText, toCsv } from '../../../lib/csv';
import { formatNumber } from '../../../lib/format';
import { DUE_LOOK, dueState, dueText, unitsDueFirst } from '../initiativeQueries';
import type { InitiativeCall, InitiativeYear, UnitTally } from '../initiativeTypes';

function DueCell({ row, call }: { row: UnitTally; call: InitiativeCall | null }) {
  const state = dueState(row, call);
  if (state === 'none') {
    return (
      <Text size="sm" c="dimmed">
        {dueText(row, call)}
      </Text>
    );
  }
  const look = DUE_LOOK[state];
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="initiative-unit-due" data-state={state}>
      <Icon name={look.icon} size={16} style={{ color: `var(--mantine-color-${look.color}-filled)`, marginTop: 2 }} />
      <Text size="sm" fw={state === 'enough' ? 400 : 600} c={state === 'enough' ? undefined : `${look.color}.9`}>
        {dueText(row, call)}
      </Text>
    </Group>
  );
}

function columns(call: InitiativeCall | null): Column<UnitTally>[] {
  return [
    {
      key: 'unit',
      header: t('initiatives.col.unit'),
      primary: true,
      render: (row) => (
        <Text size="sm" fw={600}>
          {row.unit.name}
        </Text>
      ),
      exportValue: (row) => row.unit.name,
    },
    { key: 'count', header: t('initiatives.col.count'), align: 'right', width: 110, render: (row) => formatNumber(row.count, 0), exportValue: (row) => row.count },
    { key: 'recognised', header: t('initiatives.col.recognised'), align: 'right', width: 130, render: (row) => formatNumber(row.recognised, 0), exportValue: (row) => row.recognised },
    { key: 'applied', header: t('initiatives.col.applied'), align: 'right', width: 110, render: (row) => formatNumber(row.applied, 0), exportValue: (row) => row.applied },
    { key: 'due', header: t('initiatives.col.due'), width: '36%', render: (row) => <DueCell row={row} call={call} />, exportValue: (row) => dueText(row, call) },
  ];
}

export function UnitTallyTable({ view, orgName }: { view: InitiativeYear; orgName: string }) {
  const rows = unitsDueFirst(view.byUnit, view.call);
  const cols = columns(view.call);
  const exportCsv = () => downloadText(`${documentFileBase(null, view.year, `sang-kien-theo-bo-phan ${orgName}`)}.csv`, toCsv(cols, rows));
  return (
    <SectionPanel id="initiative-units" title={t('initiatives.byUnit')}>
      <Group justify="flex-end" mb="xs" className="no-print">
        <Button size="xs" variant="default" leftSection={<Icon name="download" size={16} />} onClick={exportCsv} disabled={rows.length === 0}>
          {t('common.exportExcel')}
        </Button>
      </Group>
      <DataTable
        columns={cols}
        rows={rows}
        rowKey={(row) => row.unit.id}
        rowTestId="initiative-unit-row"
        caption={t('initiatives.byUnit')}
        emptyText={t('initiatives.byUnitEmpty')}
        minWidth={720}
      />
    </SectionPanel>
  );
}
