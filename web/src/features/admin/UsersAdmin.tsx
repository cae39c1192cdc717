import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import type { Org, User } from '../../lib/types';
import { useMe } from '../auth/session';
import { adminApi, usersQueryOptions } from './adminQueries';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

export function UsersAdmin({ org }: { org: Org }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpened, setFormOpened] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const usersQuery = useQuery(usersQueryOptions(org.id));

  const setActive = useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) => adminApi.updateUser(user.id, { active }),
    onSuccess: async () => {
      notifySuccess(t('admin.userSaved'));
      await queryClient.invalidateQueries({ queryKey: ['orgs', org.id, 'users'] });
    },
  });

  const users = [...(usersQuery.data ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName, 'vi'),
  );

  const columns: Column<User>[] = [
    {
      key: 'fullName',
      header: t('admin.fullName'),
      primary: true,
      render: (user) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username}
          </Text>
        </Stack>
      ),
    },
    { key: 'role', header: t('admin.role'), render: (user) => <Text size="sm">{roleLabel(user.role)}</Text> },
    {
      key: 'units',
      header: t('admin.userUnits'),
      render: (user) => <Text size="sm">{user.units.map((unit) => unit.name).join(', ') || t('common.dash')}</Text>,
    },
    {
      key: 'lastLogin',
      header: t('admin.lastLogin'),
      render: (user) => <Text size="sm">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('admin.never')}</Text>,
    },
    {
      key: 'status',
      header: t('admin.userStatus'),
      render: (user) =>
        user.active ? (
          <TagBadge color="green" icon="check" label={t('common.active')} />
        ) : (
          <TagBadge color="gray" icon="minus" label={t('common.inactive')} />
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (user) => (
        <Group gap={4}>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<Icon name="pencil" size={14} />}
            aria-label={`${t('common.edit')} ${user.fullName}`}
            onClick={() => {
              setEditing(user);
              setFormOpened(true);
            }}
          >
            {t('common.edit')}
          </Button>
          <Button size="compact-xs" variant="subtle" leftSection={<Icon name="key" size={14} />} onClick={() => setResetting(user)}>
            {t('admin.resetPassword')}
          </Button>
          {user.id !== me.id &&
            (user.active ? (
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="red"
                message={t('admin.deactivateUserConfirm', { name: user.fullName })}
                loading={setActive.isPending}
                onConfirm={() => setActive.mutateAsync({ user, active: false })}
              >
                {t('admin.deactivate')}
              </ConfirmButton>
            ) : (
              <Button size="compact-xs" variant="subtle" onClick={() => setActive.mutate({ user, active: true })}>
                {t('admin.activate')}
              </Button>
            ))}
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button
          leftSection={<Icon name="plus" size={16} />}
          onClick={() => {
            setEditing(null);
            setFormOpened(true);
          }}
        >
          {t('admin.addUser')}
        </Button>
      </Group>
      {usersQuery.isPending ? (
        <PageLoading />
      ) : usersQuery.isError ? (
        <LoadError error={usersQuery.error} onRetry={() => void usersQuery.refetch()} />
      ) : (
        <DataTable
          columns={columns}
          rows={users}
          rowKey={(user) => user.id}
          rowTestId="user-row"
          emptyText={t('admin.noUsers')}
          caption={t('admin.users')}
          minWidth={960}
        />
      )}
      <UserFormModal opened={formOpened} onClose={() => setFormOpened(false)} orgId={org.id} orgKind={org.kind} user={editing} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
