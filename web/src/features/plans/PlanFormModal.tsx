import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { invalidateWorkData } from '../../lib/invalidate';
import { planTypeLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { PLAN_TYPES, type Plan, type PlanType } from '../../lib/types';
import { planApi, type PlanInput } from './planQueries';

const FIELDS = ['type', 'title', 'year', 'number', 'issuedDate', 'issuer', 'signerName', 'signerTitle', 'legalBases'] as const;

interface PlanFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Create in this organisation … */
  orgId?: string;
  /** … or edit this plan. */
  plan?: Plan;
  onSaved?: (plan: Plan) => void;
}

function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function PlanFormModal({ opened, onClose, orgId, plan, onSaved }: PlanFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={plan ? t('planForm.editTitle') : t('planForm.createTitle')} size="lg">
      <PlanForm orgId={orgId} plan={plan} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function PlanForm({ orgId, plan, onClose, onSaved }: Omit<PlanFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [type, setType] = useState<PlanType>(plan?.type ?? 'annual');
  const [title, setTitle] = useState(plan?.title ?? '');
  const [year, setYear] = useState<number>(plan?.year ?? new Date().getFullYear());
  const [number, setNumber] = useState(plan?.number ?? '');
  const [issuedDate, setIssuedDate] = useState<string | null>(plan?.issuedDate ?? null);
  const [issuer, setIssuer] = useState(plan?.issuer ?? '');
  const [signerName, setSignerName] = useState(plan?.signerName ?? '');
  const [signerTitle, setSignerTitle] = useState(plan?.signerTitle ?? '');
  const [legalBases, setLegalBases] = useState((plan?.legalBases ?? []).join('\n'));

  const mutation = useMutation({
    mutationFn: () => {
      const input: PlanInput = {
        type,
        title: title.trim(),
        year,
        number: emptyToNull(number),
        issuedDate,
        issuer: emptyToNull(issuer),
        signerName: emptyToNull(signerName),
        signerTitle: emptyToNull(signerTitle),
        legalBases: legalBases
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
      return plan ? planApi.update(plan.id, input) : planApi.create(orgId!, input);
    },
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      notifySuccess(plan ? t('notify.saved') : t('planForm.created'));
      await invalidateWorkData(queryClient);
      onSaved?.(saved);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (title.trim() ? undefined : required('title')),
    () => mutation.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('planForm.type')}
            data={PLAN_TYPES.map((value) => ({ value, label: planTypeLabel(value) }))}
            value={type}
            onChange={(value) => value && setType(value as PlanType)}
            allowDeselect={false}
            error={errors.errors.type}
            required
          />
          <NumberInput
            label={t('planForm.year')}
            value={year}
            onChange={(value) => setYear(typeof value === 'number' ? value : Number(value) || year)}
            min={2000}
            max={2100}
            thousandSeparator=""
            error={errors.errors.year}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('planForm.title')}
          placeholder={t('planForm.titlePlaceholder')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.errors.title}
          autosize
          minRows={2}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('planForm.number')}
            placeholder={t('planForm.numberPlaceholder')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={errors.errors.number}
          />
          <DateField label={t('planForm.issuedDate')} value={issuedDate} onChange={setIssuedDate} error={errors.errors.issuedDate} />
          <TextInput
            label={t('planForm.issuer')}
            value={issuer}
            onChange={(event) => setIssuer(event.currentTarget.value)}
            error={errors.errors.issuer}
          />
          <TextInput
            label={t('planForm.signerName')}
            value={signerName}
            onChange={(event) => setSignerName(event.currentTarget.value)}
            error={errors.errors.signerName}
          />
          <TextInput
            label={t('planForm.signerTitle')}
            value={signerTitle}
            onChange={(event) => setSignerTitle(event.currentTarget.value)}
            error={errors.errors.signerTitle}
          />
        </SimpleGrid>
        <Textarea
          label={t('planForm.legalBases')}
          description={t('planForm.legalBasesHint')}
          value={legalBases}
          onChange={(event) => setLegalBases(event.currentTarget.value)}
          error={errors.errors.legalBases}
          autosize
          minRows={2}
        />
        <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={plan ? t('common.save') : t('plans.create')} />
      </Stack>
    </form>
  );
}
