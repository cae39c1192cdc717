// One cuộc kiểm tra: the unit, when and by whom, what is checked; the result
// (day, conclusion, notice) and its DOCX notice; the findings, each opening
// its follow-up beside the list.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { areaName, useAreas } from '../reference/areas';
import { FindingDrawer } from './FindingDrawer';
import { FindingFormModal } from './FindingFormModal';
import { FindingStatusBadge, InspectionStatusBadge, SeverityBadge } from './InspectionBadges';
import { InspectionFormModal } from './InspectionFormModal';
import { InspectionResultFormModal } from './InspectionResultFormModal';
import { byUrgency, forgetInspection, inspectionApi, inspectionQueryOptions } from './inspectionQueries';
import type { FindingSummary, Inspection } from './inspectionTypes';
import './inspections.css';

const routeApi = getRouteApi('/app/kiem-tra/$inspectionId');

export function InspectionPage() {
  const { inspectionId } = routeApi.useParams();
  const inspection = useQuery(inspectionQueryOptions(inspectionId));
  if (inspection.isPending) return <PageLoading />;
  if (inspection.isError) return <LoadError error={inspection.error} onRetry={() => void inspection.refetch()} />;
  return <InspectionScreen key={inspection.data.id} inspection={inspection.data} />;
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" className="pre-line" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function InspectionScreen({ inspection }: { inspection: Inspection }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { finding: openFinding } = routeApi.useSearch();
  const [editing, setEditing] = useState(false);

  const remove = useMutation({
    mutationFn: () => inspectionApi.remove(inspection.id),
    onSuccess: async () => {
      notifySuccess(t('inspection.deleted', { unit: inspection.unit.name }));
      await forgetInspection(queryClient, inspection.id);
      void navigate({ to: '/kiem-tra', search: { year: inspection.year } });
    },
  });

  const showFinding = (findingId: string | undefined) =>
    void navigate({ to: '/kiem-tra/$inspectionId', params: { inspectionId: inspection.id }, search: { finding: findingId }, replace: true });

  return (
    <Stack gap="md" data-inspection-status={inspection.status}>
      <div className="no-print">
        <AnchorLink to="/kiem-tra" search={{ year: inspection.year }} size="sm">
          {t('inspection.back', { year: inspection.year })}
        </AnchorLink>
      </div>

      <Paper withBorder p="md" component="header">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={6} style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Group gap="xs">
              <InspectionStatusBadge status={inspection.status} size="lg" />
            </Group>
            <Title order={1} size="h3" data-testid="inspection-title">
              {t('inspection.title', { unit: inspection.unit.name })}
            </Title>
            <Text size="sm" c="dimmed">
              {inspection.conductedOn
                ? t('inspection.subtitleDone', { date: formatDate(inspection.conductedOn), from: formatDate(inspection.plannedFrom), to: formatDate(inspection.plannedTo) })
                : t('inspection.subtitlePlanned', { from: formatDate(inspection.plannedFrom), to: formatDate(inspection.plannedTo) })}
            </Text>
          </Stack>
          {inspection.can.manage && (
            <Group gap="xs" className="no-print">
              <Button variant="default" leftSection={<Icon name="pencil" size={16} />} onClick={() => setEditing(true)}>
                {t('inspection.edit')}
              </Button>
              {inspection.findings.length === 0 && (
                <ConfirmButton
                  color="red"
                  variant="subtle"
                  leftSection={<Icon name="trash" size={16} />}
                  message={t('inspection.deleteConfirm', { unit: inspection.unit.name })}
                  loading={remove.isPending}
                  onConfirm={() => remove.mutateAsync()}
                >
                  {t('inspection.delete')}
                </ConfirmButton>
              )}
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="md">
          <Field label={t('inspection.team')} testId="inspection-team">
            {inspection.team.length ? (
              <ul className="insp-team">
                {inspection.team.map((member, index) => (
                  <li key={`${index}-${member}`}>{member}</li>
                ))}
              </ul>
            ) : (
              t('common.dash')
            )}
          </Field>
          <Field label={t('inspection.content')}>{inspection.content || t('common.dash')}</Field>
        </SimpleGrid>
      </Paper>
      <InspectionFormModal opened={editing} onClose={() => setEditing(false)} target={{ mode: 'edit', inspection }} />

      <ResultSection inspection={inspection} />
      <FindingsSection inspection={inspection} onOpen={showFinding} />
      <FindingDrawer findingId={openFinding ?? null} inspection={inspection} onClose={() => showFinding(undefined)} />
    </Stack>
  );
}

function ResultSection({ inspection }: { inspection: Inspection }) {
  const [recording, setRecording] = useState(false);
  const noticeHint = !inspection.conductedOn ? t('inspection.notice.needDate') : !inspection.conclusion ? t('inspection.notice.needConclusion') : null;

  return (
    <SectionPanel id="inspection-result" title={t('inspection.result.section')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Field label={t('inspection.result.conductedOn')} testId="inspection-conducted-on">
            {inspection.conductedOn ? formatDate(inspection.conductedOn) : t('inspection.result.notYet')}
          </Field>
          <Field label={t('inspection.result.noticeNumber')}>{inspection.noticeNumber || t('common.dash')}</Field>
          <Field label={t('inspection.result.noticeDate')}>{inspection.noticeDate ? formatDate(inspection.noticeDate) : t('common.dash')}</Field>
        </SimpleGrid>
        <Field label={t('inspection.result.conclusion')} testId="inspection-conclusion">
          {inspection.conclusion || t('inspection.result.noConclusion')}
        </Field>
        <Group gap="sm" className="no-print">
          {inspection.can.manage && (
            <Button leftSection={<Icon name={inspection.conductedOn ? 'pencil' : 'checklist'} size={16} />} onClick={() => setRecording(true)}>
              {inspection.conductedOn ? t('inspection.result.edit') : t('inspection.result.record')}
            </Button>
          )}
          {inspection.can.notice ? (
            <Button component="a" href={inspectionApi.noticeHref(inspection.id)} download variant="default" leftSection={<Icon name="download" size={16} />}>
              {t('inspection.notice.download')}
            </Button>
          ) : (
            <Button variant="default" leftSection={<Icon name="download" size={16} />} disabled aria-describedby={noticeHint ? 'inspection-notice-hint' : undefined}>
              {t('inspection.notice.download')}
            </Button>
          )}
        </Group>
        {!inspection.can.notice && noticeHint && (
          <Text size="xs" c="dimmed" id="inspection-notice-hint">
            {noticeHint}
          </Text>
        )}
      </Stack>
      <InspectionResultFormModal opened={recording} onClose={() => setRecording(false)} inspection={inspection} />
    </SectionPanel>
  );
}

function FindingsSection({ inspection, onOpen }: { inspection: Inspection; onOpen: (findingId: string) => void }) {
  const areas = useAreas();
  const [adding, setAdding] = useState(false);
  const rows = [...inspection.findings].sort(byUrgency);
  const columns: Column<FindingSummary>[] = [
    {
      key: 'description',
      header: t('finding.col.description'),
      primary: true,
      render: (row) => (
        <button type="button" className="insp-link-button" onClick={() => onOpen(row.id)}>
          {row.description}
        </button>
      ),
    },
    { key: 'area', header: t('finding.col.area'), width: 170, render: (row) => areaName(areas, row.area) ?? t('finding.noArea') },
    { key: 'severity', header: t('finding.col.severity'), width: 140, render: (row) => <SeverityBadge severity={row.severity} /> },
    { key: 'unit', header: t('finding.col.responsibleUnit'), width: 170, render: (row) => row.responsibleUnit.name },
    { key: 'fixDue', header: t('finding.col.fixDue'), width: 115, render: (row) => formatDate(row.fixDue) },
    { key: 'status', header: t('finding.col.status'), width: 190, render: (row) => <FindingStatusBadge status={row.displayStatus} size="sm" /> },
  ];

  return (
    <SectionPanel id="inspection-findings" title={t('inspection.findings.section', { count: inspection.findings.length })}>
      <Stack gap="sm">
        {inspection.can.manage && (
          <Group gap="sm" className="no-print">
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(true)} disabled={!inspection.conductedOn}>
              {t('inspection.findings.add')}
            </Button>
            {!inspection.conductedOn && (
              <Text size="sm" c="dimmed" data-testid="finding-add-hint">
                {t('inspection.findings.recordFirst')}
              </Text>
            )}
          </Group>
        )}
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(row) => row.id}
          rowTestId="finding-row"
          onRowClick={(row) => onOpen(row.id)}
          caption={t('inspection.findings.caption')}
          emptyText={inspection.conductedOn ? t('inspection.findings.empty') : t('inspection.findings.emptyNotYet')}
          minWidth={900}
          fixedLayout
        />
      </Stack>
      <FindingFormModal opened={adding} onClose={() => setAdding(false)} inspection={inspection} onSaved={(saved) => onOpen(saved.id)} />
    </SectionPanel>
  );
}
