// Minh chứng of an initiative: files to download and links to open, and for
// those who may edit it, a file upload with progress or a link.
import { Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { EvidenceRow } from '../../../components/EvidenceRow';
import { FileDropZone } from '../../../components/FileDropZone';
import { Icon } from '../../../components/Icon';
import { ToggleButtons } from '../../../components/ToggleButtons';
import { UploadProgress } from '../../../components/UploadProgress';
import { t } from '../../../i18n';
import { formatDate, formatFileSize } from '../../../lib/format';
import { useFormErrors } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { isUploadBusy, useMultipartUpload } from '../../../lib/upload';
import { ACCEPT, checkEvidenceFiles } from '../../tasks/evidenceRules';
import { initiativeApi, storeInitiative } from '../initiativeQueries';
import type { Initiative, InitiativeEvidence as EvidenceItem } from '../initiativeTypes';

/** What POST /api/initiatives/:id/evidence keeps at most for one initiative. */
const MAX_EVIDENCE = 10;

function EvidenceLink({ item }: { item: EvidenceItem }) {
  if (item.kind === 'link' && item.url) {
    return (
      <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="sm" lineClamp={3} title={item.url}>
        {item.label}
      </Anchor>
    );
  }
  return (
    <Anchor href={initiativeApi.evidenceHref(item.id)} target="_blank" rel="noopener" download={item.filename ?? undefined} size="sm" lineClamp={3} title={item.filename ?? item.label}>
      {item.label}
    </Anchor>
  );
}

export function EvidenceList({ initiative }: { initiative: Initiative }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (evidenceId: string) => initiativeApi.removeEvidence(evidenceId),
    onSuccess: (next) => {
      void storeInitiative(queryClient, next);
      notifySuccess(t('initiatives.evidence.removed'));
    },
  });

  if (initiative.evidence.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {initiative.can.edit ? t('initiatives.evidence.noneAdd') : t('initiatives.evidence.none')}
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ul" className="initiative-plain-list" data-testid="initiative-evidence">
      {initiative.evidence.map((item) => (
        <EvidenceRow
          key={item.id}
          icon={item.kind === 'file' ? 'file' : 'list'}
          link={<EvidenceLink item={item} />}
          details={[
            item.kind === 'file' ? (item.size !== null ? formatFileSize(item.size) : t('initiatives.evidence.kindFile')) : t('initiatives.evidence.kindLink'),
            item.addedBy,
            formatDate(item.at),
          ]}
          remove={
            initiative.can.edit
              ? {
                  ariaLabel: t('initiatives.evidence.removeNamed', { name: item.label }),
                  message: t('initiatives.evidence.removeConfirm', { name: item.label }),
                  label: t('common.delete'),
                  pending: remove.isPending && remove.variables === item.id,
                  onConfirm: () => remove.mutateAsync(item.id),
                }
              : null
          }
        />
      ))}
    </Stack>
  );
}

type AddMode = 'file' | 'link';

