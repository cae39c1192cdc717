// Theo dõi khắc phục: for a commune, every finding of the year's inspections,
// most urgent first, filtered by status and responsible unit; for a province,
// the findings its communes escalated to it. Each row opens its inspection
// with the finding's follow-up beside it; the list exports as it is shown.
import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { CountChips } from '../../components/StatusCountChips';
import { foldedFilter } from '../../components/selectFilter';
import { t } from '../../i18n';
import { documentFileBase, downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatNumber } from '../../lib/format';
import { yearOptions } from '../../lib/periods';
import type { AreaRef, Me } from '../../lib/types';
import { useMe } from '../auth/session';
import { areaName, useAreas } from '../reference/areas';
import { FindingStatusBadge, SeverityBadge } from './InspectionBadges';
import {
  byUrgency,
  escalatedFindingsQueryOptions,
  FINDING_STATUS_LOOK,
  findingsQueryOptions,
  findingStatusLabel,
  severityLabel,
} from './inspectionQueries';
import { statusList, type FindingsSearch } from './inspectionSearch';
import { FINDING_DISPLAY_STATUSES, type EscalatedFinding, type FindingDisplayStatus, type FindingSummary, type UnitName } from './inspectionTypes';
import './inspections.css';

const routeApi = getRouteApi('/app/kiem-tra/van-de');

export function FindingsPage() {
  const me = useMe();
  const search = routeApi.useSearch();
  const year = search.year ?? Number(me.today.slice(0, 4));
  if (me.org.kind === 'commune') return <CommuneFindings me={me} year={year} search={search} />;
  if (me.org.kind === 'province') return <EscalatedFindings me={me} year={year} />;
  return (
    <>
      <PageTitle title={t('findings.title')} subtitle={me.org.name} />
      <EmptyText>{t('findings.onlyCommuneOrProvince')}</EmptyText>
    </>
  );
}

function YearSelect({ me, year, onChange }: { me: Me; year: number; onChange: (year: number) => void }) {
  return (
    <Select
      label={t('inspections.year')}
      data={yearOptions(me.today, year)}
      value={String(year)}
      onChange={(value) => value && onChange(Number(value))}
      allowDeselect={false}
      w={140}
      data-testid="findings-year"
    />
  );
}

function ExportButton<T>({ columns, rows, fileBase }: { columns: Column<T>[]; rows: T[]; fileBase: string }) {
  return (
    <Button
      variant="default"
      leftSection={<Icon name="download" size={16} />}
      disabled={rows.length === 0}
      onClick={() => downloadText(`${fileBase}.csv`, toCsv(columns, rows, { header: t('findings.col.no'), value: (_row, index) => index + 1 }))}
    >
      {t('common.exportExcel')}
    </Button>
  );
}

// ── A commune: every finding of the year ─────────────────────────────────

