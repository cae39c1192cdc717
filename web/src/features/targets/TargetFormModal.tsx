import { Alert, Grid, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { Icon } from '../../components/Icon';
import { UnitMultiSelect } from '../../components/UnitMultiSelect';
import { t } from '../../i18n';
import { numberInputSeparators } from '../../lib/format';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { invalidateWorkData } from '../../lib/invalidate';
import { targetOpLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { TARGET_OPS, type Target } from '../../lib/types';
import { indicatorsQueryOptions, targetApi } from './targetQueries';

const FIELDS = ['text', 'op', 'value', 'unit', 'dataSource', 'indicatorKey', 'monitorUnitIds', 'implementUnitIds'] as const;

interface TargetFormModalProps {
  opened: boolean;
  onClose: () => void;
  planId: string;
  orgId: string;
  target?: Target | null;
}

export function TargetFormModal({ opened, onClose, ...props }: TargetFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={props.target ? t('targetForm.editTitle') : t('targetForm.createTitle')} size="lg">
      <TargetForm onClose={onClose} {...props} />
    </FormModal>
  );
}

function TargetForm({ onClose, planId, orgId, target }: Omit<TargetFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [text, setText] = useState(target?.text ?? '');
  const [op, setOp] = useState<string | null>(target?.op ?? '>=');
  const [value, setValue] = useState<number | string>(target?.value ?? '');
  const [unit, setUnit] = useState(target?.unit ?? '%');
  const [dataSource, setDataSource] = useState<'manual' | 'computed'>(target?.dataSource ?? 'manual');
  const [indicatorKey, setIndicatorKey] = useState<string | null>(target?.indicatorKey ?? null);
  const [monitorUnitIds, setMonitorUnitIds] = useState(target?.monitor.map((item) => item.id) ?? []);
  const [implementUnitIds, setImplementUnitIds] = useState(target?.implement.map((item) => item.id) ?? []);
  const indicators = useQuery(indicatorsQueryOptions).data ?? [];

  const chooseIndicator = (key: string | null) => {
    setIndicatorKey(key);
    // The figure comes in the indicator's unit (% or points): the target is written in it too.
    const unitOf = indicators.find((item) => item.key === key)?.unit;
    if (unitOf) setUnit(unitOf);
  };

  const save = useMutation({
    mutationFn: () => {
      const input = {
        text: text.trim(),
        op,
        value: typeof value === 'number' ? value : null,
        unit: unit.trim() || null,
        dataSource,
        indicatorKey: dataSource === 'computed' ? indicatorKey : null,
        monitorUnitIds,
        implementUnitIds,
      };
      return target ? targetApi.update(target.id, input) : targetApi.create(planId, input);
    },
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('targetForm.saved'));
      await invalidateWorkData(queryClient);
      onClose();
    },
    onError: errors.fromError,
  });

  const remove = useMutation({
    mutationFn: () => targetApi.remove(target!.id),
    onSuccess: async () => {
      notifySuccess(t('targetForm.deleted'));
      await invalidateWorkData(queryClient);
      onClose();
    },
  });

  const submit = checkedSubmit(
    errors,
    () => (!text.trim() ? required('text') : dataSource === 'computed' && !indicatorKey ? required('indicatorKey') : undefined),
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('targetForm.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.errors.text}
          autosize
          minRows={2}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('targetForm.op')}
            data={TARGET_OPS.map((item) => ({ value: item, label: targetOpLabel(item) }))}
            value={op}
            onChange={setOp}
            error={errors.errors.op}
            clearable
          />
          <NumberInput
            label={t('targetForm.value')}
            value={value}
            onChange={setValue}
            {...numberInputSeparators()}
            error={errors.errors.value}
          />
          <TextInput
            label={t('targetForm.unit')}
            placeholder={t('targetForm.unitPlaceholder')}
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            error={errors.errors.unit}
          />
        </SimpleGrid>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select
              label={t('targetForm.dataSource')}
              data={[
                { value: 'manual', label: t('targetForm.manual') },
                { value: 'computed', label: t('targetLight.sourceComputed') },
              ]}
              value={dataSource}
              onChange={(next) => next && setDataSource(next as 'manual' | 'computed')}
              allowDeselect={false}
              error={errors.errors.dataSource}
            />
          </Grid.Col>
          {dataSource === 'computed' && (
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Select
                label={t('targetLight.indicator')}
                placeholder={t('targetLight.indicatorPlaceholder')}
                data={[
                  ...indicators.map((item) => ({ value: item.key, label: item.label })),
                  // A key written before the catalogue existed stays visible until replaced.
                  ...(indicatorKey && indicators.length > 0 && !indicators.some((item) => item.key === indicatorKey) ? [{ value: indicatorKey, label: indicatorKey }] : []),
                ]}
                value={indicatorKey}
                onChange={chooseIndicator}
                error={errors.errors.indicatorKey}
                searchable
                required
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
          )}
        </Grid>
        {dataSource === 'computed' && (
          <Alert color="blue" variant="light" icon={<Icon name="refresh" size={16} />} data-testid="target-computed-hint">
            {t('targetLight.computedHint')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitMultiSelect
            orgId={orgId}
            label={t('targetForm.monitor')}
            value={monitorUnitIds}
            onChange={setMonitorUnitIds}
            error={errors.errors.monitorUnitIds}
            current={target?.monitor}
          />
          <UnitMultiSelect
            orgId={orgId}
            label={t('targetForm.implement')}
            value={implementUnitIds}
            onChange={setImplementUnitIds}
            error={errors.errors.implementUnitIds}
            current={target?.implement}
          />
        </SimpleGrid>
        <FormActions
          onCancel={onClose}
          submitting={save.isPending}
          remove={
            target
              ? {
                  label: t('targetForm.delete'),
                  confirm: t('targetForm.deleteConfirm'),
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
