// "Công nhận" and "Đã áp dụng": the status moves with the date it happened on.
import { Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { FormModal } from '../../../components/FormModal';
import { t } from '../../../i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { checkedSubmit, required, useFormErrors } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { initiativeApi, storeInitiative } from '../initiativeQueries';
import type { Initiative } from '../initiativeTypes';

export type StatusMove = 'recognised' | 'applied';

interface StatusDateModalProps {
  initiative: Initiative;
  move: StatusMove | null;
  onClose: () => void;
}

export function StatusDateModal({ initiative, move, onClose }: StatusDateModalProps) {
  return (
    <FormModal opened={move !== null} onClose={onClose} title={move === 'applied' ? t('initiatives.move.appliedTitle') : t('initiatives.move.recogniseTitle')}>
      {move && <StatusDateForm initiative={initiative} move={move} onClose={onClose} />}
    </FormModal>
  );
}

const FIELDS = ['recognisedOn', 'appliedOn', 'status'] as const;

function StatusDateForm({ initiative, move, onClose }: { initiative: Initiative; move: StatusMove; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const field = move === 'applied' ? 'appliedOn' : 'recognisedOn';
  const [date, setDate] = useState<string | null>(todayIso());

  const save = useMutation({
    mutationFn: (on: string) => initiativeApi.update(initiative.id, move === 'applied' ? { status: 'applied', appliedOn: on } : { status: 'recognised', recognisedOn: on }),
    meta: { handlesErrors: true },
    onSuccess: (saved) => {
      void storeInitiative(queryClient, saved);
      notifySuccess(move === 'applied' ? t('initiatives.move.appliedDone') : t('initiatives.move.recognisedDone'));
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (date ? undefined : required(field)),
    () => date && save.mutate(date),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>{initiative.title}</Text>
        <DateField
          label={move === 'applied' ? t('initiatives.appliedOn') : t('initiatives.recognisedOn')}
          description={move === 'applied' && initiative.recognisedOn ? t('initiatives.move.afterRecognised', { date: formatDate(initiative.recognisedOn) }) : undefined}
          value={date}
          onChange={setDate}
          minDate={move === 'applied' ? (initiative.recognisedOn ?? undefined) : undefined}
          maxDate={todayIso()}
          error={errors.errors[field] ?? errors.errors.status}
          required
          clearable={false}
        />
        <FormActions onCancel={onClose} submitting={save.isPending} submitLabel={move === 'applied' ? t('initiatives.move.applied') : t('initiatives.move.recognise')} />
      </Stack>
    </form>
  );
}
