// Ghi nhận kết quả kiểm tra: the day it took place, the conclusion and the notice that announces it.
import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { useFormErrors, checkedSubmit } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { inspectionApi, storeInspection } from './inspectionQueries';
import type { Inspection } from './inspectionTypes';

const FIELDS = ['conductedOn', 'conclusion', 'noticeNumber', 'noticeDate'] as const;

interface ResultFormModalProps {
  opened: boolean;
  onClose: () => void;
  inspection: Inspection;
}

export function InspectionResultFormModal({ opened, onClose, inspection }: ResultFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={t('inspection.result.formTitle', { unit: inspection.unit.name })} size="lg">
      <ResultForm inspection={inspection} onClose={onClose} />
    </FormModal>
  );
}

const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function ResultForm({ inspection, onClose }: Omit<ResultFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const today = todayIso();
  const [conductedOn, setConductedOn] = useState<string | null>(inspection.conductedOn);
  const [conclusion, setConclusion] = useState(inspection.conclusion ?? '');
  const [noticeNumber, setNoticeNumber] = useState(inspection.noticeNumber ?? '');
  const [noticeDate, setNoticeDate] = useState<string | null>(inspection.noticeDate);

  const save = useMutation({
    mutationFn: () =>
      inspectionApi.update(inspection.id, {
        conductedOn,
        conclusion: emptyToNull(conclusion),
        noticeNumber: emptyToNull(noticeNumber),
        noticeDate,
      }),
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      notifySuccess(t('inspection.result.saved'));
      await storeInspection(queryClient, saved);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (conductedOn && conductedOn > today) return ['conductedOn', t('inspection.result.future')] as const;
      if (!conductedOn && conclusion.trim()) return ['conductedOn', t('inspection.result.dateFirst')] as const;
      if (noticeDate && conductedOn && noticeDate < conductedOn) return ['noticeDate', t('inspection.result.noticeBefore')] as const;
      return undefined;
    },
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DateField
          label={t('inspection.result.conductedOn')}
          description={t('inspection.result.conductedHint')}
          value={conductedOn}
          onChange={setConductedOn}
          error={errors.errors.conductedOn}
          maxDate={today}
        />
        <Textarea
          label={t('inspection.result.conclusion')}
          description={t('inspection.result.conclusionHint')}
          value={conclusion}
          onChange={(event) => setConclusion(event.currentTarget.value)}
          error={errors.errors.conclusion}
          autosize
          minRows={5}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('inspection.result.noticeNumber')}
            placeholder={t('inspection.result.noticeNumberPlaceholder')}
            value={noticeNumber}
            onChange={(event) => setNoticeNumber(event.currentTarget.value)}
            error={errors.errors.noticeNumber}
          />
          <DateField label={t('inspection.result.noticeDate')} value={noticeDate} onChange={setNoticeDate} error={errors.errors.noticeDate} />
        </SimpleGrid>
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
