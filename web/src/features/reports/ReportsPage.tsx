// Báo cáo định kỳ of a commune for a year: the four reports (Quý I, 6 tháng
// đầu năm, Quý III, Năm), each with its data window, the commune's and the
// province's deadlines, the status of its latest version, whether it was sent
// in time, and the button that builds the draft from the records.
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useMe } from '../auth/session';
import { ReportStatusBadge, TimelinessBadge } from './ReportBadges';
import { kindLabel, PERIOD_LABEL, reportApi, reportYears, scheduleQueryOptions, storeReport } from './reportQueries';
import type { ScheduleKind } from './reportTypes';
import './reports.css';

const routeApi = getRouteApi('/app/bao-cao');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ReportsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { year: chosen } = routeApi.useSearch();
  const year = chosen ?? Number(me.today.slice(0, 4));
  const commune = me.org.kind === 'commune' ? me.org : null;
  const schedule = useQuery({ ...scheduleQueryOptions(commune?.id ?? '', year), enabled: Boolean(commune) });

  if (!commune) {
    return (
      <>
        <PageTitle title={t('reports.title')} subtitle={me.org.name} />
        <EmptyText>{t('reports.onlyCommune')}</EmptyText>
      </>
    );
  }

  const yearSelect = (
    <Select
      label={t('reports.year')}
      data={reportYears(me.today, year).map((value) => ({ value: String(value), label: String(value) }))}
      value={String(year)}
      onChange={(value) => value && void navigate({ to: '/bao-cao', search: { year: Number(value) }, replace: true })}
      allowDeselect={false}
      w={140}
      data-testid="report-year"
    />
  );

  return (
    <Stack gap="md">
      <PageTitle title={t('reports.titleYear', { year })} subtitle={commune.name} />
      <Group>{yearSelect}</Group>
      {schedule.isPending ? (
        <PageLoading />
      ) : schedule.isError ? (
        <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {schedule.data.kinds.map((item) => (
            <KindCard key={item.kind} item={item} orgId={commune.id} year={schedule.data.year} />
          ))}
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        {t('reports.deadlineNote')}
      </Text>
    </Stack>
  );
}

function KindCard({ item, orgId, year }: { item: ScheduleKind; orgId: string; year: number }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const latest = item.versions[0] ?? null;
  const firstSent = item.versions.map((v) => v.submittedOn).filter((d): d is string => Boolean(d)).sort()[0] ?? null;
  const create = useMutation({
    mutationFn: () => reportApi.create(orgId, item.kind, year),
    meta: { handlesErrors: true },
    onSuccess: async (view) => {
      await storeReport(queryClient, view);
      notifySuccess(t('reports.created', { version: view.version }));
      void navigate({ to: '/bao-cao/$reportId', params: { reportId: view.id } });
    },
  });
  // A draft already open for this report: the server names it.
  const openId = isApiError(create.error) && create.error.code === 'conflict' && create.error.field && UUID.test(create.error.field) ? create.error.field : null;
  const titleId = `report-kind-${item.kind}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="report-kind" data-kind={item.kind} className="report-kind">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 200px' }}>
            <Title order={2} size="h4" id={titleId}>
              {kindLabel(item.kind)}
            </Title>
            <Text size="sm" c="dimmed">
              {t('reports.reportOf', { label: t(PERIOD_LABEL[item.kind], { year: item.window.year }) })}
            </Text>
          </div>
          <TimelinessBadge value={item.timeliness} />
        </Group>
        <dl className="report-facts">
          <div>
            <dt>{t('reports.window')}</dt>
            <dd data-testid="report-window">
              {formatDate(item.window.from)} – {formatDate(item.window.to)}
            </dd>
          </div>
          <div>
            <dt>{t('reports.communeDeadline')}</dt>
            <dd data-testid="report-commune-deadline">{formatDate(item.communeDeadline)}</dd>
          </div>
          <div>
            <dt>{t('reports.provinceDeadline')}</dt>
            <dd>{formatDate(item.provinceDeadline)}</dd>
          </div>
          <div>
            <dt>{t('reports.sentOn')}</dt>
            <dd data-testid="report-sent-on">{firstSent ? formatDate(firstSent) : t('common.dash')}</dd>
          </div>
          <div>
            <dt>{t('reports.latest')}</dt>
            <dd>
              {latest ? (
                <Group gap="xs" wrap="wrap">
                  <ReportStatusBadge status={latest.status} size="sm" />
                  <AnchorLink to="/bao-cao/$reportId" params={{ reportId: latest.id }} size="sm" fw={600}>
                    {t('reports.openVersion', { version: latest.version })}
                  </AnchorLink>
                </Group>
              ) : (
                <Text size="sm" c="dimmed" component="span">
                  {t('reports.noVersion')}
                </Text>
              )}
            </dd>
          </div>
        </dl>
        {item.versions.length > 1 && (
          <Text size="xs" c="dimmed">
            {t('reports.olderVersions')}{' '}
            {item.versions.slice(1).map((v, i) => (
              <span key={v.id}>
                {i > 0 && ', '}
                <AnchorLink to="/bao-cao/$reportId" params={{ reportId: v.id }} size="xs">
                  {t('reports.versionShort', { version: v.version })}
                </AnchorLink>{' '}
                ({v.statusLabel})
              </span>
            ))}
          </Text>
        )}
        {item.canCreate && (
          <Group className="no-print">
            <Button leftSection={<Icon name={latest ? 'refresh' : 'plus'} size={16} />} loading={create.isPending} onClick={() => create.mutate()}>
              {latest ? t('reports.newVersion') : t('reports.create')}
            </Button>
            {create.isPending && (
              <Text size="sm" c="dimmed" role="status">
                {t('reports.building')}
              </Text>
            )}
          </Group>
        )}
        {create.isError && (
          <Alert color={openId ? 'blue' : 'red'} icon={<Icon name="alert" />} role="alert" p="xs" withCloseButton onClose={() => create.reset()} closeButtonLabel={t('reports.close')}>
            <Text size="sm">{errorMessage(create.error)}</Text>
            {openId && (
              <AnchorLink to="/bao-cao/$reportId" params={{ reportId: openId }} size="sm" fw={600}>
                {t('reports.openDraft')}
              </AnchorLink>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
