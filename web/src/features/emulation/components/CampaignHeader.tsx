// The head of a campaign: its name, period, status, the plan it comes from
// and the date its figures are counted to; the focal point edits or deletes it.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../../components/AnchorLink';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Icon } from '../../../components/Icon';
import { t } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { campaignKey, canEdit, emulationApi, invalidateCampaigns } from '../emulationQueries';
import type { Campaign } from '../emulationTypes';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignStatusBadge } from './EmulationBadges';

export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editOpened, edit] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: () => emulationApi.remove(campaign.id),
    onSuccess: async () => {
      notifySuccess(t('emulation.deleted'));
      await navigate({ to: '/thi-dua', search: { year: campaign.year } });
      queryClient.removeQueries({ queryKey: campaignKey(campaign.id) });
      await invalidateCampaigns(queryClient);
    },
  });
  const editable = canEdit(campaign);

  return (
    <Paper withBorder p="md" component="header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Title order={1} size="h3">
              {campaign.title}
            </Title>
            <Group gap="xs" mt={6}>
              <CampaignStatusBadge status={campaign.status} />
            </Group>
          </div>
          {editable && (
            <Group gap="xs" className="no-print">
              <Button variant="default" leftSection={<Icon name="pencil" size={16} />} onClick={edit.open}>
                {t('emulation.edit')}
              </Button>
              <ConfirmButton
                color="red"
                variant="subtle"
                leftSection={<Icon name="trash" size={16} />}
                message={t('emulation.deleteConfirm', { title: campaign.title })}
                loading={remove.isPending}
                onConfirm={() => remove.mutateAsync()}
              >
                {t('emulation.delete')}
              </ConfirmButton>
            </Group>
          )}
        </Group>
        <dl className="fact-grid emu-facts">
          <div>
            <dt>{t('emulation.colPeriod')}</dt>
            <dd data-testid="campaign-period">{t('emulation.period', { from: formatDate(campaign.periodFrom), to: formatDate(campaign.periodTo) })}</dd>
          </div>
          <div>
            <dt>{t('emulation.cutOffLabel')}</dt>
            <dd data-testid="campaign-cutoff">{t('emulation.cutOff', { date: formatDate(campaign.cutOff) })}</dd>
          </div>
          <div>
            <dt>{t('emulation.sourcePlan')}</dt>
            <dd>
              {campaign.sourcePlan ? (
                <AnchorLink to="/plans/$planId" params={{ planId: campaign.sourcePlan.id }} size="sm" fw={600}>
                  {campaign.sourcePlan.title}
                </AnchorLink>
              ) : (
                <Text span size="sm" c="dimmed">
                  {t('emulation.noSourcePlan')}
                </Text>
              )}
            </dd>
          </div>
        </dl>
      </Stack>
      <CampaignFormModal opened={editOpened} onClose={edit.close} campaign={campaign} />
    </Paper>
  );
}
