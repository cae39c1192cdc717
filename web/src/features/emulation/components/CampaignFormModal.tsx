// A campaign's name and period: created in a commune for a year, or edited.
import { SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { FormModal } from '../../../components/FormModal';
import { t } from '../../../i18n';
import { checkedSubmit, required, useFormErrors, type FieldProblem } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { emulationApi, invalidateCampaigns, storeCampaign } from '../emulationQueries';
import type { Campaign } from '../emulationTypes';

const FIELDS = ['title', 'periodFrom', 'periodTo'] as const;

interface CampaignFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Create in this commune for this year … */
  orgId?: string;
  year?: number;
  /** … or edit this campaign. */
  campaign?: Campaign;
  onSaved?: (campaign: { id: string }) => void;
}

export function CampaignFormModal({ opened, onClose, ...props }: CampaignFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={props.campaign ? t('emulation.form.editTitle') : t('emulation.form.createTitle')} size="lg">
      <CampaignForm onClose={onClose} {...props} />
    </FormModal>
  );
}

function CampaignForm({ orgId, year, campaign, onClose, onSaved }: Omit<CampaignFormModalProps, 'opened'>) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const theYear = campaign?.year ?? year ?? new Date().getFullYear();
  const [title, setTitle] = useState(campaign?.title ?? '');
  const [periodFrom, setPeriodFrom] = useState<string | null>(campaign?.periodFrom ?? `${theYear}-01-01`);
  const [periodTo, setPeriodTo] = useState<string | null>(campaign?.periodTo ?? `${theYear}-12-31`);

  const mutation = useMutation({
    mutationFn: async () => {
      const input = { title: title.trim(), periodFrom: periodFrom!, periodTo: periodTo! };
      if (campaign) return emulationApi.update(campaign.id, input);
      return emulationApi.create(orgId!, { ...input, year: theYear });
    },
    meta: { handlesErrors: true },
    onSuccess: async (answer) => {
      if (campaign) {
        await storeCampaign(queryClient, campaign.id, answer);
        notifySuccess(t('notify.saved'));
      } else {
        await invalidateCampaigns(queryClient);
        notifySuccess(t('emulation.form.created'));
        onSaved?.(answer as Campaign);
      }
      onClose();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    (): FieldProblem<(typeof FIELDS)[number]> | undefined => {
      if (!title.trim()) return required('title');
      if (!periodFrom) return required('periodFrom');
      if (!periodTo) return required('periodTo');
      if (periodTo < periodFrom) return ['periodTo', t('emulation.form.periodOrder')];
      return undefined;
    },
    () => mutation.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('emulation.form.title')}
          placeholder={t('emulation.form.titlePlaceholder', { year: theYear })}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.errors.title}
          autosize
          minRows={2}
          required
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('emulation.form.periodFrom')} value={periodFrom} onChange={setPeriodFrom} error={errors.errors.periodFrom} required clearable={false} />
          <DateField label={t('emulation.form.periodTo')} value={periodTo} onChange={setPeriodTo} error={errors.errors.periodTo} required clearable={false} />
        </SimpleGrid>
        {!campaign && (
          <Text size="xs" c="dimmed">
            {t('emulation.form.nextHint')}
          </Text>
        )}
        <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={campaign ? t('common.save') : t('emulation.create')} />
      </Stack>
    </form>
  );
}
