// Trang công khai: what the commune publishes on its public page, chosen by
// the chairman or the focal point, with a link to see the page as citizens do.
import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { PageTitle } from '../../components/PageTitle';
import { LoadError, PageLoading } from '../../components/PageState';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCurrentOrg } from '../org/CurrentOrg';
import { publicPageSettingsQueryOptions, useSavePublicPageSettings, type PublicPageSettings, type PublicPageSettingsInput } from './publicCommuneQueries';

export function PublicPageSettingsPage() {
  const { orgId, org } = useCurrentOrg();
  const settings = useQuery({ ...publicPageSettingsQueryOptions(orgId), enabled: org.kind === 'commune' });
  return (
    <>
      <PageTitle title={t('publicSettings.title')} subtitle={t('publicSettings.subtitle', { name: org.name })} />
      {org.kind !== 'commune' ? (
        <Alert color="gray" icon={<Icon name="alert" />}>{t('publicSettings.communeOnly')}</Alert>
      ) : settings.isPending ? (
        <PageLoading />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.updatedAt ?? 'default'} orgId={orgId} settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ orgId, settings }: { orgId: string; settings: PublicPageSettings }) {
  const [form, setForm] = useState<PublicPageSettingsInput>({ publishPlan: settings.publishPlan, publishTargets: settings.publishTargets, publishIndicators: settings.publishIndicators, intro: settings.intro });
  useEffect(() => setForm({ publishPlan: settings.publishPlan, publishTargets: settings.publishTargets, publishIndicators: settings.publishIndicators, intro: settings.intro }), [settings]);
  const save = useSavePublicPageSettings(orgId);
  const readOnly = !settings.canEdit;
  const submit = () =>
    save.mutate({ ...form, intro: form.intro?.trim() ? form.intro : null }, { onSuccess: () => notifySuccess(t('publicSettings.saved')), onError: notifyError });

  return (
    <Paper withBorder p="md" maw={720}>
      <Stack gap="md">
        <Group gap="xs">
          <Icon name="file" />
          <Anchor href={settings.pageUrl} target="_blank" rel="noopener" data-testid="public-page-link">
            {t('publicSettings.preview')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {window.location.origin}
            {settings.pageUrl}
          </Text>
        </Group>
        <Checkbox label={t('publicSettings.plan')} description={t('publicSettings.planHint')} checked={form.publishPlan} disabled={readOnly} onChange={(e) => setForm({ ...form, publishPlan: e.currentTarget.checked })} />
        <Checkbox label={t('publicSettings.targets')} checked={form.publishTargets} disabled={readOnly || !form.publishPlan} onChange={(e) => setForm({ ...form, publishTargets: e.currentTarget.checked })} />
        <Checkbox label={t('publicSettings.indicators')} description={t('publicSettings.indicatorsHint')} checked={form.publishIndicators} disabled={readOnly} onChange={(e) => setForm({ ...form, publishIndicators: e.currentTarget.checked })} />
        <Textarea label={t('publicSettings.intro')} description={t('publicSettings.introHint')} autosize minRows={3} maxLength={2000} value={form.intro ?? ''} readOnly={readOnly} onChange={(e) => setForm({ ...form, intro: e.currentTarget.value })} />
        <Text size="xs" c="dimmed">{t('publicSettings.private')}</Text>
        {readOnly ? (
          <Text size="sm" c="dimmed">{t('publicSettings.readOnly')}</Text>
        ) : (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">{settings.updatedAt ? t('publicSettings.updated', { at: formatDateTime(settings.updatedAt) }) : ''}</Text>
            <Button onClick={submit} loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
