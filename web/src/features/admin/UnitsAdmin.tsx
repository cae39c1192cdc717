import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { unitKindLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import type { Unit } from '../../lib/types';
import { unitsQueryOptions } from '../org/orgQueries';
import { adminApi } from './adminQueries';
import { UnitFormModal } from './UnitFormModal';

export function UnitsAdmin({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [formOpened, setFormOpened] = useState(false);
  const unitsQuery = useQuery(unitsQueryOptions(orgId, true));

  const setActive = useMutation({
    mutationFn: ({ unit, active }: { unit: Unit; active: boolean }) => adminApi.updateUnit(unit.id, { active }),
    onSuccess: async () => {
      notifySuccess(t('admin.unitSaved'));
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'units'] });
    },
  });

  const units = (unitsQuery.data ?? [])
    .filter((unit) => showInactive || unit.active)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'));

  const columns: Column<Unit>[] = [
    { key: 'name', header: t('admin.unitName'), primary: true, render: (unit) => <Text size="sm" fw={600}>{unit.name}</Text> },
    { key: 'code', header: t('admin.unitCode'), render: (unit) => <Text size="sm">{unit.code ?? t('common.dash')}</Text> },
    {
      key: 'abbreviations',
      header: t('admin.unitAbbreviations'),
      render: (unit) => <Text size="sm">{unit.abbreviations.join('; ') || t('common.dash')}</Text>,
    },
    { key: 'kind', header: t('admin.unitKind'), render: (unit) => <Text size="sm">{unitKindLabel(unit.kind)}</Text> },
    {
      key: 'status',
      header: t('admin.unitStatus'),
      render: (unit) =>
        unit.active ? (
          <TagBadge color="green" icon="check" label={t('common.active')} />
        ) : (
          <TagBadge color="gray" icon="minus" label={t('common.inactive')} />
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (unit) => (
        <Group gap={4}>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<Icon name="pencil" size={14} />}
            aria-label={`${t('common.edit')} ${unit.name}`}
            onClick={() => {
              setEditing(unit);
              setFormOpened(true);
            }}
          >
            {t('common.edit')}
          </Button>
          {unit.active ? (
            <ConfirmButton
              size="compact-xs"
              variant="subtle"
              color="red"
              message={t('admin.deactivateUnitConfirm', { name: unit.name })}
              loading={setActive.isPending}
              onConfirm={() => setActive.mutateAsync({ unit, active: false })}
            >
              {t('admin.deactivate')}
            </ConfirmButton>
          ) : (
            <Button size="compact-xs" variant="subtle" onClick={() => setActive.mutate({ unit, active: true })}>
              {t('admin.activate')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch label={t('admin.showInactive')} checked={showInactive} onChange={(event) => setShowInactive(event.currentTarget.checked)} />
        <Button
          leftSection={<Icon name="plus" size={16} />}
          onClick={() => {
            setEditing(null);
            setFormOpened(true);
          }}
        >
          {t('admin.addUnit')}
        </Button>
      </Group>
      {unitsQuery.isPending ? (
        <PageLoading />
      ) : unitsQuery.isError ? (
        <LoadError error={unitsQuery.error} onRetry={() => void unitsQuery.refetch()} />
      ) : (
        <DataTable
          columns={columns}
          rows={units}
          rowKey={(unit) => unit.id}
          rowTestId="unit-row"
          emptyText={t('admin.noUnits')}
          caption={t('admin.units')}
          minWidth={800}
        />
      )}
      <UnitFormModal opened={formOpened} onClose={() => setFormOpened(false)} orgId={orgId} unit={editing} />
    </Stack>
  );
}