function CommuneFindings({ me, year, search }: { me: Me; year: number; search: FindingsSearch }) {
  const navigate = useNavigate();
  const areas = useAreas();
  const list = useQuery(findingsQueryOptions(me.org.id, year));
  const statuses = statusList(search.status);
  const myUnitIds = useMemo(() => new Set(me.units.map((unit) => unit.id)), [me.units]);

  const setSearch = (patch: Partial<FindingsSearch>) =>
    void navigate({ to: '/kiem-tra/van-de', search: (previous) => ({ ...previous, ...patch }), replace: true });

  const findings = useMemo(() => [...(list.data?.findings ?? [])].sort(byUrgency), [list.data]);
  const units = useMemo(() => uniqueUnits(findings.map((finding) => finding.responsibleUnit)), [findings]);
  const byUnit = findings.filter(
    (finding) => (!search.unitId || finding.responsibleUnit.id === search.unitId) && (!search.mine || myUnitIds.has(finding.responsibleUnit.id)),
  );
  const rows = statuses.length ? byUnit.filter((finding) => statuses.includes(finding.displayStatus)) : byUnit;
  const columns = findingColumns<FindingSummary>(areas, false);
  const filtered = statuses.length > 0 || Boolean(search.unitId) || Boolean(search.mine);

  return (
    <Stack gap="md">
      <PageTitle
        title={t('findings.titleYear', { year })}
        subtitle={me.org.name}
        actions={<ExportButton columns={columns} rows={rows} fileBase={documentFileBase(null, year, t('findings.fileName'))} />}
      />
      <Group align="flex-end" gap="sm" className="no-print">
        <YearSelect me={me} year={year} onChange={(value) => setSearch({ year: value })} />
        <Select
          label={t('findings.filter.unit')}
          placeholder={t('common.all')}
          data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          value={search.unitId ?? null}
          onChange={(value) => setSearch({ unitId: value ?? undefined })}
          clearable
          searchable
          filter={foldedFilter}
          nothingFoundMessage={t('units.none')}
          w={260}
        />
        {me.units.length > 0 && (
          <Checkbox
            label={t('findings.filter.mine')}
            checked={Boolean(search.mine)}
            onChange={(event) => setSearch({ mine: event.currentTarget.checked ? true : undefined })}
            mb={8}
          />
        )}
        {filtered && (
          <Button variant="subtle" onClick={() => setSearch({ status: undefined, unitId: undefined, mine: undefined })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : findings.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <EmptyText>{t('findings.none', { year })}</EmptyText>
          <AnchorLink to="/kiem-tra" search={{ year }} size="sm" fw={600}>
            {t('findings.toInspections', { year })}
          </AnchorLink>
        </Stack>
      ) : (
        <Stack gap="sm">
          <StatusChips findings={byUnit} selected={statuses} onChange={(next) => setSearch({ status: next.length ? next.join(',') : undefined })} />
          <Text size="sm" c="dimmed" role="status">
            {t('common.showing', { shown: formatNumber(rows.length, 0), total: formatNumber(findings.length, 0) })}
          </Text>
          <FindingTable columns={columns} rows={rows} caption={t('findings.titleYear', { year })} minWidth={980} />
        </Stack>
      )}
    </Stack>
  );
}

function StatusChips({ findings, selected, onChange }: { findings: FindingSummary[]; selected: FindingDisplayStatus[]; onChange: (next: FindingDisplayStatus[]) => void }) {
  const counts = Object.fromEntries(FINDING_DISPLAY_STATUSES.map((status) => [status, 0])) as Record<FindingDisplayStatus, number>;
  for (const finding of findings) counts[finding.displayStatus] += 1;
  return (
    <CountChips
      statuses={FINDING_DISPLAY_STATUSES}
      look={FINDING_STATUS_LOOK}
      label={findingStatusLabel}
      counts={counts}
      selected={selected}
      onChange={onChange}
      ariaLabel={t('findings.filter.status')}
    />
  );
}

// ── A province: what its communes escalated ──────────────────────────────

function EscalatedFindings({ me, year }: { me: Me; year: number }) {
  const navigate = useNavigate();
  const areas = useAreas();
  const list = useQuery(escalatedFindingsQueryOptions(me.org.id, year));
  const [communeId, setCommuneId] = useState<string | null>(null);
  const findings = useMemo(
    () =>
      [...(list.data?.findings ?? [])].sort(
        (a, b) => a.commune.name.localeCompare(b.commune.name, 'vi') || (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || byUrgency(a, b),
      ),
    [list.data],
  );
  const communes = useMemo(() => uniqueUnits(findings.map((finding) => finding.commune)), [findings]);
  const rows = communeId ? findings.filter((finding) => finding.commune.id === communeId) : findings;
  const columns = findingColumns<EscalatedFinding>(areas, true);

  return (
    <Stack gap="md">
      <PageTitle
        title={t('findings.escalatedTitle', { year })}
        subtitle={me.org.name}
        actions={<ExportButton columns={columns} rows={rows} fileBase={documentFileBase(null, year, t('findings.escalatedFileName'))} />}
      />
      <Text size="sm" c="dimmed" maw={880}>
        {t('findings.escalatedIntro')}
      </Text>
      <Group align="flex-end" gap="sm" className="no-print">
        <YearSelect me={me} year={year} onChange={(value) => void navigate({ to: '/kiem-tra/van-de', search: { year: value }, replace: true })} />
        <Select
          label={t('findings.filter.commune')}
          placeholder={t('common.all')}
          data={communes.map((commune) => ({ value: commune.id, label: commune.name }))}
          value={communeId}
          onChange={setCommuneId}
          clearable
          searchable
          filter={foldedFilter}
          w={260}
        />
      </Group>
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : findings.length === 0 ? (
        <EmptyText>{t('findings.escalatedNone', { year })}</EmptyText>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" role="status">
            {t('findings.escalatedCount', { count: formatNumber(rows.length, 0), communes: formatNumber(uniqueUnits(rows.map((row) => row.commune)).length, 0) })}
          </Text>
          <FindingTable columns={columns} rows={rows} caption={t('findings.escalatedTitle', { year })} minWidth={1100} />
        </Stack>
      )}
    </Stack>
  );
}

// ── Shared ────────────────────────────────────────────────────────────────

function FindingTable<T extends FindingSummary>({ columns, rows, caption, minWidth }: { columns: Column<T>[]; rows: T[]; caption: string; minWidth: number }) {
  return (
    <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} rowTestId="finding-row" caption={caption} emptyText={t('common.noMatch')} minWidth={minWidth} fixedLayout />
  );
}

