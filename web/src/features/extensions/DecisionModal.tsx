import { Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useFormErrors } from '../../lib/formErrors';
import { invalidateWorkData } from '../../lib/invalidate';
import { notifySuccess } from '../../lib/notify';
import type { Extension } from '../../lib/types';
import { decideExtension } from './extensionQueries';

export interface PendingDecision {
  extension: Extension;
  decision: 'approve' | 'refuse';
}

/** Approve or refuse an extension request, with an optional note. */
export function DecisionModal({ pending, onClose }: { pending: PendingDecision | null; onClose: () => void }) {
  return (
    <FormModal
      opened={pending !== null}
      onClose={onClose}
      title={pending?.decision === 'refuse' ? t('extensions.refuseTitle') : t('extensions.approveTitle')}
    >
      {pending && <DecisionForm pending={pending} onClose={onClose} />}
    </FormModal>
  );
}

const FIELDS = ['note', 'decision'] as const;

function DecisionForm({ pending, onClose }: { pending: PendingDecision; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [note, setNote] = useState('');
  const { extension, decision } = pending;

  const mutation = useMutation({
    mutationFn: () => decideExtension(extension.id, decision, note),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('extensions.decided'));
      await invalidateWorkData(queryClient);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Text fw={600}>
            {extension.taskRef ? `${extension.taskRef}. ` : ''}
            {extension.taskTitle}
          </Text>
          <Text size="sm">
            {t('extension.change', {
              from: extension.currentDue ? formatDate(extension.currentDue) : t('common.dash'),
              to: formatDate(extension.proposedDue),
            })}
          </Text>
          <Text size="sm" c="dimmed" className="pre-line">
            {extension.reason}
          </Text>
        </div>
        <Textarea
          label={t('extensions.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.errors.note ?? errors.errors.decision}
          autosize
          minRows={2}
        />
        <FormActions
          onCancel={onClose}
          submitting={mutation.isPending}
          submitLabel={decision === 'refuse' ? t('extensions.refuse') : t('extensions.approve')}
          submitColor={decision === 'refuse' ? 'red' : 'green'}
        />
      </Stack>
    </form>
  );
}
