import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { ToggleButtons } from '../../components/ToggleButtons';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { extensionStatusLabel } from '../../lib/status';
import type { Extension, ExtensionStatus } from '../../lib/types';
import { useMe } from '../auth/session';
import { useCurrentOrg } from '../org/CurrentOrg';
import { DecisionModal, type PendingDecision } from './DecisionModal';
import { extensionsQueryOptions } from './extensionQueries';
import { ExtensionStatusBadge } from './ExtensionStatusBadge';

type Filter = ExtensionStatus | 'all';

/** Xin gia hạn: deciders approve or refuse; everyone else follows their own requests. */
export function ExtensionsPage() {
  const me = useMe();
  const { orgId } = useCurrentOrg();
  const canDecide = me.permissions.decideExtensions;
  const [filter, setFilter] = useState<Filter>(canDecide ? 'pending' : 'all');
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const extensionsQuery = useQuery(extensionsQueryOptions(orgId, filter === 'all' ? undefined : filter));

  const rows = (extensionsQuery.data ?? [])
    .filter((extension) => filter === 'all' || extension.status === filter)
    .filter((extension) => canDecide || me.permissions.provincial || extension.requestedBy.id === me.id)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));

  const columns: Column<Extension>[] = [
    {
      key: 'task',
      header: t('extension.task'),
      primary: true,
      width: '30%',
      render: (extension) => (
        <AnchorLink to="/tasks/$taskId" params={{ taskId: extension.taskId }} size="sm" fw={600} c="dark">
          {extension.taskRef ? `${extension.taskRef}. ` : ''}
          {extension.taskTitle}
        </AnchorLink>
      ),
      exportValue: (extension) => extension.taskTitle,
    },
    {
      key: 'requestedBy',
      header: t('extension.requestedBy'),
      render: (extension) => (
        <Stack gap={0}>
          <Text size="sm">{extension.requestedBy.fullName}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(extension.requestedAt)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'change',
      header: t('extension.dueChange'),
      render: (extension) => (
        <Text size="sm" fw={600}>
          {t('extension.change', {
            from: extension.currentDue ? formatDate(extension.currentDue) : t('common.dash'),
            to: formatDate(extension.proposedDue),
          })}
        </Text>
      ),
    },
    {
      key: 'reason',
      header: t('extension.reason'),
      width: '25%',
      render: (extension) => (
        <Text size="sm" className="pre-line">
          {extension.reason}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('col.status'),
      render: (extension) => (
        <Stack gap={2}>
          <ExtensionStatusBadge status={extension.status} />
          {extension.decidedBy && (
            <Text size="xs" c="dimmed">
              {t('extension.decidedBy', { name: extension.decidedBy.fullName, date: formatDate(extension.decidedAt) })}
            </Text>
          )}
          {extension.decisionNote && (
            <Text size="xs" className="pre-line">
              {t('extension.decisionNote')}: {extension.decisionNote}
            </Text>
          )}
        </Stack>
      ),
      exportValue: (extension) => extensionStatusLabel(extension.status),
    },
  ];

  if (canDecide) {
    columns.push({
      key: 'decide',
      header: t('extensions.decision'),
      noPrint: true,
      render: (extension) =>
        extension.status === 'pending' ? (
          <Group gap={4}>
            <Button
              size="compact-sm"
              color="green"
              variant="light"
              leftSection={<Icon name="check" size={14} />}
              onClick={() => setPending({ extension, decision: 'approve' })}
            >
              {t('extensions.approve')}
            </Button>
            <Button
              size="compact-sm"
              color="red"
              variant="light"
              leftSection={<Icon name="x" size={14} />}
              onClick={() => setPending({ extension, decision: 'refuse' })}
            >
              {t('extensions.refuse')}
            </Button>
          </Group>
        ) : null,
    });
  }

  return (
    <>
      <PageTitle title={t('extensions.title')} subtitle={canDecide || me.permissions.provincial ? undefined : t('extensions.mine')} />
      <Stack gap="sm">
        <ToggleButtons<Filter>
          label={t('extensions.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'pending', label: extensionStatusLabel('pending') },
            { value: 'approved', label: extensionStatusLabel('approved') },
            { value: 'refused', label: extensionStatusLabel('refused') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        {extensionsQuery.isPending ? (
          <PageLoading />
        ) : extensionsQuery.isError ? (
          <LoadError error={extensionsQuery.error} onRetry={() => void extensionsQuery.refetch()} />
        ) : (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(extension) => extension.id}
            rowTestId="extension-row"
            emptyText={t('extensions.empty')}
            caption={t('extensions.title')}
            minWidth={1000}
          />
        )}
      </Stack>
      <DecisionModal pending={pending} onClose={() => setPending(null)} />
    </>
  );
}
