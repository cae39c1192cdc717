import { Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { orgTreeApi, type OrgNode } from './orgTreeQueries';

const FIELDS = ['name', 'code', 'kind', 'parentId'] as const;

interface OrgFormModalProps {
  opened: boolean;
  onClose: () => void;
  province: OrgNode;
  /** The organisation to rename; null to add one. */
  org: OrgNode | null;
}

export function OrgFormModal({ opened, onClose, province, org }: OrgFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={org ? t('orgTree.rename') : t('orgTree.add')}>
      <OrgForm onClose={onClose} province={province} org={org} />
    </FormModal>
  );
}

function OrgForm({ onClose, province, org }: Omit<OrgFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState(org?.name ?? '');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<'commune' | 'district'>('commune');
  const [parentId, setParentId] = useState(province.id);
  const districts = province.children.filter((c) => c.legacy);

  const save = useMutation({
    mutationFn: () =>
      org
        ? orgTreeApi.update(org.id, { name: name.trim() })
        : orgTreeApi.add(province.id, { name: name.trim(), code: code.trim(), kind, parentId: kind === 'commune' ? parentId : province.id }),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('orgTree.saved'));
      await queryClient.invalidateQueries({ queryKey: ['orgs'] });
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (!name.trim() ? required('name') : !org && !code.trim() ? required('code') : undefined),
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('orgTree.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.errors.name} required />
        {!org && (
          <>
            <TextInput
              label={t('orgTree.code')}
              description={t('orgTree.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.errors.code}
              required
            />
            <Select
              label={t('orgTree.kind')}
              data={[
                { value: 'commune', label: t('orgTree.kindCommune') },
                { value: 'district', label: t('orgTree.kindDistrict') },
              ]}
              value={kind}
              onChange={(value) => value && setKind(value as 'commune' | 'district')}
              allowDeselect={false}
              error={errors.errors.kind}
            />
            {kind === 'commune' && (
              <Select
                label={t('orgTree.parent')}
                data={[{ value: province.id, label: province.name }, ...districts.map((d) => ({ value: d.id, label: `${d.name} ${t('orgTree.legacyMark')}` }))]}
                value={parentId}
                onChange={(value) => value && setParentId(value)}
                allowDeselect={false}
                error={errors.errors.parentId}
              />
            )}
          </>
        )}
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
