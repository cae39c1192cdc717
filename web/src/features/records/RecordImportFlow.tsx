import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { FileDropZone } from '../../components/FileDropZone';
import { Icon } from '../../components/Icon';
import { SectionPanel } from '../../components/SectionPanel';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { isUploadBusy, useMultipartUpload } from '../../lib/upload';
import { CountTiles } from './CountTiles';
import { FileCheckResult } from './FileCheckResult';
import { KindPicker } from './KindPicker';
import { kindLabel } from './recordKinds';
import { invalidateRecords, recordApi } from './recordQueries';
import type { RecordFileCheck, RecordImportSummary, RecordKind } from './recordTypes';

const ACCEPT = '.csv,.xlsx';
const MAX_BYTES = 20 * 1024 * 1024;

type Step = { step: 'choose' } | { step: 'review'; check: RecordFileCheck } | { step: 'done'; summary: RecordImportSummary };

/**
 * Importing a one-stop export: choose the kind and the file, upload it with
 * progress, read the check (nothing written yet), confirm, see what changed.
 */
export function RecordImportFlow({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<RecordKind>('dossiers');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const onChecked = useCallback((check: RecordFileCheck) => setStep({ step: 'review', check }), []);
  const upload = useMultipartUpload<RecordFileCheck>(onChecked);

  const confirm = useMutation({
    mutationFn: (uploadId: string) => recordApi.confirm(orgId, uploadId),
    meta: { handlesErrors: true },
    onSuccess: async (summary) => {
      setStep({ step: 'done', summary });
      setFile(null);
      await invalidateRecords(queryClient);
    },
  });

  const restart = () => {
    // A cancelled check is dropped on the server at once (best effort: stale ones expire anyway).
    if (step.step === 'review' && step.check.uploadId) void recordApi.discard(orgId, step.check.uploadId).catch(() => undefined);
    confirm.reset();
    upload.reset();
    setStep({ step: 'choose' });
  };

  if (step.step === 'review') {
    return (
      <FileCheckResult
        check={step.check}
        confirming={confirm.isPending}
        confirmError={confirm.error}
        onConfirm={() => step.check.uploadId && confirm.mutate(step.check.uploadId)}
        onCancel={restart}
      />
    );
  }
  if (step.step === 'done') return <ImportDone summary={step.summary} onAgain={restart} />;

  const busy = isUploadBusy(upload.state);
  const tooLarge = file !== null && file.size > MAX_BYTES;
  const send = () => {
    if (!file || tooLarge) return;
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    void upload.send(recordApi.uploadPath(orgId), form);
  };

  return (
    <SectionPanel id="records-upload" title={t('records.uploadTitle')} maw={880}>
      <Stack gap="md">
        <KindPicker value={kind} onChange={setKind} disabled={busy} />
        <FileDropZone
          label={t('records.file')}
          hint={t('records.fileHint')}
          files={file ? [file] : []}
          onChange={(list) => {
            setFile(list.at(-1) ?? null);
            upload.reset();
          }}
          accept={ACCEPT}
          disabled={busy}
          error={tooLarge ? t('records.fileTooLarge') : undefined}
        />
        <UploadProgress
          state={upload.state}
          sendingText={(percent) => t('records.uploading', { percent })}
          progressLabel={t('records.uploadProgress')}
          processingText={t('records.checking')}
          processingTestId="records-checking"
        />
        <Group>
          <Button leftSection={<Icon name="upload" size={16} />} disabled={!file || busy || tooLarge} loading={busy} onClick={send}>
            {upload.state.phase === 'failed' ? t('records.retry') : t('records.check')}
          </Button>
          {upload.state.phase === 'sending' && (
            <Button variant="default" onClick={upload.abort}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </SectionPanel>
  );
}

/** What the import changed: new and updated records, and the targets recomputed from them. */
function ImportDone({ summary, onAgain }: { summary: RecordImportSummary; onAgain: () => void }) {
  const navigate = useNavigate();
  return (
    <SectionPanel id="records-done" title={t('records.doneTitle')} maw={880}>
      <Stack gap="sm" data-testid="record-done">
        <Alert color="green" icon={<Icon name="check" />} role="status">
          {t('records.doneText', { file: summary.fileName, kind: kindLabel(summary.kind), count: formatNumber(summary.accepted, 0) })}
          {summary.rejected > 0 && ` ${t('records.doneSkipped', { count: formatNumber(summary.rejected, 0) })}`}
        </Alert>
        <CountTiles
          cols={{ base: 2, sm: 4 }}
          tiles={[
            { testId: 'done-inserted', label: t('records.countInserted'), value: summary.inserted, color: 'teal' },
            { testId: 'done-updated', label: t('records.countUpdated'), value: summary.updated, color: 'grape' },
            { testId: 'done-target-values', label: t('records.doneTargetValues'), value: summary.targetValues, color: 'blue' },
            { testId: 'done-targets-at-risk', label: t('records.doneTargetsAtRisk'), value: summary.targetsAtRisk, color: 'orange' },
          ]}
        />
        {summary.targetsAtRisk > 0 && (
          <Text size="sm" c="orange.9">
            {t('records.doneAtRiskNote')}
          </Text>
        )}
        <Group>
          <Button leftSection={<Icon name="upload" size={16} />} onClick={onAgain}>
            {t('records.importAnother')}
          </Button>
          <Button variant="default" leftSection={<Icon name="list" size={16} />} onClick={() => void navigate({ to: '/records/monthly' })}>
            {t('records.monthlyLink')}
          </Button>
          <Button variant="default" leftSection={<Icon name="chart" size={16} />} onClick={() => void navigate({ to: '/dashboard' })}>
            {t('records.toDashboard')}
          </Button>
        </Group>
      </Stack>
    </SectionPanel>
  );
}
