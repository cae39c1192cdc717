import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { PasswordField } from '../../components/PasswordField';
import { UnitMultiSelect } from '../../components/UnitMultiSelect';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { roleLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { COMMUNE_ROLES, PROVINCE_ROLES, type OrgKind, type Role, type User } from '../../lib/types';
import { adminApi } from './adminQueries';

const FIELDS = ['username', 'fullName', 'role', 'password', 'unitIds'] as const;

interface UserFormModalProps {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  orgKind: OrgKind;
  user: User | null;
}

export function UserFormModal({ opened, onClose, ...props }: UserFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={props.user ? t('admin.editUser') : t('admin.addUser')} size="lg">
      <UserForm onClose={onClose} {...props} />
    </FormModal>
  );
}

function UserForm({ onClose, orgId, orgKind, user }: Omit<UserFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const roles = orgKind === 'province' ? PROVINCE_ROLES : COMMUNE_ROLES;
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? roles[roles.length - 1]);
  const [password, setPassword] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>(user?.units.map((unit) => unit.id) ?? []);

  const save = useMutation({
    mutationFn: () =>
      user
        ? adminApi.updateUser(user.id, { fullName: fullName.trim(), role, unitIds })
        : adminApi.createUser(orgId, { username: username.trim(), fullName: fullName.trim(), role, password, unitIds }),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      notifySuccess(t('admin.userSaved'));
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'users'] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (!user && !username.trim()) return required('username');
      if (!fullName.trim()) return required('fullName');
      if (!user && !password) return required('password');
    },
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.username')}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={errors.errors.username}
            disabled={Boolean(user)}
            autoCapitalize="none"
            autoComplete="off"
            required={!user}
          />
          <TextInput
            label={t('admin.fullName')}
            value={fullName}
            onChange={(event) => setFullName(event.currentTarget.value)}
            error={errors.errors.fullName}
            required
          />
          <Select
            label={t('admin.role')}
            data={roles.map((value) => ({ value, label: roleLabel(value) }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            error={errors.errors.role}
            required
          />
          {!user && (
            <PasswordField
              label={t('admin.initialPassword')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.errors.password}
              autoComplete="new-password"
              required
            />
          )}
        </SimpleGrid>
        {orgKind !== 'province' && (
          <UnitMultiSelect
            orgId={orgId}
            label={t('admin.userUnits')}
            value={unitIds}
            onChange={setUnitIds}
            error={errors.errors.unitIds}
            current={user?.units}
          />
        )}
        <FormActions onCancel={onClose} submitting={save.isPending} />
      </Stack>
    </form>
  );
}
