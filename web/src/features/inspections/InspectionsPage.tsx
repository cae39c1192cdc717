// Kiểm tra CCHC of a commune for a year: the inspection plan, how far its
// coverage is from the plan's target, the findings to follow up, and the
// inspections of the plan, each opening its own page.
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type CSSProperties } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { yearOptions } from '../../lib/periods';
import { useMe } from '../auth/session';
import { CoverageBar } from './CoverageBar';
import { InspectionStatusBadge } from './InspectionBadges';
import { InspectionFormModal } from './InspectionFormModal';
import { InspectionPlanFormModal } from './InspectionPlanFormModal';
import { FINDING_STATUS_LOOK, inspectionStatusLabel, inspectionYearQueryOptions, shareText } from './inspectionQueries';
import type { FindingDisplayStatus, InspectionRow, InspectionYear } from './inspectionTypes';
import './inspections.css';

const routeApi = getRouteApi('/app/kiem-tra');

export function InspectionsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { year: chosen } = routeApi.useSearch();
  const year = chosen ?? Number(me.today.slice(0, 4));
  const commune = me.org.kind === 'commune' ? me.org : null;
  const view = useQuery({ ...inspectionYearQueryOptions(commune?.id ?? '', year), enabled: Boolean(commune) });

  if (!commune) {
    return (
      <>
        <PageTitle title={t('inspections.title')} subtitle={me.org.name} />
        <Stack gap="xs" align="flex-start">
          <EmptyText>{t('inspections.onlyCommune')}</EmptyText>
          {me.org.kind === 'province' && (
            <AnchorLink to="/kiem-tra/van-de" search={{}} fw={600} size="sm">
              {t('inspections.toEscalated')}
            </AnchorLink>
          )}
        </Stack>
      </>
    );
  }

  return (
    <Stack gap="md">
      <PageTitle title={t('inspections.titleYear', { year })} subtitle={commune.name} />
      <Group>
        <Select
          label={t('inspections.year')}
          data={yearOptions(me.today, year)}
          value={String(year)}
          onChange={(value) => value && void navigate({ to: '/kiem-tra', search: { year: Number(value) }, replace: true })}
          allowDeselect={false}
          w={140}
          data-testid="inspection-year"
        />
      </Group>
      {view.isPending ? (
        <PageLoading />
      ) : view.isError ? (
        <LoadError error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <YearView view={view.data} orgId={commune.id} />
      )}
    </Stack>
  );
}

function YearView({ view, orgId }: { view: InspectionYear; orgId: string }) {
  const [planOpened, setPlanOpened] = useState(false);
  const planForm = <InspectionPlanFormModal opened={planOpened} onClose={() => setPlanOpened(false)} orgId={orgId} year={view.year} plan={view.plan} />;

  if (!view.plan) {
    return (
      <SectionPanel id="inspection-plan" title={t('inspections.plan.section')} data-testid="inspection-plan-empty">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('inspections.plan.none', { year: view.year })}</Text>
          <Text size="sm" c="dimmed" maw={720}>
            {view.can.manage ? t('inspections.plan.noneManage') : t('inspections.plan.noneRead')}
          </Text>
          {view.can.manage && (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setPlanOpened(true)}>
              {t('inspections.plan.create')}
            </Button>
          )}
        </Stack>
        {planForm}
      </SectionPanel>
    );
  }

  const plan = view.plan;
  return (
    <Stack gap="md">
      <SectionPanel id="inspection-plan" title={t('inspections.plan.section')} data-testid="inspection-plan">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Title order={3} size="h4">
              {plan.title}
            </Title>
            <dl className="fact-grid">
              <div>
                <dt>{t('inspections.plan.number')}</dt>
                <dd>{plan.number || t('common.dash')}</dd>
              </div>
              <div>
                <dt>{t('inspections.plan.issuedDate')}</dt>
                <dd>{plan.issuedDate ? formatDate(plan.issuedDate) : t('common.dash')}</dd>
              </div>
              <div>
                <dt>{t('inspections.plan.targetShare')}</dt>
                <dd data-testid="inspection-target">{shareText(plan.targetShare)}</dd>
              </div>
            </dl>
            {plan.notes && (
              <Text size="sm" className="pre-line">
                {plan.notes}
              </Text>
            )}
          </Stack>
          {view.can.manage && (
            <Button variant="default" leftSection={<Icon name="pencil" size={16} />} onClick={() => setPlanOpened(true)} className="no-print">
              {t('common.edit')}
            </Button>
          )}
        </Group>
        {planForm}
      </SectionPanel>

      <SectionPanel id="inspection-coverage" title={t('inspections.coverage.section')}>
        <Stack gap="sm">
          <CoverageBar coverage={view.coverage} />
          <UncoveredUnits view={view} />
        </Stack>
      </SectionPanel>

      <FindingsSummary view={view} />

      <InspectionsSection view={view} planId={plan.id} />
    </Stack>
  );
}

