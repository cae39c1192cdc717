import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField, DateListField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { foldedFilter } from '../../components/selectFilter';
import { UnitMultiSelect } from '../../components/UnitMultiSelect';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { invalidateWorkData } from '../../lib/invalidate';
import { recurrenceLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { RECURRENCES, type Task, type TaskSummary } from '../../lib/types';
import { taskApi, type TaskInput } from './taskQueries';
import { useAreas } from '../reference/areas';

const FIELDS = [
  'title',
  'ref',
  'area',
  'leadUnitIds',
  'supportUnitIds',
  'product',
  'timelineText',
  'milestones',
  'dueDate',
  'recurrence',
  'criteria',
  'budgetSource',
] as const;

interface TaskFormModalProps {
  opened: boolean;
  onClose: () => void;
  planId: string;
  /** Units are chosen from this organisation (the plan's). */
  orgId: string;
  /** Edit this task; without it a new task is added to the plan. */
  task?: TaskSummary | null;
  onSaved?: (task: Task) => void;
  onDeleted?: () => void;
}

export function TaskFormModal({ opened, onClose, ...props }: TaskFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={props.task ? t('taskForm.editTitle') : t('taskForm.createTitle')} size="xl">
      <TaskForm onClose={onClose} {...props} />
    </FormModal>
  );
}

function nullable(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

function TaskForm({ onClose, planId, orgId, task, onSaved, onDeleted }: Omit<TaskFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const areas = useAreas();
  const errors = useFormErrors(FIELDS);
  const [title, setTitle] = useState(task?.title ?? '');
  const [ref, setRef] = useState(task?.ref ?? '');
  const [area, setArea] = useState<string | null>(task?.area ?? null);
  const [leadUnitIds, setLeadUnitIds] = useState(task?.lead.map((unit) => unit.id) ?? []);
  const [supportUnitIds, setSupportUnitIds] = useState(task?.support.map((unit) => unit.id) ?? []);
  const [product, setProduct] = useState(task?.product ?? '');
  const [timelineText, setTimelineText] = useState(task?.timelineText ?? '');
  const [milestones, setMilestones] = useState<string[]>(task?.milestones ?? []);
  const [dueDate, setDueDate] = useState<string | null>(task?.dueDate ?? null);
  const [recurrence, setRecurrence] = useState<string | null>(task?.recurrence ?? null);
  const [criteria, setCriteria] = useState<string[]>(task?.criteria ?? []);
  const [budgetSource, setBudgetSource] = useState(task?.budgetSource ?? '');

  const save = useMutation({
    mutationFn: () => {
      const input: TaskInput = {
        title: title.trim(),
        ref: nullable(ref),
        area,
        leadUnitIds,
        supportUnitIds,
        product: nullable(product),
        timelineText: nullable(timelineText),
        milestones,
        dueDate,
        recurrence,
        criteria,
        budgetSource: nullable(budgetSource),
      };
      return task ? taskApi.update(task.id, input) : taskApi.create(planId, input);
    },
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      notifySuccess(task ? t('taskForm.saved') : t('taskForm.created'));
      queryClient.setQueryData(['task', saved.id], saved);
      await invalidateWorkData(queryClient);
      onSaved?.(saved);
      onClose();
    },
    onError: errors.fromError,
  });

  const remove = useMutation({
    mutationFn: () => taskApi.remove(task!.id),
    onSuccess: async () => {
      notifySuccess(t('taskForm.deleted'));
      queryClient.removeQueries({ queryKey: ['task', task!.id] });
      await invalidateWorkData(queryClient);
      onClose();
      onDeleted?.();
    },
  });

  const submit = checkedSubmit(
    errors,
    () => (title.trim() ? undefined : required('title')),
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('taskForm.ref')} value={ref} onChange={(event) => setRef(event.currentTarget.value)} error={errors.errors.ref} />
          <Select
            label={t('taskForm.area')}
            data={areas.map((item) => ({ value: item.code, label: item.name }))}
            value={area}
            onChange={setArea}
            error={errors.errors.area}
            clearable
            searchable
            filter={foldedFilter}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <Textarea
          label={t('taskForm.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.errors.title}
          autosize
          minRows={2}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitMultiSelect
            orgId={orgId}
            label={t('taskForm.lead')}
            value={leadUnitIds}
            onChange={setLeadUnitIds}
            error={errors.errors.leadUnitIds}
            current={task?.lead}
          />
          <UnitMultiSelect
            orgId={orgId}
            label={t('taskForm.support')}
            value={supportUnitIds}
            onChange={setSupportUnitIds}
            error={errors.errors.supportUnitIds}
            current={task?.support}
          />
        </SimpleGrid>
        <Textarea
          label={t('taskForm.product')}
          value={product}
          onChange={(event) => setProduct(event.currentTarget.value)}
          error={errors.errors.product}
          autosize
          minRows={1}
        />
        <TextInput
          label={t('taskForm.timelineText')}
          placeholder={t('taskForm.timelinePlaceholder')}
          value={timelineText}
          onChange={(event) => setTimelineText(event.currentTarget.value)}
          error={errors.errors.timelineText}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('taskForm.dueDate')} value={dueDate} onChange={setDueDate} error={errors.errors.dueDate} />
          <DateListField label={t('taskForm.milestones')} value={milestones} onChange={setMilestones} error={errors.errors.milestones} />
          <Select
            label={t('taskForm.recurrence')}
            data={RECURRENCES.map((value) => ({ value, label: recurrenceLabel(value) }))}
            value={recurrence}
            onChange={setRecurrence}
            placeholder={recurrenceLabel(null)}
            error={errors.errors.recurrence}
            clearable
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label={t('taskForm.criteria')}
            description={t('taskForm.criteriaHint')}
            value={criteria}
            onChange={setCriteria}
            error={errors.errors.criteria}
            clearable
          />
          <TextInput
            label={t('taskForm.budgetSource')}
            value={budgetSource}
            onChange={(event) => setBudgetSource(event.currentTarget.value)}
            error={errors.errors.budgetSource}
          />
        </SimpleGrid>
        <FormActions
          onCancel={onClose}
          submitting={save.isPending}
          remove={
            task
              ? {
                  label: t('taskForm.delete'),
                  confirm: t('taskForm.deleteConfirm'),
                  pending: remove.isPending,
                  onConfirm: () => remove.mutateAsync(),
                }
              : null
          }
        />
      </Stack>
    </form>
  );
}
