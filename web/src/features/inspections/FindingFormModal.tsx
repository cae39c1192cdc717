// A vấn đề phát hiện of an inspection: what was found, in which area, how serious, who fixes it and by when.
import { Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { foldedFilter } from '../../components/selectFilter';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import type { Area } from '../../lib/types';
import { useUnits } from '../org/orgQueries';
import { useAreas } from '../reference/areas';
import { inspectionApi, severityLabel, storeFinding } from './inspectionQueries';
import { FINDING_SEVERITIES, type Finding, type FindingSeverity, type FindingSummary, type Inspection } from './inspectionTypes';

const FIELDS = ['area', 'description', 'severity', 'responsibleUnitId', 'fixDue'] as const;

interface FindingFormModalProps {
  opened: boolean;
  onClose: () => void;
  inspection: Pick<Inspection, 'id' | 'orgId' | 'unit' | 'conductedOn'>;
  /** The finding to edit; without it a new one is added to the inspection. */
  finding?: FindingSummary | null;
  onSaved?: (finding: Finding) => void;
}

export function FindingFormModal({ opened, onClose, ...props }: FindingFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={props.finding ? t('finding.form.editTitle') : t('finding.form.createTitle')} size="lg">
      <FindingForm onClose={onClose} {...props} />
    </FormModal>
  );
}

function FindingForm({ onClose, inspection, finding, onSaved }: Omit<FindingFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const areas = useAreas();
  const units = useUnits(inspection.orgId);
  const errors = useFormErrors(FIELDS);
  const [area, setArea] = useState<string | null>(finding?.area ?? null);
  const [description, setDescription] = useState(finding?.description ?? '');
  const [severity, setSeverity] = useState<FindingSeverity>(finding?.severity ?? 'moderate');
  const [responsibleUnitId, setResponsibleUnitId] = useState<string | null>(finding?.responsibleUnit.id ?? inspection.unit.id);
  const [fixDue, setFixDue] = useState<string | null>(finding?.fixDue ?? null);

  // The inspected unit and the finding's unit stay choosable even when not (or no longer) active.
  const unitOptions = useMemo(() => {
    const options = units.map((unit) => ({ value: unit.id, label: unit.name }));
    for (const unit of [inspection.unit, finding?.responsibleUnit]) {
      if (unit && !options.some((option) => option.value === unit.id)) options.push({ value: unit.id, label: unit.name });
    }
    return options;
  }, [units, inspection.unit, finding?.responsibleUnit]);

  const save = useMutation({
    mutationFn: () => {
      const input = {
        area: area as Area | null,
        description: description.trim(),
        severity,
        responsibleUnitId: responsibleUnitId!,
        fixDue: fixDue!,
      };
      return finding ? inspectionApi.updateFinding(finding.id, input) : inspectionApi.addFinding(inspection.id, input);
    },
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      notifySuccess(finding ? t('notify.saved') : t('finding.form.created'));
      await storeFinding(queryClient, saved);
      onSaved?.(saved);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (!description.trim()) return required('description');
      if (!responsibleUnitId) return required('responsibleUnitId');
      if (!fixDue) return required('fixDue');
      if (inspection.conductedOn && fixDue < inspection.conductedOn) return ['fixDue', t('finding.form.dueBeforeInspection')] as const;
      return undefined;
    },
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('finding.form.description')}
          placeholder={t('finding.form.descriptionPlaceholder')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.errors.description}
          autosize
          minRows={3}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('finding.form.area')}
            placeholder={t('finding.form.noArea')}
            data={areas.map((item) => ({ value: item.code, label: item.name }))}
            value={area}
            onChange={setArea}
            error={errors.errors.area}
            clearable
            searchable
            filter={foldedFilter}
          />
          <Select
            label={t('finding.form.severity')}
            data={FINDING_SEVERITIES.map((value) => ({ value, label: severityLabel(value) }))}
            value={severity}
            onChange={(value) => value && setSeverity(value as FindingSeverity)}
            allowDeselect={false}
            error={errors.errors.severity}
            required
          />
          <Select
            label={t('finding.form.responsibleUnit')}
            data={unitOptions}
            value={responsibleUnitId}
            onChange={setResponsibleUnitId}
            error={errors.errors.responsibleUnitId}
            searchable
            filter={foldedFilter}
            nothingFoundMessage={t('units.none')}
            required
          />
          <DateField
            label={t('finding.form.fixDue')}
            value={fixDue}
            onChange={setFixDue}
            error={errors.errors.fixDue}
            minDate={inspection.conductedOn ?? undefined}
            required
          />
        </SimpleGrid>
        <FormActions onCancel={onClose} submitting={save.isPending} submitLabel={finding ? undefined : t('finding.form.add')} />
      </Stack>
    </form>
  );
}