function UncoveredUnits({ view }: { view: InspectionYear }) {
  if (view.units.length === 0) return null;
  const inspected = new Set(view.inspections.filter((row) => row.conductedOn).map((row) => row.unit.id));
  const plannedById = new Map(view.inspections.map((row) => [row.unit.id, row]));
  const notInspected = view.units.filter((unit) => !inspected.has(unit.id));
  if (notInspected.length === 0) {
    return (
      <Text size="sm" c="green.8">
        <Icon name="check" size={14} className="insp-inline-icon" /> {t('inspections.coverage.allInspected')}
      </Text>
    );
  }
  // A unit already in the plan shows when it is due; the others are not planned at all.
  const names = notInspected.map((unit) => {
    const row = plannedById.get(unit.id);
    return row ? t('inspections.coverage.plannedUnit', { unit: unit.name, from: formatDate(row.plannedFrom), to: formatDate(row.plannedTo) }) : unit.name;
  });
  const noneInPlan = notInspected.every((unit) => !plannedById.has(unit.id));
  return (
    <Text size="sm" data-testid="inspection-uncovered">
      <b>{noneInPlan && view.inspections.length > 0 ? t('inspections.coverage.notInspectedNorPlanned') : t('inspections.coverage.notInspected')}</b> {names.join(', ')}
    </Text>
  );
}

/** The tally of the year's findings; each count opens the follow-up list filtered on it. */
function FindingsSummary({ view }: { view: InspectionYear }) {
  const { findings, year } = view;
  const items: Array<{ key: string; statuses: FindingDisplayStatus[]; count: number; look: FindingDisplayStatus }> = [
    { key: 'open', statuses: ['open'], count: findings.open, look: 'open' },
    { key: 'dueSoon', statuses: ['due_soon'], count: findings.dueSoon, look: 'due_soon' },
    { key: 'overdue', statuses: ['overdue'], count: findings.overdue, look: 'overdue' },
    { key: 'fixed', statuses: ['fixed', 'fixed_late'], count: findings.fixed, look: 'fixed' },
    { key: 'escalated', statuses: ['escalated'], count: findings.escalated, look: 'escalated' },
  ];
  return (
    <SectionPanel id="inspection-findings" title={t('inspections.findings.section')} data-testid="inspection-findings-summary">
      {findings.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inspections.findings.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs" role="list" aria-label={t('inspections.findings.section')}>
            {items.map((item) => {
              const look = FINDING_STATUS_LOOK[item.look];
              return (
                <AnchorLink
                  key={item.key}
                  role="listitem"
                  to="/kiem-tra/van-de"
                  search={{ year, status: item.statuses.join(',') }}
                  className="insp-chip"
                  underline="never"
                  style={{ '--insp-chip-color': `var(--mantine-color-${look.color}-8)` } as CSSProperties}
                  data-finding-status={item.key}
                >
                  <Icon name={look.icon} size={14} />
                  <span>{t(look.label)}:</span>
                  <b>{formatNumber(item.count, 0)}</b>
                </AnchorLink>
              );
            })}
            <AnchorLink
              role="listitem"
              to="/kiem-tra/van-de"
              search={{ year }}
              className="insp-chip"
              underline="never"
              style={{ '--insp-chip-color': 'var(--mantine-color-dark-6)' } as CSSProperties}
              data-testid="inspection-handled-share"
            >
              <Icon name="chart" size={14} />
              <span>{t('inspections.findings.handledShare', { share: shareText(findings.handledShare), total: formatNumber(findings.total, 0) })}</span>
            </AnchorLink>
          </Group>
          <Text size="xs" c="dimmed">
            {t('inspections.findings.handledHint')}
          </Text>
        </Stack>
      )}
    </SectionPanel>
  );
}

