// Hạn nộp sáng kiến of the year: the deadline with the days left, how many each
// unit is asked for, how many units are still short; the focal point sets it.
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { FormModal } from '../../../components/FormModal';
import { Icon } from '../../../components/Icon';
import { TagBadge } from '../../../components/TagBadge';
import { t } from '../../../i18n';
import { daysBetween, formatDate, numberInputSeparators, todayIso } from '../../../lib/format';
import { checkedSubmit, required, useFormErrors, type FieldProblem } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { daysLeftText, DUE_LOOK, dueState, initiativeApi, storeYear } from '../initiativeQueries';
import type { InitiativeCall, InitiativeYear } from '../initiativeTypes';

export function CallCard({ view }: { view: InitiativeYear }) {
  const [editing, setEditing] = useState(false);
  const { call } = view;
  const short = call ? view.byUnit.filter((row) => row.due).length : 0;
  const late = call ? view.byUnit.some((row) => dueState(row, call) === 'late') : false;
  const daysLeft = call ? daysBetween(todayIso(), call.dueDate) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="initiative-call-title" data-testid="initiative-call">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={2} size="h5" id="initiative-call-title">
            {t('initiatives.call.title', { year: view.year })}
          </Title>
          {call ? (
            <>
              <Text fw={600} data-testid="initiative-call-due">
                {t('initiatives.call.due', { date: formatDate(call.dueDate), left: daysLeftText(daysLeft ?? 0) })}
              </Text>
              <Text size="sm">{t('initiatives.call.perUnit', { count: call.perUnit })}</Text>
              {view.byUnit.length > 0 &&
                (short > 0 ? (
                  <Group gap="xs">
                    <TagBadge
                      {...DUE_LOOK[late ? 'late' : 'missing']}
                      label={t(late ? 'initiatives.call.unitsLate' : 'initiatives.call.unitsShort', { count: short, total: view.byUnit.length })}
                      state={late ? 'late' : 'missing'}
                    />
                  </Group>
                ) : (
                  <Group gap="xs">
                    <TagBadge {...DUE_LOOK.enough} label={t('initiatives.call.allEnough')} state="enough" />
                  </Group>
                ))}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {view.can.manage ? t('initiatives.call.noneManage') : t('initiatives.call.none')}
            </Text>
          )}
        </Stack>
        {view.can.manage && (
          <Button variant={call ? 'default' : 'filled'} leftSection={<Icon name="calendar" size={16} />} onClick={() => setEditing(true)} className="no-print">
            {t('initiatives.call.set')}
          </Button>
        )}
      </Group>
      <FormModal opened={editing} onClose={() => setEditing(false)} title={t('initiatives.call.formTitle', { year: view.year })}>
        <CallForm view={view} onClose={() => setEditing(false)} />
      </FormModal>
    </Paper>
  );
}

const FIELDS = ['dueDate', 'perUnit'] as const;

function CallForm({ view, onClose }: { view: InitiativeYear; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [dueDate, setDueDate] = useState<string | null>(view.call?.dueDate ?? null);
  const [perUnit, setPerUnit] = useState<number | string>(view.call?.perUnit ?? 1);

  const save = useMutation({
    mutationFn: (call: InitiativeCall) => initiativeApi.setCall(view.orgId, view.year, call),
    meta: { handlesErrors: true },
    onSuccess: (next) => {
      storeYear(queryClient, next);
      notifySuccess(t('initiatives.call.saved'));
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    (): FieldProblem<(typeof FIELDS)[number]> | undefined => {
      if (!dueDate) return required('dueDate');
      if (typeof perUnit !== 'number' || !Number.isInteger(perUnit) || perUnit < 1 || perUnit > 20) return ['perUnit', t('initiatives.call.perUnitRange')] as const;
      return undefined;
    },
    () => dueDate && typeof perUnit === 'number' && save.mutate({ dueDate, perUnit }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DateField label={t('initiatives.call.dueDate')} value={dueDate} onChange={setDueDate} error={errors.errors.dueDate} required clearable={false} />
        <NumberInput
          label={t('initiatives.call.perUnitLabel')}
          description={t('initiatives.call.perUnitHint')}
          value={perUnit}
          onChange={setPerUnit}
          min={1}
          max={20}
          allowDecimal={false}
          {...numberInputSeparators()}
          error={errors.errors.perUnit}
          required
        />
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
