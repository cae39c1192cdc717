import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/PasswordField';
import { t } from '../../i18n';
import { useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import type { User } from '../../lib/types';
import { adminApi } from './adminQueries';

const FIELDS = ['password'] as const;

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('admin.resetPasswordFor', { name: user.fullName }) : ''}>
      {user && <ResetPasswordForm user={user} onClose={onClose} />}
    </Modal>
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    if (!password) return errors.set('password', t('common.required'));
    save.mutate();
  };

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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('admin.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
