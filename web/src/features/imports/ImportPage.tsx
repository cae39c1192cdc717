import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { FileDropZone } from '../../components/FileDropZone';
import { Icon } from '../../components/Icon';
import { EmptyText } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';
import { api, errorMessage, isApiError } from '../../lib/api';
import { invalidateWorkData } from '../../lib/invalidate';
import { planTypeLabel } from '../../lib/labels';
import { PLAN_TYPES, type Plan, type PlanType } from '../../lib/types';
import { isUploadBusy } from '../../lib/upload';
import { useMe } from '../auth/session';
import { unitsQueryOptions, useUnits } from '../org/orgQueries';
import { useCurrentOrg } from '../org/CurrentOrg';
import { useAreas } from '../reference/areas';
import { DraftTaskList } from './DraftTaskList';
import { acceptBody, taskOfField, toEditDocument, toEditTasks, unmatchedTexts, type EditDocument, type EditTask, type ImportReview, type UnitChoice } from './importDraft';
import { SourcePane } from './SourcePane';
import { UnitMappingPanel } from './UnitMappingPanel';
import { useImportUpload } from './useImportUpload';

const ACCEPT = '.txt,.md,.docx,.pdf';

/** Importing a plan document: upload, read, review beside the source, accept as a new draft plan. */
export function ImportPage() {
  const me = useMe();
  const { orgId, org } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [review, setReview] = useState<ReviewState | null>(null);
  const onRead = useCallback(
    async (data: ImportReview) => {
      const units = await queryClient.fetchQuery(unitsQueryOptions(orgId));
      setReview({ data, tasks: toEditTasks(data.draft, units), doc: toEditDocument(data.draft) });
    },
    [queryClient, orgId],
  );
  const upload = useImportUpload(orgId, onRead);

  if (!me.permissions.managePlans || org.kind !== 'commune') return <EmptyText>{t('import.notAllowed')}</EmptyText>;

  return (
    <>
      <PageTitle title={t('import.pageTitle')} subtitle={review ? review.data.filename : org.name} />
      {review ? (
        <ReviewStep
          orgId={orgId}
          review={review}
          onChange={setReview}
          onRestart={() => setReview(null)}
        />
      ) : (
        <UploadStep upload={upload} />
      )}
    </>
  );
}

function UploadStep({ upload }: { upload: ReturnType<typeof useImportUpload> }) {
  const [files, setFiles] = useState<File[]>([]);
  const file = files.at(-1) ?? null;
  const { state } = upload;
  const busy = isUploadBusy(state);
  return (
    <SectionPanel id="import-upload" title={t('import.chooseTitle')} maw={720}>
      <Stack gap="sm">
        <FileDropZone label={t('import.file')} hint={t('import.fileHint')} files={file ? [file] : []} onChange={(list) => setFiles(list.slice(-1))} accept={ACCEPT} disabled={busy} />
        <UploadProgress
          state={state}
          sendingText={(percent) => t('import.uploading', { percent })}
          progressLabel={t('import.uploadProgress')}
          processingText={t('import.reading')}
          processingTestId="import-reading"
        />
        <Group>
          <Button leftSection={<Icon name="upload" size={16} />} disabled={!file || busy} loading={busy} onClick={() => file && void upload.send(file)}>
            {t('import.read')}
          </Button>
          {state.phase === 'sending' && (
            <Button variant="default" onClick={upload.abort}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </SectionPanel>
  );
}

interface ReviewState { data: ImportReview; tasks: EditTask[]; doc: EditDocument }

function ReviewStep({ orgId, review, onChange, onRestart }: { orgId: string; review: ReviewState; onChange: (r: ReviewState) => void; onRestart: () => void }) {
  const units = useUnits(orgId);
  const areas = useAreas();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<number | null>(null);
  const [choices, setChoices] = useState<Record<string, UnitChoice>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data, tasks, doc } = review;
  const unmatched = useMemo(() => unmatchedTexts(tasks, data.draft, units), [tasks, data.draft, units]);
  const span = selected === null ? null : (data.spans[String(selected)] ?? null);
  const setDoc = (patch: Partial<EditDocument>) => onChange({ ...review, doc: { ...doc, ...patch } });

  const accept = async () => {
    setSaving(true);
    setError(null);
    try {
      const plan = await api.post<Plan>(`/api/orgs/${orgId}/imports/accept`, acceptBody(doc, tasks, data.draft, units, choices));
      await invalidateWorkData(queryClient);
      void navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    } catch (err) {
      setError(errorMessage(err));
      const index = isApiError(err) ? taskOfField(err.field) : null;
      if (index !== null) setSelected(index);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <SectionPanel id="import-document" title={t('import.document')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput label={t('import.planTitle')} value={doc.title} onChange={(e) => setDoc({ title: e.currentTarget.value })} required style={{ gridColumn: 'span 1' }} />
          <TextInput label={t('import.number')} value={doc.number} onChange={(e) => setDoc({ number: e.currentTarget.value })} />
          <NumberInput label={t('import.year')} value={doc.year ?? ''} onChange={(v) => setDoc({ year: typeof v === 'number' ? v : null })} min={2000} max={2100} allowDecimal={false} required />
          <Select label={t('import.type')} data={PLAN_TYPES.map((value) => ({ value, label: planTypeLabel(value) }))} value={doc.type} onChange={(v) => v && setDoc({ type: v as PlanType })} allowDeselect={false} />
          <TextInput label={t('import.signerName')} value={doc.signerName} onChange={(e) => setDoc({ signerName: e.currentTarget.value })} />
          <TextInput label={t('import.signerTitle')} value={doc.signerTitle} onChange={(e) => setDoc({ signerTitle: e.currentTarget.value })} />
        </SimpleGrid>
      </SectionPanel>
      <UnitMappingPanel texts={unmatched} units={units} choices={choices} onChange={(text, choice) => setChoices((c) => ({ ...c, [text]: choice }))} />
      <div className="import-review">
        <section aria-labelledby="import-source-title" className="import-review-source">
          <Text fw={700} mb={6} id="import-source-title">
            {t('import.source')}
          </Text>
          <SourcePane lines={data.sourceLines} span={span} />
        </section>
        <section aria-labelledby="import-tasks-title" className="import-review-tasks">
          <Text fw={700} mb={6} id="import-tasks-title">
            {t('import.tasks', { count: tasks.length })}
          </Text>
          <DraftTaskList
            orgId={orgId}
            tasks={tasks}
            units={units}
            areas={areas}
            selected={selected}
            onSelect={(i) => setSelected(selected === i ? null : i)}
            onChange={(i, task) => onChange({ ...review, tasks: tasks.map((x, k) => (k === i ? task : x)) })}
          />
        </section>
      </div>
      {error && (
        <Alert color="red" icon={<Icon name="alert" />} role="alert" data-testid="import-error">
          {error}
        </Alert>
      )}
      <Group className="import-actions">
        <Button leftSection={<Icon name="check" size={16} />} onClick={() => void accept()} loading={saving}>
          {t('import.accept')}
        </Button>
        <Button variant="default" onClick={onRestart} disabled={saving}>
          {t('import.restart')}
        </Button>
      </Group>
    </Stack>
  );
}
