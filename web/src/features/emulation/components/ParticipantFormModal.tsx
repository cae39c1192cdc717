// Adding a participant: a unit (tập thể), or a person (cá nhân) of a unit with
// their title, optionally linked to their account (then the account's name
// is used and their initiatives are found by it).
import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { FormActions } from '../../../components/FormActions';
import { FormModal } from '../../../components/FormModal';
import { foldedFilter } from '../../../components/selectFilter';
import { ToggleButtons } from '../../../components/ToggleButtons';
import { t } from '../../../i18n';
import { checkedSubmit, required, useFormErrors, type FieldProblem } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { usersQueryOptions } from '../../admin/adminQueries';
import { useUnits } from '../../org/orgQueries';
import { appliesLabel, emulationApi, storeCampaign } from '../emulationQueries';
import type { Campaign, ParticipantInput, Subject } from '../emulationTypes';

const FIELDS = ['kind', 'unitId', 'userId', 'name', 'title'] as const;

interface ParticipantFormModalProps {
  opened: boolean;
  kind: Subject;
  campaign: Campaign;
  onClose: () => void;
}

export function ParticipantFormModal({ opened, kind, campaign, onClose }: ParticipantFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={t('emulation.participants.formTitle')} size="lg">
      <ParticipantForm initialKind={kind} campaign={campaign} onClose={onClose} />
    </FormModal>
  );
}

function ParticipantForm({ initialKind, campaign, onClose }: { initialKind: Subject; campaign: Campaign; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const units = useUnits(campaign.orgId);
  const [kind, setKind] = useState<Subject>(initialKind);
  const users = useQuery({ ...usersQueryOptions(campaign.orgId), enabled: kind === 'person' });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');

  const joinedUnits = useMemo(() => new Set(campaign.participants.filter((p) => p.kind === 'unit').map((p) => p.unit.id)), [campaign.participants]);
  const unitOptions = useMemo(
    () =>
      [...units]
        .sort((a, b) => Number(b.kind === 'unit') - Number(a.kind === 'unit'))
        .map((unit) => {
          const joined = kind === 'unit' && joinedUnits.has(unit.id);
          return { value: unit.id, label: joined ? t('emulation.participants.joined', { name: unit.name }) : unit.name, disabled: joined };
        }),
    [units, kind, joinedUnits],
  );
  const activeUsers = useMemo(() => (users.data ?? []).filter((user) => user.active), [users.data]);
  const userOptions = useMemo(
    () =>
      [...activeUsers]
        // The chosen unit's people first.
        .sort((a, b) => Number(b.units.some((u) => u.id === unitId)) - Number(a.units.some((u) => u.id === unitId)))
        .map((user) => ({ value: user.id, label: user.units.length ? `${user.fullName} (${user.units.map((u) => u.name).join(', ')})` : user.fullName })),
    [activeUsers, unitId],
  );
  const chosenUser = activeUsers.find((user) => user.id === userId) ?? null;

  const add = useMutation({
    mutationFn: () => {
      const input: ParticipantInput =
        kind === 'unit'
          ? { kind, unitId: unitId! }
          : { kind, unitId: unitId!, userId, name: name.trim() || undefined, title: title.trim() || undefined };
      return emulationApi.addParticipant(campaign.id, input);
    },
    meta: { handlesErrors: true },
    onSuccess: async (answer) => {
      await storeCampaign(queryClient, campaign.id, answer);
      notifySuccess(t('emulation.participants.added'));
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    (): FieldProblem<(typeof FIELDS)[number]> | undefined => {
      if (!unitId) return required('unitId');
      if (kind === 'person' && !userId && !name.trim()) return ['name', t('emulation.participants.nameRequired')];
      return undefined;
    },
    () => add.mutate(),
  );

  const chooseUser = (value: string | null) => {
    setUserId(value);
    const user = activeUsers.find((item) => item.id === value);
    if (user && !unitId && user.units[0]) setUnitId(user.units[0].id);
    errors.clear('name');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ToggleButtons
          label={t('emulation.participants.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'unit', label: appliesLabel('unit') },
            { value: 'person', label: appliesLabel('person') },
          ]}
        />
        <Select
          label={kind === 'unit' ? t('emulation.participants.unit') : t('emulation.participants.personUnit')}
          data={unitOptions}
          value={unitId}
          onChange={(value) => {
            setUnitId(value);
            errors.clear('unitId');
          }}
          error={errors.errors.unitId}
          searchable
          filter={foldedFilter}
          nothingFoundMessage={t('units.none')}
          required
        />
        {kind === 'person' && (
          <>
            <Select
              label={t('emulation.participants.account')}
              description={t('emulation.participants.accountHint')}
              data={userOptions}
              value={userId}
              onChange={chooseUser}
              error={errors.errors.userId}
              searchable
              clearable
              filter={foldedFilter}
              nothingFoundMessage={t('emulation.participants.noAccount')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('emulation.participants.name')}
                description={chosenUser ? t('emulation.participants.nameFromAccount') : undefined}
                placeholder={chosenUser?.fullName}
                value={name}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  errors.clear('name');
                }}
                error={errors.errors.name}
                required={!userId}
                maxLength={200}
              />
              <TextInput
                label={t('emulation.participants.title')}
                placeholder={t('emulation.participants.titlePlaceholder')}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                error={errors.errors.title}
                maxLength={200}
              />
            </SimpleGrid>
          </>
        )}
        {kind === 'unit' && (
          <Text size="xs" c="dimmed">
            {t('emulation.participants.unitHint')}
          </Text>
        )}
        <FormActions onCancel={onClose} submitting={add.isPending} submitLabel={t('emulation.participants.add')} />
      </Stack>
    </form>
  );
}
