import { Alert, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatDate, formatQuantity, numberInputSeparators, todayIso } from '../../lib/format';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { invalidateWorkData } from '../../lib/invalidate';
import { notifySuccess } from '../../lib/notify';
import { periodOptionsOfYear, quarterOf } from '../../lib/periods';
import type { Target } from '../../lib/types';
import { targetApi } from './targetQueries';
import { computedSourceText, targetGoal } from './targetColumns';

const FIELDS = ['period', 'value', 'note'] as const;

interface TargetValueModalProps {
  target: Target | null;
  year: number;
  onClose: () => void;
}

/** Records the figure of a target for one period (month, quarter, half year or year). */
export function TargetValueModal({ target, year, onClose }: TargetValueModalProps) {
  return (
    <FormModal opened={target !== null} onClose={onClose} title={t('targetValue.title')} size="lg">
      {target && (target.dataSource === 'computed' ? <ComputedNotice target={target} onClose={onClose} /> : <TargetValueForm target={target} year={year} onClose={onClose} />)}
    </FormModal>
  );
}

/** A computed target takes its figures from the one-stop records: nothing to type (the API refuses it too). */
function ComputedNotice({ target, onClose }: { target: Target; onClose: () => void }) {
  return (
    <Stack>
      <Text fw={600}>{target.text}</Text>
      <Alert color="blue" icon={<Icon name="refresh" size={16} />}>
        {computedSourceText(target)}. {t('targetLight.noManualValue')}
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.back')}
        </Button>
      </Group>
    </Stack>
  );
}

function defaultPeriod(target: Target, year: number): string {
  if (target.latest) return target.latest.period;
  const today = todayIso();
  return today.startsWith(String(year)) ? quarterOf(today) : String(year);
}

function TargetValueForm({ target, year, onClose }: { target: Target; year: number; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [period, setPeriod] = useState<string>(defaultPeriod(target, year));
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');

  const save = useMutation({
    mutationFn: () => targetApi.recordValue(target.id, period, Number(value), note.trim()),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('targetValue.saved'));
      await invalidateWorkData(queryClient);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (typeof value === 'number' ? undefined : required('value')),
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Text fw={600}>{target.text}</Text>
          <Text size="sm" c="dimmed">
            {t('targets.goal')}: {targetGoal(target)}
          </Text>
        </div>
        <Select
          label={t('targetValue.period')}
          data={periodOptionsOfYear(year)}
          value={period}
          onChange={(next) => next && setPeriod(next)}
          allowDeselect={false}
          error={errors.errors.period}
          required
        />
        <NumberInput
          label={t('targetValue.value')}
          value={value}
          onChange={setValue}
          {...numberInputSeparators()}
          rightSection={target.unit ? <Text size="sm">{target.unit}</Text> : undefined}
          error={errors.errors.value}
          required
        />
        <TextInput label={t('targetValue.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.errors.note} />
        {target.values.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('targets.history')}
            </Text>
            <Table withTableBorder verticalSpacing={4}>
              <Table.Tbody>
                {[...target.values].reverse().map((entry) => (
                  <Table.Tr key={entry.period}>
                    <Table.Td>{entry.periodLabel}</Table.Td>
                    <Table.Td fw={600}>{formatQuantity(entry.value, target.unit)}</Table.Td>
                    <Table.Td c="dimmed">{entry.note ?? ''}</Table.Td>
                    <Table.Td c="dimmed">{formatDate(entry.recordedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
