import { NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { unitKindLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import type { Unit, UnitKind } from '../../lib/types';
import { adminApi } from './adminQueries';

const KINDS: UnitKind[] = ['unit', 'officer-title', 'organisation', 'leadership', 'generic'];
const FIELDS = ['name', 'code', 'abbreviations', 'kind', 'sortOrder'] as const;

interface UnitFormModalProps {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  unit: Unit | null;
}

export function UnitFormModal({ opened, onClose, orgId, unit }: UnitFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={unit ? t('admin.editUnit') : t('admin.addUnit')}>
      <UnitForm onClose={onClose} orgId={orgId} unit={unit} />
    </FormModal>
  );
}

function UnitForm({ onClose, orgId, unit }: Omit<UnitFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState(unit?.name ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [abbreviations, setAbbreviations] = useState<string[]>(unit?.abbreviations ?? []);
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'unit');
  const [sortOrder, setSortOrder] = useState<number | string>(unit?.sortOrder ?? '');

  const save = useMutation({
    mutationFn: () =>
      unit
        ? adminApi.updateUnit(unit.id, {
            name: name.trim(),
            abbreviations,
            ...(typeof sortOrder === 'number' ? { sortOrder } : {}),
          })
        : adminApi.createUnit(orgId, { name: name.trim(), code: code.trim() || null, abbreviations, kind }),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('admin.unitSaved'));
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'units'] });
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (name.trim() ? undefined : required('name')),
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('admin.unitName')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.errors.name} required />
        <TagsInput
          label={t('admin.unitAbbreviations')}
          description={t('admin.unitAbbreviationsHint')}
          value={abbreviations}
          onChange={setAbbreviations}
          error={errors.errors.abbreviations}
          clearable
        />
        {unit ? (
          <NumberInput label={t('admin.unitSortOrder')} value={sortOrder} onChange={setSortOrder} min={0} error={errors.errors.sortOrder} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('admin.unitCode')} value={code} onChange={(event) => setCode(event.currentTarget.value)} error={errors.errors.code} />
            <Select
              label={t('admin.unitKind')}
              data={KINDS.map((value) => ({ value, label: unitKindLabel(value) }))}
              value={kind}
              onChange={(value) => value && setKind(value as UnitKind)}
              allowDeselect={false}
              error={errors.errors.kind}
            />
          </SimpleGrid>
        )}
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
