// One initiative beside the list: its facts, summary, authors and evidence,
// and the moves the viewer may make (edit, recognise, mark applied, delete).
import { Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
// The app's stylesheet holds only the components the shell uses; the drawer's comes with this screen.
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Icon } from '../../../components/Icon';
import { LoadError, PageLoading } from '../../../components/PageState';
import { t } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { forgetInitiative, initiativeApi, initiativeQueryOptions } from '../initiativeQueries';
import type { Initiative, InitiativeYear } from '../initiativeTypes';
import { EvidenceAdder, EvidenceList } from './InitiativeEvidence';
import { InitiativeFormModal } from './InitiativeFormModal';
import { InitiativeStatusBadge } from './InitiativeTable';
import { StatusDateModal, type StatusMove } from './StatusDateModal';

interface InitiativeDrawerProps {
  initiativeId: string | null;
  view: InitiativeYear;
  onClose: () => void;
}

export function InitiativeDrawer({ initiativeId, view, onClose }: InitiativeDrawerProps) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const detail = useQuery({ ...initiativeQueryOptions(initiativeId ?? ''), enabled: Boolean(initiativeId) });
  return (
    <Drawer
      opened={initiativeId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={t('initiatives.detail')}
      closeButtonProps={{ 'aria-label': t('initiatives.closeDetail') }}
    >
      {initiativeId &&
        (detail.isPending ? (
          <PageLoading />
        ) : detail.isError ? (
          <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <InitiativeDetail initiative={detail.data} view={view} onDeleted={onClose} />
        ))}
    </Drawer>
  );
}

function InitiativeDetail({ initiative, view, onDeleted }: { initiative: Initiative; view: InitiativeYear; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [move, setMove] = useState<StatusMove | null>(null);
  const remove = useMutation({
    mutationFn: () => initiativeApi.remove(initiative.id),
    onSuccess: () => {
      notifySuccess(t('initiatives.deleted'));
      onDeleted();
      void forgetInitiative(queryClient, initiative.id);
    },
  });
  const { can } = initiative;
  const anyAction = can.edit || can.changeStatus || can.delete;

  return (
    <Stack gap="md" data-testid="initiative-detail">
      <div>
        <Title order={2} size="h4" mb={6}>
          {initiative.title}
        </Title>
        <InitiativeStatusBadge status={initiative.status} />
      </div>
      <dl className="fact-grid">
        <div>
          <dt>{t('initiatives.col.unit')}</dt>
          <dd>{initiative.unit.name}</dd>
        </div>
        <div>
          <dt>{t('initiatives.col.submittedOn')}</dt>
          <dd>{formatDate(initiative.submittedOn)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.recognisedOn')}</dt>
          <dd>{initiative.recognisedOn ? formatDate(initiative.recognisedOn) : t('common.dash')}</dd>
        </div>
        <div>
          <dt>{t('initiatives.appliedOn')}</dt>
          <dd>{initiative.appliedOn ? formatDate(initiative.appliedOn) : t('common.dash')}</dd>
        </div>
      </dl>
      <section aria-labelledby="initiative-authors-heading">
        <Title order={3} size="h6" id="initiative-authors-heading" mb={4}>
          {t('initiatives.col.authors')}
        </Title>
        <Stack gap={2} component="ul" className="initiative-plain-list">
          {initiative.authors.map((author, index) => (
            <Group key={`${author.name}-${index}`} component="li" gap={6} wrap="nowrap">
              <Icon name="users" size={14} />
              <Text size="sm">{author.name}</Text>
              {author.userId && (
                <Text size="xs" c="dimmed">
                  {t('initiatives.hasAccount')}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="initiative-summary-heading">
        <Title order={3} size="h6" id="initiative-summary-heading" mb={4}>
          {t('initiatives.summary')}
        </Title>
        {initiative.summary.trim() ? (
          <Text size="sm" className="pre-line">
            {initiative.summary}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('initiatives.noSummary')}
          </Text>
        )}
      </section>
      {anyAction && (
        <Group gap="xs" className="no-print">
          {can.edit && (
            <Button variant="default" leftSection={<Icon name="pencil" size={16} />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {can.changeStatus && initiative.status === 'submitted' && (
            <Button color="teal" leftSection={<Icon name="check" size={16} />} onClick={() => setMove('recognised')}>
              {t('initiatives.move.recognise')}
            </Button>
          )}
          {can.changeStatus && initiative.status !== 'applied' && (
            <Button color="green" variant={initiative.status === 'submitted' ? 'light' : 'filled'} leftSection={<Icon name="checklist" size={16} />} onClick={() => setMove('applied')}>
              {t('initiatives.move.applied')}
            </Button>
          )}
          {can.delete && (
            <ConfirmButton
              color="red"
              variant="subtle"
              leftSection={<Icon name="trash" size={16} />}
              message={t('initiatives.deleteConfirm', { title: initiative.title })}
              confirmLabel={t('common.delete')}
              loading={remove.isPending}
              onConfirm={() => remove.mutateAsync()}
            >
              {t('common.delete')}
            </ConfirmButton>
          )}
        </Group>
      )}
      {!can.edit && initiative.status !== 'submitted' && !can.changeStatus && (
        <Text size="xs" c="dimmed">
          {t('initiatives.lockedNote')}
        </Text>
      )}
      <section aria-labelledby="initiative-evidence-heading">
        <Title order={3} size="h6" id="initiative-evidence-heading" mb={4}>
          {t('initiatives.evidence.heading', { count: initiative.evidence.length })}
        </Title>
        <Stack gap="sm">
          <EvidenceList initiative={initiative} />
          {can.edit && <EvidenceAdder initiative={initiative} />}
        </Stack>
      </section>
      <InitiativeFormModal opened={editing} onClose={() => setEditing(false)} view={view} initiative={initiative} />
      <StatusDateModal initiative={initiative} move={move} onClose={() => setMove(null)} />
    </Stack>
  );
}
