import { Alert, Button, Checkbox, Group, Paper, Progress, Select, Slider, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField';
import { FileDropZone } from '../../components/FileDropZone';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { periodStateLabel } from '../../lib/status';
import type { Task } from '../../lib/types';
import { ACCEPT, checkEvidenceFiles } from './evidenceRules';
import { clearDraft, loadDraft, saveDraft } from './updateDraft';
import { useUpdateUpload, type UpdatePayload } from './useUpdateUpload';

interface UpdateFormProps {
  task: Task;
  /** Period chosen by clicking a period chip. */
  period: string | null;
  onPeriodChange: (period: string | null) => void;
}

/** The period an update most likely reports on: the current one, else the first missing one. */
export function defaultPeriod(task: Task): string | null {
  if (!task.recurrence || task.periods.length === 0) return null;
  return (
    task.periods.find((period) => period.state === 'current')?.key ??
    task.periods.find((period) => period.state === 'missing')?.key ??
    null
  );
}

/** "Cập nhật tiến độ": progress, note, date, evidence files, mark done, period. */
export function UpdateForm({ task, period, onPeriodChange }: UpdateFormProps) {
  const done = task.doneOn !== null;
  const [draftRestored] = useState(() => loadDraft(task.id));
  const [note, setNote] = useState(draftRestored?.note ?? '');
  const [progress, setProgress] = useState(draftRestored?.progress ?? task.progress);
  const [markDone, setMarkDone] = useState(draftRestored?.markDone ?? false);
  const [reopen, setReopen] = useState(false);
  const [date, setDate] = useState<string | null>(draftRestored?.date ?? todayIso());
  const [files, setFiles] = useState<File[]>([]);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [filesError, setFilesError] = useState<string | undefined>();

  useEffect(() => {
    if (draftRestored?.period) onPeriodChange(draftRestored.period);
    // Only once, when a draft was found on opening the task.
  }, [draftRestored, onPeriodChange]);

  useEffect(() => {
    if (note.trim() === '' && !markDone && progress === task.progress) {
      clearDraft(task.id);
      return;
    }
    saveDraft(task.id, { note, progress, markDone, period, date });
  }, [task.id, task.progress, note, progress, markDone, period, date]);

  const onSent = useCallback(
    (saved: Task) => {
      clearDraft(task.id);
      setNote('');
      setFiles([]);
      setMarkDone(false);
      setReopen(false);
      setProgress(saved.progress);
      notifySuccess(t('update.sent'));
    },
    [task.id],
  );
  const upload = useUpdateUpload(task.id, onSent);
  const sending = upload.state.phase === 'sending';

  const sendCurrent = () => {
    setNoteError(undefined);
    setFilesError(undefined);
    if (!note.trim()) {
      setNoteError(t('update.noteRequired'));
      return;
    }
    const fileProblem = checkEvidenceFiles(files);
    if (fileProblem) {
      setFilesError(fileProblem);
      return;
    }
    const payload: UpdatePayload = {
      date,
      progress: markDone ? 100 : progress,
      note: note.trim(),
      markDone,
      reopen,
      period: task.recurrence ? period : null,
      files,
    };
    void upload.send(payload);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    sendCurrent();
  };

  const failed = upload.state.phase === 'failed' ? upload.state.error : null;
  useEffect(() => {
    if (!failed || !isApiError(failed) || !failed.field) return;
    const field = failed.field.split('.')[0];
    if (field === 'note') setNoteError(failed.message);
    if (field === 'files') setFilesError(failed.message);
  }, [failed]);

  const periodOptions = task.periods.map((item) => ({
    value: item.key,
    label: `${item.label} · ${periodStateLabel(item.state)}`,
  }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="update-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="update-heading">
            {t('update.heading')}
          </Title>
          {draftRestored && draftRestored.note && (
            <Text size="xs" c="blue.8">
              {t('update.draftRestored')}
            </Text>
          )}
          {task.recurrence && periodOptions.length > 0 && (
            <Select
              label={t('update.period')}
              data={periodOptions}
              value={period}
              onChange={onPeriodChange}
              clearable
              disabled={sending}
            />
          )}
          <div>
            <Text size="sm" fw={500} id="update-progress-label">
              {t('update.progress')}: <b>{markDone ? 100 : progress}%</b>
            </Text>
            <Slider
              value={markDone ? 100 : progress}
              onChange={setProgress}
              min={0}
              max={100}
              step={5}
              marks={[{ value: 0 }, { value: 25 }, { value: 50 }, { value: 75 }, { value: 100 }]}
              label={(value) => `${value}%`}
              disabled={markDone || sending}
              thumbProps={{ 'aria-labelledby': 'update-progress-label' }}
              mt={4}
              mb="md"
            />
          </div>
          <Textarea
            label={t('update.note')}
            placeholder={t('update.notePlaceholder')}
            description={t('update.draftKept')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={noteError}
            autosize
            minRows={3}
            required
            disabled={sending}
          />
          <DateField label={t('update.date')} value={date} onChange={setDate} maxDate={todayIso()} clearable={false} />
          <FileDropZone
            label={t('update.files')}
            files={files}
            onChange={(next) => {
              setFiles(next);
              setFilesError(checkEvidenceFiles(next) ?? undefined);
            }}
            accept={ACCEPT}
            hint={t('update.dropRules')}
            error={filesError}
            disabled={sending}
          />
          {done && task.canEdit && (
            <Checkbox label={t('update.reopen')} checked={reopen} onChange={(event) => setReopen(event.currentTarget.checked)} disabled={sending} />
          )}
          {!done && (task.canComplete ?? true) && (
            <Checkbox
              label={t('update.markDone')}
              checked={markDone}
              onChange={(event) => setMarkDone(event.currentTarget.checked)}
              disabled={sending}
            />
          )}

          {upload.state.phase === 'sending' && (
            <Stack gap={4} role="status" aria-live="polite">
              <Text size="sm">{t('update.uploading', { percent: upload.state.percent })}</Text>
              <Progress value={upload.state.percent} animated aria-label={t('update.uploading', { percent: upload.state.percent })} />
            </Stack>
          )}
          {failed !== null && (
            <Alert color="red" title={t('update.failed')} icon={<Icon name="alert" />} role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{errorMessage(failed)}</Text>
                <Button size="xs" color="red" variant="light" leftSection={<Icon name="refresh" size={16} />} onClick={sendCurrent}>
                  {t('common.retry')}
                </Button>
              </Stack>
            </Alert>
          )}

          <Group justify="flex-end">
            {sending ? (
              <Button variant="default" onClick={upload.abort}>
                {t('update.cancelUpload')}
              </Button>
            ) : null}
            <Button type="submit" loading={sending} leftSection={<Icon name="upload" size={16} />}>
              {t('update.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
