// Thi đua of a commune for a year: its emulation campaigns with their period,
// participants and how many the criteria propose for commendation; the focal
// point starts a campaign from scratch or from one of the year's emulation
// plans (kế hoạch thi đua) that has none yet.
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { yearOptions } from '../../lib/periods';
import { useMe } from '../auth/session';
import { useCurrentOrg } from '../org/CurrentOrg';
import { CampaignFormModal } from './components/CampaignFormModal';
import { CampaignStatusBadge } from './components/EmulationBadges';
import { campaignsQueryOptions, emulationApi, invalidateCampaigns } from './emulationQueries';
import type { CampaignSummary, CampaignYear } from './emulationTypes';
import './emulation.css';

const routeApi = getRouteApi('/app/thi-dua');

export function CampaignsPage() {
  const me = useMe();
  const { orgId, org } = useCurrentOrg();
  const navigate = useNavigate();
  const { year: chosen } = routeApi.useSearch();
  const year = chosen ?? Number(me.today.slice(0, 4));
  const commune = org.kind === 'commune';
  const campaigns = useQuery({ ...campaignsQueryOptions(orgId, year), enabled: commune });
  const [createOpened, create] = useDisclosure(false);

  if (!commune) {
    return (
      <>
        <PageTitle title={t('emulation.title')} subtitle={org.name} />
        <EmptyText>{t('emulation.pickCommune')}</EmptyText>
      </>
    );
  }

  const canManage = campaigns.data?.can.manage ?? false;

  return (
    <Stack gap="md">
      <PageTitle
        title={t('emulation.titleYear', { year })}
        subtitle={org.name}
        actions={
          canManage && (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={create.open}>
              {t('emulation.create')}
            </Button>
          )
        }
      />
      <Group>
        <Select
          label={t('emulation.year')}
          data={yearOptions(me.today, year)}
          value={String(year)}
          onChange={(value) => value && void navigate({ to: '/thi-dua', search: { year: Number(value) }, replace: true })}
          allowDeselect={false}
          w={140}
          data-testid="campaign-year"
        />
      </Group>
      {campaigns.isPending ? (
        <PageLoading />
      ) : campaigns.isError ? (
        <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <>
          <SectionPanel id="campaign-list" title={t('emulation.listTitle')}>
            {campaigns.data.campaigns.length === 0 ? (
              <EmptyText>{canManage ? t('emulation.emptyManage', { year }) : t('emulation.empty', { year })}</EmptyText>
            ) : (
              <DataTable
                columns={campaignColumns()}
                rows={campaigns.data.campaigns}
                rowKey={(row) => row.id}
                rowTestId="campaign-row"
                onRowClick={(row) => void navigate({ to: '/thi-dua/$campaignId', params: { campaignId: row.id } })}
                caption={t('emulation.listTitle')}
                minWidth={820}
              />
            )}
          </SectionPanel>
          <PlansWithoutCampaign data={campaigns.data} />
        </>
      )}
      {canManage && (
        <CampaignFormModal
          opened={createOpened}
          onClose={create.close}
          orgId={orgId}
          year={year}
          onSaved={(campaign) => void navigate({ to: '/thi-dua/$campaignId', params: { campaignId: campaign.id } })}
        />
      )}
    </Stack>
  );
}

function campaignColumns(): Column<CampaignSummary>[] {
  return [
    {
      key: 'title',
      header: t('emulation.colTitle'),
      primary: true,
      render: (row) => (
        <Stack gap={2}>
          <AnchorLink to="/thi-dua/$campaignId" params={{ campaignId: row.id }} fw={600} size="sm">
            {row.title}
          </AnchorLink>
          {row.sourcePlan && (
            <Text size="xs" c="dimmed">
              {t('emulation.fromPlan', { title: row.sourcePlan.title })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'period',
      header: t('emulation.colPeriod'),
      width: 200,
      render: (row) => <span className="emu-nowrap">{t('emulation.period', { from: formatDate(row.periodFrom), to: formatDate(row.periodTo) })}</span>,
    },
    { key: 'participants', header: t('emulation.colParticipants'), align: 'right', width: 110, render: (row) => formatNumber(row.participants, 0) },
    {
      key: 'proposed',
      header: t('emulation.colProposed'),
      align: 'right',
      width: 130,
      render: (row) => t('emulation.proposedOf', { proposed: formatNumber(row.proposed, 0), total: formatNumber(row.participants, 0) }),
    },
    { key: 'status', header: t('emulation.colStatus'), width: 210, render: (row) => <CampaignStatusBadge status={row.status} size="sm" /> },
  ];
}

/** The year's emulation plans that have no campaign yet, each with the button that starts one from it. */
function PlansWithoutCampaign({ data }: { data: CampaignYear }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const plans = data.emulationPlans.filter((plan) => !plan.hasCampaign);
  const fromPlan = useMutation({
    mutationFn: (planId: string) => emulationApi.createFromPlan(planId),
    onSuccess: async (campaign) => {
      await invalidateCampaigns(queryClient);
      notifySuccess(t('emulation.createdFromPlan'));
      void navigate({ to: '/thi-dua/$campaignId', params: { campaignId: campaign.id } });
    },
  });

  return (
    <SectionPanel
      id="emulation-plans"
      title={t('emulation.plansTitle')}
      empty={plans.length === 0 ? t('emulation.plansEmpty', { year: data.year }) : undefined}
    >
      <Stack gap="xs" component="ul" className="emu-plain-list">
        {plans.map((plan) => (
          <Group key={plan.id} component="li" justify="space-between" gap="xs" wrap="wrap" data-testid="emulation-plan">
            <AnchorLink to="/plans/$planId" params={{ planId: plan.id }} size="sm" fw={600} style={{ minWidth: 0, flex: '1 1 260px' }}>
              {plan.title}
            </AnchorLink>
            {data.can.manage && (
              <Button
                size="xs"
                variant="light"
                leftSection={<Icon name="plus" size={14} />}
                loading={fromPlan.isPending && fromPlan.variables === plan.id}
                disabled={fromPlan.isPending && fromPlan.variables !== plan.id}
                onClick={() => fromPlan.mutate(plan.id)}
              >
                {t('emulation.createFromPlan')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {data.can.manage && plans.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('emulation.fromPlanHint')}
        </Text>
      )}
    </SectionPanel>
  );
}
