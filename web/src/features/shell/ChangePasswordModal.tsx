import { Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { PasswordField } from '../../components/PasswordField';
import { t } from '../../i18n';
import { api } from '../../lib/api';
import { checkedSubmit, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={t('password.title')}>
      <ChangePasswordForm onClose={onClose} />
    </FormModal>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const errors = useFormErrors(FIELDS);

  const mutation = useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),
    meta: { handlesErrors: true },
    onSuccess: () => {
      notifySuccess(t('password.changed'));
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => (newPassword === confirm ? undefined : ['confirm', t('password.mismatch')]),
    () => mutation.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordField
          label={t('password.current')}
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={errors.errors.currentPassword}
          autoComplete="current-password"
          required
        />
        <PasswordField
          label={t('password.new')}
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={errors.errors.newPassword}
          autoComplete="new-password"
          required
        />
        <PasswordField
          label={t('password.confirm')}
          value={confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          error={errors.errors.confirm}
          autoComplete="new-password"
          required
        />
        <FormActions onCancel={onClose} submitting={mutation.isPending} />
      </Stack>
    </form>
  );
}
