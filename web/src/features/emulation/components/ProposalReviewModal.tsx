// Reviewing the proposal before confirming it: every participant with what
// the criteria propose preselected (or the earlier confirmed decision after a
// reopening), a switch to include or leave out, and the reason required where
// the decision differs from the criteria. The server's refusal is shown as
// it words it, beside the participant it names when it names one.
import { Alert, Group, Modal, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormActions } from '../../../components/FormActions';
import { Icon } from '../../../components/Icon';
import { t } from '../../../i18n';
import { errorMessage, isApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { appliesLabel, emulationApi, pendingCount, personLine, storeCampaign } from '../emulationQueries';
import type { Campaign, Participant, ProposalEntry, Subject } from '../emulationTypes';
import { ProposedBadge } from './EmulationBadges';

const REASON_MIN = 5;

interface Decision {
  included: boolean;
  reason: string;
}

export function ProposalReviewModal({ opened, onClose, campaign }: { opened: boolean; onClose: () => void; campaign: Campaign }) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Modal opened={opened} onClose={onClose} title={t('emulation.review.title')} size="xl" fullScreen={phone}>
      {opened && <ReviewForm campaign={campaign} onClose={onClose} />}
    </Modal>
  );
}

function initialDecisions(campaign: Campaign): Record<string, Decision> {
  const earlier = new Map((campaign.proposal ?? []).map((entry) => [entry.participantId, entry]));
  return Object.fromEntries(
    campaign.participants.map((p) => {
      const entry = earlier.get(p.id);
      return [p.id, entry ? { included: entry.included, reason: entry.reason ?? '' } : { included: p.proposed, reason: '' }];
    }),
  );
}

/** The participant a server field such as `entries.3.reason` names. */
function participantOfField(field: string | null, order: Participant[]): string | null {
  const match = field ? /^entries\.(\d+)/.exec(field) : null;
  return match ? (order[Number(match[1])]?.id ?? null) : null;
}

function ReviewForm({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [decisions, setDecisions] = useState(() => initialDecisions(campaign));
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; participantId: string | null } | null>(null);
  const order = campaign.participants;
  const listRef = useRef<HTMLDivElement>(null);
  // Each refusal brings the first participant it concerns into view.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) listRef.current?.querySelector('[data-invalid]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [attempt, serverError]);

  const needsReason = (p: Participant) => decisions[p.id].included !== p.proposed;
  const missingReason = (p: Participant) => needsReason(p) && decisions[p.id].reason.trim().length < REASON_MIN;
  const missing = order.filter(missingReason);
  const included = order.filter((p) => decisions[p.id].included).length;
  const differing = order.filter(needsReason).length;
  const pending = pendingCount(campaign);

  const confirm = useMutation({
    mutationFn: (entries: ProposalEntry[]) => emulationApi.confirm(campaign.id, entries),
    meta: { handlesErrors: true },
    onSuccess: async (answer) => {
      await storeCampaign(queryClient, campaign.id, answer);
      notifySuccess(t('emulation.review.confirmed'));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'validation' || error.code === 'conflict')) {
        setServerError({ message: errorMessage(error), participantId: participantOfField(error.field, order) });
        setAttempt((n) => n + 1);
      } else {
        notifyError(error);
      }
    },
  });

  const change = (id: string, patch: Partial<Decision>) => {
    setDecisions((previous) => ({ ...previous, [id]: { ...previous[id], ...patch } }));
    if (serverError?.participantId === id) setServerError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setServerError(null);
    if (missing.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    confirm.mutate(
      order.map((p) => {
        const reason = decisions[p.id].reason.trim();
        return { participantId: p.id, included: decisions[p.id].included, reason: reason === '' ? null : reason };
      }),
    );
  };

  const groups: Array<{ kind: Subject; rows: Participant[] }> = (['unit', 'person'] as const)
    .map((kind) => ({ kind, rows: order.filter((p) => p.kind === kind) }))
    .filter((group) => group.rows.length > 0);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('emulation.review.intro')}</Text>
        <Text size="sm" fw={600} role="status" data-testid="review-counts">
          {t('emulation.review.counts', { included: formatNumber(included, 0), total: formatNumber(order.length, 0), differing: formatNumber(differing, 0) })}
        </Text>
        {pending > 0 && (
          <Alert color="orange" icon={<Icon name="hourglass" />} p="xs">
            {t('emulation.proposal.pending', { count: pending })}
          </Alert>
        )}
        {serverError && (
          <Alert color="red" icon={<Icon name="alert" />} role="alert" title={t('emulation.review.notConfirmed')}>
            {serverError.message}
          </Alert>
        )}
        {checked && missing.length > 0 && (
          <Alert color="red" icon={<Icon name="alert" />} role="alert">
            {t('emulation.review.missingReasons', { count: missing.length, names: missing.map((p) => p.name).join('; ') })}
          </Alert>
        )}
        <div ref={listRef}>
          {groups.map((group) => (
            <section key={group.kind} aria-labelledby={`review-${group.kind}`}>
              <Title order={3} size="h6" mb="xs" id={`review-${group.kind}`}>
                {appliesLabel(group.kind)}
              </Title>
              <Stack gap="xs" component="ul" className="emu-plain-list">
                {group.rows.map((p) => {
                  const decision = decisions[p.id];
                  const differs = needsReason(p);
                  const reasonError =
                    serverError?.participantId === p.id
                      ? serverError.message
                      : checked && missingReason(p)
                        ? t('emulation.review.reasonRequired', { min: REASON_MIN })
                        : undefined;
                  return (
                    <Paper
                      key={p.id}
                      component="li"
                      withBorder
                      p="sm"
                      data-testid="review-row"
                      className="emu-review-row"
                      data-differs={differs || undefined}
                      data-invalid={reasonError ? true : undefined}
                    >
                      <Stack gap="xs">
                        <Group justify="space-between" align="flex-start" gap="xs">
                          <div style={{ minWidth: 0, flex: '1 1 240px' }}>
                            <Text size="sm" fw={600}>
                              {p.name}
                            </Text>
                            {p.kind === 'person' && (
                              <Text size="xs" c="dimmed">
                                {personLine(p)}
                              </Text>
                            )}
                            <Group gap={6} mt={4}>
                              <Text size="xs" c="dimmed" component="span">
                                {t('emulation.review.byCriteria')}
                              </Text>
                              <ProposedBadge proposed={p.proposed} size="xs" />
                            </Group>
                            {p.missing.length > 0 && (
                              <Text size="xs" c="dimmed" mt={2}>
                                {t('emulation.matrix.missing', { list: p.missing.join('; ') })}
                              </Text>
                            )}
                          </div>
                          <Switch
                            label={t('emulation.review.include')}
                            checked={decision.included}
                            onChange={(event) => change(p.id, { included: event.currentTarget.checked })}
                            aria-label={t('emulation.review.includeNamed', { name: p.name })}
                          />
                        </Group>
                        {(differs || decision.reason !== '') && (
                          <Textarea
                            label={differs ? t('emulation.review.reason') : t('emulation.review.reasonOptional')}
                            description={differs ? t('emulation.review.reasonHint') : undefined}
                            value={decision.reason}
                            onChange={(event) => change(p.id, { reason: event.currentTarget.value })}
                            error={reasonError}
                            required={differs}
                            autosize
                            minRows={2}
                            maxLength={1000}
                          />
                        )}
                      </Stack>
                    </Paper>
                  );
                })}
              </Stack>
            </section>
          ))}
        </div>
        <FormActions onCancel={onClose} submitting={confirm.isPending} submitLabel={t('emulation.review.submit')} />
      </Stack>
    </form>
  );
}
