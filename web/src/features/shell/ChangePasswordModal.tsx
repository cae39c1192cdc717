import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/PasswordField';
import { t } from '../../i18n';
import { api } from '../../lib/api';
import { useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const errors = useFormErrors(FIELDS);

  const close = () => {
    setCurrentPassword('');
    setNewPassword('');
    setConfirm('');
    errors.clear();
    onClose();
  };

  const mutation = useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),
    meta: { handlesErrors: true },
    onSuccess: () => {
      notifySuccess(t('password.changed'));
      close();
    },
    onError: errors.fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    if (newPassword !== confirm) {
      errors.set('confirm', t('password.mismatch'));
      return;
    }
    mutation.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('password.title')}>
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
