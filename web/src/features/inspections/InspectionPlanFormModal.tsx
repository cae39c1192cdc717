// Kế hoạch kiểm tra CCHC of a year: created or edited in one form (the server keeps one plan a year).
import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { numberInputSeparators } from '../../lib/format';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { inspectionApi, inspectionYearQueryOptions, refreshInspections } from './inspectionQueries';
import type { InspectionPlan } from './inspectionTypes';

const FIELDS = ['title', 'number', 'issuedDate', 'targetShare', 'notes'] as const;

interface InspectionPlanFormModalProps {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  year: number;
  /** The plan to edit; without it the year's plan is created. */
  plan: InspectionPlan | null;
}

export function InspectionPlanFormModal({ opened, onClose, ...props }: InspectionPlanFormModalProps) {
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={props.plan ? t('inspections.planForm.editTitle', { year: props.year }) : t('inspections.planForm.createTitle', { year: props.year })}
      size="lg"
    >
      <PlanForm onClose={onClose} {...props} />
    </FormModal>
  );
}

const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function PlanForm({ onClose, orgId, year, plan }: Omit<InspectionPlanFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [title, setTitle] = useState(plan?.title ?? t('inspections.planForm.defaultTitle', { year }));
  const [number, setNumber] = useState(plan?.number ?? '');
  const [issuedDate, setIssuedDate] = useState<string | null>(plan?.issuedDate ?? null);
  const [targetShare, setTargetShare] = useState<number | string>(plan?.targetShare ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');

  const save = useMutation({
    mutationFn: () =>
      inspectionApi.savePlan(orgId, {
        year,
        title: title.trim(),
        number: emptyToNull(number),
        issuedDate,
        targetShare: Number(targetShare),
        notes: emptyToNull(notes),
      }),
    meta: { handlesErrors: true },
    onSuccess: async (view) => {
      queryClient.setQueryData(inspectionYearQueryOptions(orgId, year).queryKey, view);
      notifySuccess(plan ? t('notify.saved') : t('inspections.planForm.created'));
      await refreshInspections(queryClient);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (!title.trim()) return required('title');
      if (targetShare === '' || Number.isNaN(Number(targetShare))) return required('targetShare');
      if (Number(targetShare) < 0 || Number(targetShare) > 100) return ['targetShare', t('inspections.planForm.targetRange')] as const;
      return undefined;
    },
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('inspections.planForm.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.errors.title}
          autosize
          minRows={2}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('inspections.planForm.number')}
            placeholder={t('inspections.planForm.numberPlaceholder')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={errors.errors.number}
          />
          <DateField label={t('inspections.planForm.issuedDate')} value={issuedDate} onChange={setIssuedDate} error={errors.errors.issuedDate} />
        </SimpleGrid>
        <NumberInput
          label={t('inspections.planForm.targetShare')}
          description={t('inspections.planForm.targetHint')}
          value={targetShare}
          onChange={setTargetShare}
          min={0}
          max={100}
          decimalScale={2}
          suffix=" %"
          {...numberInputSeparators()}
          error={errors.errors.targetShare}
          required
          maw={320}
        />
        <Textarea
          label={t('inspections.planForm.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errors.errors.notes}
          autosize
          minRows={2}
        />
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