function InspectionsSection({ view, planId }: { view: InspectionYear; planId: string }) {
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const inPlan = new Set(view.inspections.map((row) => row.unit.id));
  const free = view.units.filter((unit) => !inPlan.has(unit.id));
  const rows = [...view.inspections].sort((a, b) => a.plannedFrom.localeCompare(b.plannedFrom) || a.unit.name.localeCompare(b.unit.name, 'vi'));

  return (
    <SectionPanel id="inspection-list" title={t('inspections.list.section')}>
      <Stack gap="sm">
        {view.can.manage && (
          <Group gap="sm" className="no-print">
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(true)} disabled={free.length === 0}>
              {t('inspections.list.add')}
            </Button>
            {free.length === 0 && view.units.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('inspections.list.allPlanned')}
              </Text>
            )}
          </Group>
        )}
        <DataTable
          columns={inspectionColumns()}
          rows={rows}
          rowKey={(row) => row.id}
          rowTestId="inspection-row"
          onRowClick={(row) => void navigate({ to: '/kiem-tra/$inspectionId', params: { inspectionId: row.id }, search: {} })}
          caption={t('inspections.list.section')}
          emptyText={view.can.manage ? t('inspections.list.emptyManage') : t('inspections.list.empty')}
          minWidth={860}
        />
      </Stack>
      <InspectionFormModal
        opened={adding}
        onClose={() => setAdding(false)}
        target={{ mode: 'create', planId, units: free }}
      />
    </SectionPanel>
  );
}

function inspectionColumns(): Column<InspectionRow>[] {
  return [
    {
      key: 'unit',
      header: t('inspections.col.unit'),
      primary: true,
      render: (row) => (
        <AnchorLink to="/kiem-tra/$inspectionId" params={{ inspectionId: row.id }} search={{}} fw={600} size="sm">
          {row.unit.name}
        </AnchorLink>
      ),
      exportValue: (row) => row.unit.name,
    },
    {
      key: 'planned',
      header: t('inspections.col.planned'),
      width: 200,
      render: (row) => (
        <span className="insp-nowrap">
          {formatDate(row.plannedFrom)} – {formatDate(row.plannedTo)}
        </span>
      ),
      exportValue: (row) => `${formatDate(row.plannedFrom)} – ${formatDate(row.plannedTo)}`,
    },
    {
      key: 'conductedOn',
      header: t('inspections.col.conductedOn'),
      width: 120,
      render: (row) => (row.conductedOn ? formatDate(row.conductedOn) : t('common.dash')),
      exportValue: (row) => formatDate(row.conductedOn),
    },
    {
      key: 'teamLead',
      header: t('inspections.col.teamLead'),
      render: (row) => row.teamLead ?? t('common.dash'),
      exportValue: (row) => row.teamLead ?? '',
    },
    {
      key: 'status',
      header: t('inspections.col.status'),
      width: 190,
      render: (row) => <InspectionStatusBadge status={row.status} size="sm" />,
      exportValue: (row) => inspectionStatusLabel(row.status),
    },
    {
      key: 'findings',
      header: t('inspections.col.findings'),
      width: 170,
      render: (row) => <FindingCounts counts={row.findings} />,
      exportValue: (row) => `${row.findings.total}/${row.findings.open}/${row.findings.overdue}`,
    },
  ];
}

function FindingCounts({ counts }: { counts: InspectionRow['findings'] }) {
  if (counts.total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('inspections.col.noFindings')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {t('inspections.col.findingsTotal', { count: formatNumber(counts.total, 0) })}
      </Text>
      <Text size="xs">{t('inspections.col.findingsOpen', { count: formatNumber(counts.open, 0) })}</Text>
      {counts.overdue > 0 && (
        <Text size="xs" c="red.8" fw={600}>
          <Icon name="alert" size={12} className="insp-inline-icon" /> {t('inspections.col.findingsOverdue', { count: formatNumber(counts.overdue, 0) })}
        </Text>
      )}
    </Stack>
  );
}
