// Chỉ số CCHC of a commune: its self-assessments year by year, and the
// buttons that open this year's (or last year's) for the focal point and the
// chairman. Province users are sent to the results table by the router.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { useMe } from '../auth/session';
import { ClassBadge, ParStatusBadge } from './ParBadges';
import { invalidatePar, parApi, parAssessmentsQueryOptions, type ParAssessmentItem } from './parQueries';
import './par-results.css';

export function ParListPage() {
  const me = useMe();
  if (me.org.kind !== 'commune') {
    return (
      <>
        <PageTitle title={t('parList.title')} subtitle={me.org.name} />
        <EmptyText>{t('parList.onlyCommunes')}</EmptyText>
      </>
    );
  }
  // Only the focal point and the chairman open and score (the server lists openable years for them alone).
  const scorer = me.role === 'focal_point' || me.role === 'chairman';
  return <CommuneAssessments orgId={me.org.id} orgName={me.org.name} scorer={scorer} />;
}

function CommuneAssessments({ orgId, orgName, scorer }: { orgId: string; orgName: string; scorer: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listQuery = useQuery(parAssessmentsQueryOptions(orgId));

  const open = useMutation({
    mutationFn: (year: number) => parApi.open(orgId, year),
    onSuccess: async (assessment) => {
      await invalidatePar(queryClient);
      void navigate({ to: '/chi-so-cchc/$assessmentId', params: { assessmentId: assessment.id } });
    },
  });

  if (listQuery.isPending) return <PageLoading />;
  if (listQuery.isError) return <LoadError error={listQuery.error} onRetry={() => void listQuery.refetch()} />;
  const { assessments, openableYears } = listQuery.data;
  const sorted = [...assessments].sort((a, b) => b.year - a.year);

  return (
    <Stack gap="md">
      <PageTitle
        title={t('parList.title')}
        subtitle={orgName}
        actions={openableYears
          .slice()
          .sort((a, b) => b - a)
          .map((year) => (
            <Button
              key={year}
              leftSection={<Icon name="plus" size={16} />}
              loading={open.isPending && open.variables === year}
              disabled={open.isPending && open.variables !== year}
              onClick={() => open.mutate(year)}
              data-testid="par-open"
            >
              {t('parList.open', { year })}
            </Button>
          ))}
      />
      <Text size="sm" c="dimmed" maw={880}>
        {t('parList.intro')}
      </Text>
      <SectionPanel id="par-assessments" title={t('parList.section')}>
        {sorted.length === 0 ? (
          <EmptyText>{openableYears.length > 0 ? t('parList.emptyOpen') : t('parList.empty')}</EmptyText>
        ) : (
          <DataTable
            columns={listColumns()}
            rows={sorted}
            rowKey={(row) => row.id}
            rowTestId="par-assessment-row"
            onRowClick={(row) => void navigate({ to: '/chi-so-cchc/$assessmentId', params: { assessmentId: row.id } })}
            caption={t('parList.section')}
            minWidth={760}
          />
        )}
      </SectionPanel>
      {!scorer && (
        <Alert color="gray" icon={<Icon name="alert" />} maw={880}>
          {t('parList.whoOpens')}
        </Alert>
      )}
    </Stack>
  );
}

function listColumns(): Column<ParAssessmentItem>[] {
  return [
    {
      key: 'year',
      header: t('parList.year'),
      primary: true,
      width: 220,
      render: (row) => (
        <AnchorLink to="/chi-so-cchc/$assessmentId" params={{ assessmentId: row.id }} fw={600} size="sm">
          {t('parList.yearLink', { year: row.year })}
        </AnchorLink>
      ),
    },
    {
      key: 'status',
      header: t('parResults.colStatus'),
      render: (row) => <ParStatusBadge status={row.status} long />,
    },
    {
      key: 'total',
      header: t('parResults.colTotal'),
      align: 'right',
      width: 120,
      render: (row) =>
        row.result ? (
          <Stack gap={0} align="flex-end">
            <Text size="sm" fw={600}>
              {t('parResults.points', { points: formatNumber(row.result.total, 2), max: formatNumber(row.result.maxTotal, 2) })}
            </Text>
            {row.status !== 'final' && row.result.missing > 0 && (
              <Text size="xs" c="orange.9">
                {t('parList.missing', { count: row.result.missing })}
              </Text>
            )}
          </Stack>
        ) : (
          t('common.dash')
        ),
    },
    {
      key: 'percent',
      header: t('parResults.colPercent'),
      align: 'right',
      width: 90,
      render: (row) => formatPercent(row.result?.percent, 2),
    },
    {
      key: 'class',
      header: t('parResults.colClass'),
      width: 170,
      render: (row) => <ClassBadge className={row.result?.className ?? null} provisional={row.status !== 'final'} />,
    },
    { key: 'updatedAt', header: t('parList.updatedAt'), width: 120, render: (row) => formatDate(row.updatedAt) },
  ];
}