function uniqueUnits(units: UnitName[]): UnitName[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

const areaShort = (areas: AreaRef[], code: FindingSummary['area']) => (code ? (areas.find((area) => area.code === code)?.short ?? areaName(areas, code)) : null);

/** The list's columns; the same ones go to the export. A province's list adds the commune and the escalation. */
function findingColumns<T extends FindingSummary & { commune?: EscalatedFinding['commune'] }>(areas: AreaRef[], province: boolean): Column<T>[] {
  const columns: Column<T>[] = [
    {
      key: 'description',
      header: t('finding.col.description'),
      primary: true,
      render: (row) => (
        <AnchorLink to="/kiem-tra/$inspectionId" params={{ inspectionId: row.inspectionId }} search={{ finding: row.id }} size="sm" fw={600} className="pre-line">
          {row.description}
        </AnchorLink>
      ),
      exportValue: (row) => row.description,
    },
    {
      key: 'inspected',
      header: t('findings.col.inspectedUnit'),
      width: 140,
      render: (row) => row.inspectedUnit.name,
      exportValue: (row) => row.inspectedUnit.name,
    },
    {
      key: 'area',
      header: t('finding.col.area'),
      width: 120,
      render: (row) => areaShort(areas, row.area) ?? t('finding.noArea'),
      exportValue: (row) => areaName(areas, row.area) ?? '',
    },
    {
      key: 'severity',
      header: t('finding.col.severity'),
      width: 120,
      render: (row) => <SeverityBadge severity={row.severity} />,
      exportValue: (row) => severityLabel(row.severity),
    },
    {
      key: 'unit',
      header: t('finding.col.responsibleUnit'),
      width: 150,
      render: (row) => row.responsibleUnit.name,
      exportValue: (row) => row.responsibleUnit.name,
    },
    {
      key: 'fixDue',
      header: t('finding.col.fixDue'),
      width: 105,
      render: (row) => formatDate(row.fixDue),
      exportValue: (row) => formatDate(row.fixDue),
    },
  ];
  if (province) {
    // The province reads the commune and the escalation instead of which of the commune's units was inspected.
    columns.splice(1, 1);
    columns.unshift({
      key: 'commune',
      header: t('findings.col.commune'),
      width: 140,
      render: (row) => (
        <Text size="sm" fw={600}>
          {row.commune?.name}
        </Text>
      ),
      exportValue: (row) => row.commune?.name ?? '',
    });
    columns.push(
      {
        key: 'closedOn',
        header: t('findings.col.escalatedOn'),
        width: 105,
        render: (row) => formatDate(row.closedOn) || t('common.dash'),
        exportValue: (row) => formatDate(row.closedOn),
      },
      {
        key: 'resolution',
        header: t('findings.col.escalationNote'),
        width: '20%',
        render: (row) => <span className="pre-line">{row.resolution || t('common.dash')}</span>,
        exportValue: (row) => row.resolution ?? '',
      },
    );
    return columns;
  }
  columns.push({
    key: 'status',
    header: t('finding.col.status'),
    width: 175,
    render: (row) => (
      <Stack gap={2} align="flex-start">
        <FindingStatusBadge status={row.displayStatus} size="sm" />
        {row.closedOn && (
          <Text size="xs" c="dimmed">
            {t('findings.closedOn', { date: formatDate(row.closedOn) })}
          </Text>
        )}
      </Stack>
    ),
    exportValue: (row) => (row.closedOn ? `${findingStatusLabel(row.displayStatus)} (${formatDate(row.closedOn)})` : findingStatusLabel(row.displayStatus)),
  });
  return columns;
}
