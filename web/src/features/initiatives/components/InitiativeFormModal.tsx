// "Đăng ký sáng kiến" and "Sửa sáng kiến": title, summary, unit (an officer
// picks among the units they may register for), authors, date submitted.
import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { FormModal } from '../../../components/FormModal';
import { foldedFilter } from '../../../components/selectFilter';
import { t } from '../../../i18n';
import { todayIso } from '../../../lib/format';
import { checkedSubmit, required, useFormErrors, type FieldProblem } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { usersQueryOptions } from '../../admin/adminQueries';
import { useMe } from '../../auth/session';
import { useUnits } from '../../org/orgQueries';
import { initiativeApi, storeInitiative } from '../initiativeQueries';
import type { Initiative, InitiativeAuthor, InitiativePatch, InitiativeYear } from '../initiativeTypes';
import { AuthorRows, newAuthorRow, type AuthorRow } from './AuthorRows';

const FIELDS = ['title', 'summary', 'unitId', 'authors', 'submittedOn'] as const;

interface InitiativeFormModalProps {
  opened: boolean;
  onClose: () => void;
  view: InitiativeYear;
  /** The initiative being edited; null to register a new one. */
  initiative: Initiative | null;
  onSaved?: (initiative: Initiative) => void;
}

export function InitiativeFormModal({ opened, onClose, view, initiative, onSaved }: InitiativeFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={initiative ? t('initiatives.form.editTitle') : t('initiatives.form.registerTitle', { year: view.year })} size="lg">
      <InitiativeForm view={view} initiative={initiative} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function sameAuthors(a: InitiativeAuthor[], b: InitiativeAuthor[]): boolean {
  return a.length === b.length && a.every((author, i) => author.name === b[i].name && author.userId === b[i].userId);
}

function InitiativeForm({ view, initiative, onClose, onSaved }: Omit<InitiativeFormModalProps, 'opened'>) {
  const me = useMe();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const units = useUnits(view.orgId);
  // The account list is open to those who manage the commune's accounts; others type names only.
  const usersQuery = useQuery({ ...usersQueryOptions(view.orgId), enabled: me.permissions.manageUsers });
  const users = usersQuery.data ?? null;

  const [title, setTitle] = useState(initiative?.title ?? '');
  const [summary, setSummary] = useState(initiative?.summary ?? '');
  const onlyUnit = view.can.registerUnitIds.length === 1 ? view.can.registerUnitIds[0] : null;
  const [unitId, setUnitId] = useState<string | null>(initiative?.unit.id ?? onlyUnit);
  const [authors, setAuthors] = useState<AuthorRow[]>(() =>
    initiative && initiative.authors.length > 0 ? initiative.authors.map((author) => newAuthorRow(author.name, author.userId)) : [newAuthorRow()],
  );
  const [submittedOn, setSubmittedOn] = useState<string | null>(initiative?.submittedOn ?? todayIso());

  // Only the focal point moves an initiative to another unit (the same flag as changing its status).
  const unitEditable = !initiative || initiative.can.changeStatus;
  const unitOptions = useMemo(() => {
    const names = new Map<string, string>();
    for (const unit of units) names.set(unit.id, unit.name);
    for (const row of view.byUnit) names.set(row.unit.id, row.unit.name);
    const ids = new Set(view.can.registerUnitIds);
    if (initiative) ids.add(initiative.unit.id);
    if (initiative) names.set(initiative.unit.id, initiative.unit.name);
    return [...ids].filter((id) => names.has(id)).map((id) => ({ value: id, label: names.get(id)! }));
  }, [units, view.byUnit, view.can.registerUnitIds, initiative]);

  const save = useMutation({
    mutationFn: (): Promise<Initiative> => {
      const cleanAuthors = authors.filter((row) => row.name.trim()).map((row) => ({ name: row.name.trim(), userId: row.userId }));
      if (!initiative) {
        return initiativeApi.register(view.orgId, {
          year: view.year,
          title: title.trim(),
          summary: summary.trim(),
          unitId: unitId!,
          authors: cleanAuthors,
          submittedOn: submittedOn!,
        });
      }
      // Only what changed: an officer may not send the unit, even unchanged.
      const patch: InitiativePatch = {};
      if (title.trim() !== initiative.title) patch.title = title.trim();
      if (summary.trim() !== initiative.summary) patch.summary = summary.trim();
      if (unitEditable && unitId && unitId !== initiative.unit.id) patch.unitId = unitId;
      if (!sameAuthors(cleanAuthors, initiative.authors)) patch.authors = cleanAuthors;
      if (submittedOn && submittedOn !== initiative.submittedOn) patch.submittedOn = submittedOn;
      return Object.keys(patch).length > 0 ? initiativeApi.update(initiative.id, patch) : Promise.resolve(initiative);
    },
    meta: { handlesErrors: true },
    onSuccess: (saved) => {
      void storeInitiative(queryClient, saved);
      notifySuccess(initiative ? t('initiatives.form.saved') : t('initiatives.form.registered'));
      onSaved?.(saved);
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    (): FieldProblem<(typeof FIELDS)[number]> | undefined => {
      if (!title.trim()) return required('title');
      if (!unitId) return required('unitId');
      if (!authors.some((row) => row.name.trim())) return ['authors', t('initiatives.form.authorsRequired')] as const;
      if (!submittedOn) return required('submittedOn');
      return undefined;
    },
    () => save.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('initiatives.form.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.errors.title}
          required
          data-autofocus
        />
        <Textarea
          label={t('initiatives.form.summary')}
          description={t('initiatives.form.summaryHint')}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={errors.errors.summary}
          autosize
          minRows={3}
          maxRows={10}
        />
        {unitEditable ? (
          <Select
            label={t('initiatives.form.unit')}
            description={view.can.manage ? undefined : t('initiatives.form.unitHintOfficer')}
            placeholder={t('initiatives.form.unitPick')}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            error={errors.errors.unitId}
            searchable
            filter={foldedFilter}
            nothingFoundMessage={t('units.none')}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <div>
            <Text size="sm" fw={500}>
              {t('initiatives.form.unit')}
            </Text>
            <Text size="sm">{initiative?.unit.name}</Text>
          </div>
        )}
        <AuthorRows rows={authors} onChange={setAuthors} users={users} error={errors.errors.authors} />
        <DateField
          label={t('initiatives.form.submittedOn')}
          value={submittedOn}
          onChange={setSubmittedOn}
          error={errors.errors.submittedOn}
          maxDate={todayIso()}
          required
          clearable={false}
        />
        <FormActions onCancel={onClose} submitting={save.isPending} submitLabel={initiative ? undefined : t('initiatives.form.register')} />
      </Stack>
    </form>
  );
}