export function EvidenceAdder({ initiative }: { initiative: Initiative }) {
  const [mode, setMode] = useState<AddMode>('file');
  const room = MAX_EVIDENCE - initiative.evidence.length;
  return (
    <Paper withBorder p="sm" radius="sm" className="no-print">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('initiatives.evidence.add')}
        </Text>
        {room <= 0 ? (
          <Text size="sm" c="dimmed">
            {t('initiatives.evidence.full', { max: MAX_EVIDENCE })}
          </Text>
        ) : (
          <>
            <ToggleButtons
              ariaLabel={t('initiatives.evidence.addHow')}
              size="xs"
              value={mode}
              onChange={setMode}
              options={[
                { value: 'file', label: t('initiatives.evidence.modeFile') },
                { value: 'link', label: t('initiatives.evidence.modeLink') },
              ]}
            />
            {mode === 'file' ? <FileAdder initiative={initiative} room={room} /> : <LinkAdder initiative={initiative} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The chosen files go one by one (the server takes one per request); a failure stops with the rest kept for a retry. */
function FileAdder({ initiative, room }: { initiative: Initiative; room: number }) {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const sent = useRef(false);

  const onDone = useCallback(
    (next: Initiative) => {
      sent.current = true;
      void storeInitiative(queryClient, next);
    },
    [queryClient],
  );
  const upload = useMultipartUpload<Initiative>(onDone);
  const busy = isUploadBusy(upload.state);

  const choose = (next: File[]) => {
    setFiles(next);
    upload.reset();
    setProblem(next.length > room ? t('initiatives.evidence.tooMany', { room }) : checkEvidenceFiles(next));
  };

  const sendAll = async () => {
    const refused = files.length > room ? t('initiatives.evidence.tooMany', { room }) : checkEvidenceFiles(files);
    setProblem(refused);
    if (refused || files.length === 0) return;
    let count = 0;
    for (const file of files) {
      const form = new FormData();
      form.append('file', file, file.name);
      sent.current = false;
      await upload.send(initiativeApi.evidenceUploadPath(initiative.id), form);
      if (!sent.current) break;
      count += 1;
      setFiles((previous) => previous.filter((other) => other !== file));
    }
    if (count > 0) notifySuccess(t('initiatives.evidence.uploaded', { count }));
  };

  return (
    <Stack gap="xs">
      <FileDropZone
        label={t('initiatives.evidence.files')}
        files={files}
        onChange={choose}
        accept={ACCEPT}
        hint={t('initiatives.evidence.fileHint')}
        error={problem ?? undefined}
        disabled={busy}
      />
      <UploadProgress
        state={upload.state}
        sendingText={(percent) => t('initiatives.evidence.uploading', { percent })}
        progressLabel={t('initiatives.evidence.uploadProgress')}
        processingText={t('initiatives.evidence.processing')}
      />
      <Group gap="xs">
        {files.length > 0 && (
          <Button
            size="xs"
            leftSection={<Icon name={upload.state.phase === 'failed' ? 'refresh' : 'upload'} size={16} />}
            loading={busy}
            disabled={problem !== null}
            onClick={() => void sendAll()}
          >
            {upload.state.phase === 'failed' ? t('common.retry') : t('initiatives.evidence.upload', { count: files.length })}
          </Button>
        )}
        {upload.state.phase === 'sending' && (
          <Button size="xs" variant="default" onClick={upload.abort}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function LinkAdder({ initiative }: { initiative: Initiative }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const errors = useFormErrors(['url', 'label'] as const);
  const add = useMutation({
    mutationFn: () => initiativeApi.addLink(initiative.id, label.trim(), url.trim()),
    meta: { handlesErrors: true },
    onSuccess: (next) => {
      void storeInitiative(queryClient, next);
      setUrl('');
      setLabel('');
      notifySuccess(t('initiatives.evidence.linked'));
    },
    onError: errors.fromError,
  });
  const submit = () => {
    errors.clear();
    const address = url.trim();
    if (!address) return errors.set('url', t('common.required'));
    if (!/^https?:\/\/\S+$/i.test(address)) return errors.set('url', t('initiatives.evidence.urlInvalid'));
    add.mutate();
  };
  return (
    <Stack gap="xs">
      <TextInput
        label={t('initiatives.evidence.url')}
        placeholder="https://"
        type="url"
        inputMode="url"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
        error={errors.errors.url}
        required
      />
      <TextInput
        label={t('initiatives.evidence.linkLabel')}
        description={t('initiatives.evidence.linkLabelHint')}
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
        error={errors.errors.label}
      />
      <Group>
        <Button size="xs" leftSection={<Icon name="plus" size={16} />} loading={add.isPending} onClick={submit}>
          {t('initiatives.evidence.addLink')}
        </Button>
      </Group>
    </Stack>
  );
}
