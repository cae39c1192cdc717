import { Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { PasswordField } from '../../components/PasswordField';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import type { User } from '../../lib/types';
import { adminApi } from './adminQueries';

const FIELDS = ['password'] as const;

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <FormModal opened={user !== null} onClose={onClose} title={user ? t('admin.resetPasswordFor', { name: user.fullName }) : ''}>
      {user && <ResetPasswordForm user={user} onClose={onClose} />}
    </FormModal>
  );
}

function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const errors = useFormErrors(FIELDS);
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: () => adminApi.updateUser(user.id, { password }),
    meta: { handlesErrors: true },
    onSuccess: () => {
      notifySuccess(t('admin.passwordReset'));
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (password ? undefined : required('password')),
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordField
          label={t('admin.newPassword')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.errors.password}
          autoComplete="new-password"
          required
          data-autofocus
        />
        <FormActions onCancel={onClose} submitting={save.isPending} submitLabel={t('admin.resetPassword')} />
      </Stack>
    </form>
  );
}
