// Danh sách đề nghị khen thưởng: before confirmation, what the criteria
// propose and the button that opens the review; once confirmed, who
// confirmed it, the decisions with their reasons, the DOCX list and the XLSX
// table, and reopening it for changes.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { DataTable, type Column } from '../../../components/DataTable';
import { Icon } from '../../../components/Icon';
import { t } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { appliesLabel, emulationApi, pendingCount, storeCampaign } from '../emulationQueries';
import type { Campaign, ProposalEntry } from '../emulationTypes';
import { ProposedBadge } from './EmulationBadges';
import { ProposalReviewModal } from './ProposalReviewModal';

export function ProposalSection({ campaign }: { campaign: Campaign }) {
  const [reviewOpened, review] = useDisclosure(false);
  const confirmed = campaign.status === 'confirmed';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-proposal" data-testid="campaign-proposal">
      <Title order={2} size="h5" mb="sm" id="campaign-proposal">
        {t('emulation.proposal.title')}
      </Title>
      {confirmed ? <ConfirmedProposal campaign={campaign} /> : <OpenProposal campaign={campaign} onReview={review.open} />}
      {campaign.can.confirm && !confirmed && <ProposalReviewModal opened={reviewOpened} onClose={review.close} campaign={campaign} />}
    </Paper>
  );
}

function OpenProposal({ campaign, onReview }: { campaign: Campaign; onReview: () => void }) {
  const total = campaign.participants.length;
  const proposed = campaign.participants.filter((p) => p.proposed).length;
  const pending = pendingCount(campaign);
  const exportsHintId = 'campaign-exports-hint';

  return (
    <Stack gap="sm">
      <Text size="sm">
        {total === 0 ? t('emulation.proposal.noParticipants') : t('emulation.proposal.summary', { proposed: formatNumber(proposed, 0), total: formatNumber(total, 0) })}
      </Text>
      {pending > 0 && (
        <Alert color="orange" icon={<Icon name="hourglass" />} p="xs">
          {t('emulation.proposal.pending', { count: pending })}
        </Alert>
      )}
      <Group gap="xs" className="no-print">
        {campaign.can.confirm ? (
          <Button leftSection={<Icon name="checklist" size={16} />} onClick={onReview} disabled={total === 0}>
            {t('emulation.proposal.review')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('emulation.proposal.whoConfirms')}
          </Text>
        )}
      </Group>
      <Group gap="xs" className="no-print">
        <Button variant="default" leftSection={<Icon name="file" size={16} />} disabled aria-describedby={exportsHintId}>
          {t('emulation.proposal.docx')}
        </Button>
        <Button variant="default" leftSection={<Icon name="download" size={16} />} disabled aria-describedby={exportsHintId}>
          {t('emulation.proposal.xlsx')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" id={exportsHintId}>
        {t('emulation.proposal.exportsLater')}
      </Text>
    </Stack>
  );
}

type Row = ProposalEntry & { name: string; kindLabel: string };

function ConfirmedProposal({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient();
  const reopen = useMutation({
    mutationFn: () => emulationApi.reopen(campaign.id),
    onSuccess: async (answer) => {
      await storeCampaign(queryClient, campaign.id, answer);
      notifySuccess(t('emulation.proposal.reopened'));
    },
  });
  const byId = new Map(campaign.participants.map((p) => [p.id, p]));
  const rows: Row[] = (campaign.proposal ?? []).map((entry) => {
    const participant = byId.get(entry.participantId);
    return { ...entry, kindLabel: participant ? appliesLabel(participant.kind) : '' };
  });
  const included = rows.filter((row) => row.included).length;

  const columns: Column<Row>[] = [
    { key: 'name', header: t('emulation.proposal.colName'), primary: true, render: (row) => <Text size="sm" fw={600}>{row.name}</Text> },
    { key: 'kind', header: t('emulation.proposal.colKind'), width: 110, render: (row) => row.kindLabel },
    {
      key: 'included',
      header: t('emulation.proposal.colDecision'),
      width: 150,
      render: (row) => <ProposedBadge proposed={row.included} size="sm" />,
    },
    {
      key: 'reason',
      header: t('emulation.proposal.colReason'),
      render: (row) =>
        row.reason ? (
          <Text size="sm" className="emu-pre">
            {row.reason}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('emulation.proposal.asProposed')}
          </Text>
        ),
    },
  ];

  return (
    <Stack gap="sm">
      <Alert color="green" icon={<Icon name="check" />} p="xs" data-testid="proposal-confirmed">
        {t('emulation.proposal.confirmedBy', { by: campaign.confirmedBy ?? t('common.dash'), at: formatDateTime(campaign.confirmedAt) })}{' '}
        {t('emulation.proposal.includedCount', { included: formatNumber(included, 0), total: formatNumber(rows.length, 0) })}
      </Alert>
      <DataTable columns={columns} rows={rows} rowKey={(row) => row.participantId} rowTestId="proposal-row" caption={t('emulation.proposal.title')} minWidth={640} />
      <Group gap="xs" className="no-print">
        {campaign.can.export && (
          <>
            <Button component="a" href={emulationApi.docxHref(campaign.id)} download variant="default" leftSection={<Icon name="file" size={16} />}>
              {t('emulation.proposal.docx')}
            </Button>
            <Button component="a" href={emulationApi.xlsxHref(campaign.id)} download variant="default" leftSection={<Icon name="download" size={16} />}>
              {t('emulation.proposal.xlsx')}
            </Button>
          </>
        )}
        {(campaign.can.confirm || campaign.can.manage) && (
          <ConfirmButton
            variant="light"
            color="orange"
            leftSection={<Icon name="pencil" size={16} />}
            message={t('emulation.proposal.reopenConfirm')}
            loading={reopen.isPending}
            onConfirm={() => reopen.mutateAsync()}
          >
            {t('emulation.proposal.reopen')}
          </ConfirmButton>
        )}
      </Group>
    </Stack>
  );
}
