import { Button, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { t } from '../../i18n';
import { addDays } from '../../lib/format';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { invalidateWorkData } from '../../lib/invalidate';
import { notifySuccess } from '../../lib/notify';
import type { Task } from '../../lib/types';
import { requestExtension } from './taskQueries';

const FIELDS = ['proposedDue', 'reason'] as const;

/** "Xin gia hạn": a new due date and the reason, sent to whoever decides. */
export function ExtensionRequestForm({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [proposedDue, setProposedDue] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const mutation = useMutation({
    mutationFn: () => requestExtension(task.id, proposedDue!, reason.trim()),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('extension.sent'));
      setProposedDue(null);
      setReason('');
      await invalidateWorkData(queryClient);
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (!proposedDue) return required('proposedDue');
      if (task.dueDate && proposedDue <= task.dueDate) return ['proposedDue', t('extension.mustBeLater')];
      if (!reason.trim()) return required('reason');
    },
    () => mutation.mutate(),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="extension-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h5" id="extension-heading">
            {t('extension.heading')}
          </Title>
          <DateField
            label={t('extension.proposedDue')}
            value={proposedDue}
            onChange={setProposedDue}
            minDate={task.dueDate ? addDays(task.dueDate, 1) : undefined}
            error={errors.errors.proposedDue}
            required
          />
          <Textarea
            label={t('extension.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.errors.reason}
            autosize
            minRows={2}
            required
          />
          <Button type="submit" variant="light" loading={mutation.isPending} style={{ alignSelf: 'flex-end' }}>
            {t('extension.request')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
