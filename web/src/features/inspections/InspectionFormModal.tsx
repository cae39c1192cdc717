// A cuộc kiểm tra of the plan: added with its unit, or its planned dates, team and content edited.
import { Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { foldedFilter } from '../../components/selectFilter';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { inspectionApi, storeInspection, teamFromText } from './inspectionQueries';
import type { Inspection, UnitName } from './inspectionTypes';

const FIELDS = ['unitId', 'plannedFrom', 'plannedTo', 'team', 'content'] as const;

type Target =
  /** Add an inspection of one of these units (those not yet in the plan) to the plan. */
  | { mode: 'create'; planId: string; units: UnitName[] }
  | { mode: 'edit'; inspection: Inspection };

interface InspectionFormModalProps {
  opened: boolean;
  onClose: () => void;
  target: Target;
  onSaved?: (inspection: Inspection) => void;
}

export function InspectionFormModal({ opened, onClose, target, onSaved }: InspectionFormModalProps) {
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={target.mode === 'create' ? t('inspections.form.createTitle') : t('inspections.form.editTitle', { unit: target.inspection.unit.name })}
      size="lg"
    >
      <InspectionForm target={target} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function InspectionForm({ target, onClose, onSaved }: Omit<InspectionFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const current = target.mode === 'edit' ? target.inspection : null;
  const [unitId, setUnitId] = useState<string | null>(null);
  const [plannedFrom, setPlannedFrom] = useState<string | null>(current?.plannedFrom ?? null);
  const [plannedTo, setPlannedTo] = useState<string | null>(current?.plannedTo ?? null);
  const [team, setTeam] = useState((current?.team ?? []).join('\n'));
  const [content, setContent] = useState(current?.content ?? '');

  const save = useMutation({
    mutationFn: () => {
      const fields = { plannedFrom: plannedFrom!, plannedTo: plannedTo!, team: teamFromText(team), content: content.trim() };
      return target.mode === 'create'
        ? inspectionApi.create(target.planId, { unitId: unitId!, ...fields })
        : inspectionApi.update(target.inspection.id, fields);
    },
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      notifySuccess(target.mode === 'create' ? t('inspections.form.created', { unit: saved.unit.name }) : t('notify.saved'));
      await storeInspection(queryClient, saved);
      onSaved?.(saved);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (target.mode === 'create' && !unitId) return required('unitId');
      if (!plannedFrom) return required('plannedFrom');
      if (!plannedTo) return required('plannedTo');
      if (plannedTo < plannedFrom) return ['plannedTo', t('inspections.form.toBeforeFrom')] as const;
      return undefined;
    },
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {target.mode === 'create' && (
          <Select
            label={t('inspections.form.unit')}
            description={t('inspections.form.unitHint')}
            data={target.units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitId}
            onChange={setUnitId}
            error={errors.errors.unitId}
            searchable
            filter={foldedFilter}
            nothingFoundMessage={t('units.none')}
            required
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('inspections.form.plannedFrom')} value={plannedFrom} onChange={setPlannedFrom} error={errors.errors.plannedFrom} required />
          <DateField
            label={t('inspections.form.plannedTo')}
            value={plannedTo}
            onChange={setPlannedTo}
            error={errors.errors.plannedTo}
            minDate={plannedFrom ?? undefined}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('inspections.form.team')}
          description={t('inspections.form.teamHint')}
          placeholder={t('inspections.form.teamPlaceholder')}
          value={team}
          onChange={(event) => setTeam(event.currentTarget.value)}
          error={errors.errors.team}
          autosize
          minRows={3}
        />
        <Textarea
          label={t('inspections.form.content')}
          placeholder={t('inspections.form.contentPlaceholder')}
          value={content}
          onChange={(event) => setContent(event.currentTarget.value)}
          error={errors.errors.content}
          autosize
          minRows={3}
        />
        <FormActions onCancel={onClose} submitting={save.isPending} submitLabel={target.mode === 'create' ? t('inspections.form.add') : undefined} />
      </Stack>
    </form>
  );
}
