// Tài liệu kiểm chứng of a leaf: the list (files to download, links to open,
// the system's plans and tasks to follow) and, while the commune may add
// them, a file upload with progress, a link, or a record of the system.
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { EvidenceRow } from '../../components/EvidenceRow';
import { Icon, type IconName } from '../../components/Icon';
import { ToggleButtons } from '../../components/ToggleButtons';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';
import { formatDate, formatFileSize } from '../../lib/format';
import { useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { isUploadBusy, useMultipartUpload } from '../../lib/upload';
import { assessmentApi, recordOptionsQueryOptions, storeView } from './assessmentQueries';
import { stageLabel } from './assessmentFormat';
import type { AssessmentView, EvidenceView, LeafNode, RecordOption } from './assessmentTypes';

/** What POST …/leaves/:code/evidence accepts. */
const EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'zip'];
const ACCEPT = EXTENSIONS.map((extension) => `.${extension}`).join(',');
const MAX_BYTES = 20 * 1024 * 1024;

function fileProblem(file: File): string | null {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!EXTENSIONS.includes(extension)) return t('parAssessment.evidence.fileType', { name: file.name });
  if (file.size > MAX_BYTES) return t('parAssessment.evidence.fileTooLarge', { name: file.name });
  return null;
}

const KIND_ICON: Record<EvidenceView['kind'], IconName> = { file: 'file', link: 'list', record: 'checklist' };

function EvidenceLink({ view, item }: { view: AssessmentView; item: EvidenceView }) {
  if (item.kind === 'file') {
    return (
      <Anchor href={assessmentApi.evidenceHref(view.id, item.id)} download={item.filename ?? undefined} size="sm" lineClamp={3} title={item.label}>
        {item.label}
      </Anchor>
    );
  }
  if (item.kind === 'link' && item.url) {
    return (
      <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="sm" lineClamp={3} title={item.label}>
        {item.label}
      </Anchor>
    );
  }
  if (item.recordType === 'plan' && item.recordId) {
    return (
      <AnchorLink to="/plans/$planId" params={{ planId: item.recordId }} size="sm" lineClamp={3} title={item.label}>
        {item.label}
      </AnchorLink>
    );
  }
  if (item.recordType === 'task' && item.recordId) {
    return (
      <AnchorLink to="/tasks/$taskId" params={{ taskId: item.recordId }} size="sm" lineClamp={3} title={item.label}>
        {item.label}
      </AnchorLink>
    );
  }
  return (
    <Text size="sm" lineClamp={3} title={item.label}>
      {item.label}
    </Text>
  );
}

/** The evidence of a leaf; a remove button on what the viewer may still take back. */
export function EvidenceList({ view, leaf }: { view: AssessmentView; leaf: LeafNode }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (evidenceId: string) => assessmentApi.removeEvidence(view.id, evidenceId),
    onSuccess: (next) => storeView(queryClient, next),
  });
  const removable = (item: EvidenceView) => (item.stage === 'self' ? view.can.selfScore : view.can.respond);

  if (leaf.evidence.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('parAssessment.evidence.none')}
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ul" className="par-evidence-list">
      {leaf.evidence.map((item) => (
        <EvidenceRow
          key={item.id}
          icon={KIND_ICON[item.kind]}
          link={<EvidenceLink view={view} item={item} />}
          details={[
            item.stage === 'response' ? stageLabel('response') : null,
            item.kind === 'file' && item.size !== null ? formatFileSize(item.size) : null,
            item.kind === 'link' ? t('parAssessment.evidence.kindLink') : null,
            item.kind === 'record' ? t('parAssessment.evidence.kindRecord') : null,
            item.addedBy,
            formatDate(item.createdAt),
          ]}
          remove={
            removable(item)
              ? {
                  ariaLabel: t('parAssessment.evidence.removeNamed', { name: item.label }),
                  message: t('parAssessment.evidence.removeConfirm', { name: item.label }),
                  label: t('parAssessment.evidence.remove'),
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

type AddMode = 'file' | 'link' | 'record';

/** Adding evidence at the stage the commune is at (self-assessment, or the explanation). */
export function EvidenceAdder({ view, leaf, stage }: { view: AssessmentView; leaf: LeafNode; stage: 'self' | 'response' }) {
  const [mode, setMode] = useState<AddMode>('file');
  return (
    <Paper withBorder p="sm" radius="sm" className="no-print">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {stage === 'response' ? t('parAssessment.evidence.addResponse') : t('parAssessment.evidence.add')}
        </Text>
        <ToggleButtons
          ariaLabel={t('parAssessment.evidence.addHow')}
          size="xs"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'file', label: t('parAssessment.evidence.modeFile') },
            { value: 'link', label: t('parAssessment.evidence.modeLink') },
            { value: 'record', label: t('parAssessment.evidence.modeRecord') },
          ]}
        />
        {mode === 'file' && <FileAdder view={view} leaf={leaf} stage={stage} />}
        {mode === 'link' && <LinkAdder view={view} leaf={leaf} stage={stage} />}
        {mode === 'record' && <RecordAdder view={view} leaf={leaf} stage={stage} />}
      </Stack>
    </Paper>
  );
}

interface AdderProps {
  view: AssessmentView;
  leaf: LeafNode;
  stage: 'self' | 'response';
}

function FileAdder({ view, leaf, stage }: AdderProps) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onDone = useCallback(
    (answer: { id: string; assessment: AssessmentView }) => {
      storeView(queryClient, answer.assessment);
      setFile(null);
      setLabel('');
      notifySuccess(t('parAssessment.evidence.uploaded'));
    },
    [queryClient],
  );
  const upload = useMultipartUpload<{ id: string; assessment: AssessmentView }>(onDone);
  const busy = isUploadBusy(upload.state);

  const send = (chosen: File) => {
    const refused = fileProblem(chosen);
    setProblem(refused);
    if (refused) return;
    const form = new FormData();
    form.append('stage', stage);
    if (label.trim()) form.append('label', label.trim());
    form.append('file', chosen, chosen.name);
    void upload.send(assessmentApi.evidenceUploadPath(view.id, leaf.code), form);
  };

  return (
    <Stack gap="xs">
      <TextInput
        label={t('parAssessment.evidence.fileLabel')}
        description={t('parAssessment.evidence.fileLabelHint')}
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
        disabled={busy}
      />
      <div>
        <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block">
          {t('parAssessment.evidence.file')}
        </Text>
        <Text size="xs" c="dimmed" id={hintId} mb={4}>
          {t('parAssessment.evidence.fileHint')}
        </Text>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-describedby={hintId}
          disabled={busy}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0] ?? null;
            event.currentTarget.value = '';
            if (!chosen) return;
            setFile(chosen);
            upload.reset();
            send(chosen);
          }}
        />
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<Icon name="upload" size={16} />} onClick={() => inputRef.current?.click()} loading={busy}>
            {t('parAssessment.evidence.chooseFile')}
          </Button>
          {file && (
            <Text size="xs" c="dimmed" truncate="end" maw={220}>
              {file.name} · {formatFileSize(file.size)}
            </Text>
          )}
        </Group>
      </div>
      {problem && (
        <Text size="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
      <UploadProgress
        state={upload.state}
        sendingText={(percent) => t('parAssessment.evidence.uploading', { percent })}
        progressLabel={t('parAssessment.evidence.uploadProgress')}
        processingText={t('parAssessment.evidence.processing')}
      />
      {upload.state.phase === 'sending' && (
        <Group>
          <Button size="xs" variant="default" onClick={upload.abort}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {upload.state.phase === 'failed' && file && (
        <Group>
          <Button size="xs" variant="light" color="red" leftSection={<Icon name="refresh" size={16} />} onClick={() => send(file)}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function LinkAdder({ view, leaf, stage }: AdderProps) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const errors = useFormErrors(['url', 'label'] as const);
  const add = useMutation({
    mutationFn: () => assessmentApi.addLink(view.id, leaf.code, { kind: 'link', stage, url: url.trim(), label: label.trim() }),
    meta: { handlesErrors: true },
    onSuccess: (answer) => {
      storeView(queryClient, answer.assessment);
      setUrl('');
      setLabel('');
      notifySuccess(t('parAssessment.evidence.linked'));
    },
    onError: errors.fromError,
  });
  const submit = () => {
    errors.clear();
    if (!url.trim()) return errors.set('url', t('common.required'));
    if (!label.trim()) return errors.set('label', t('common.required'));
    add.mutate();
  };
  return (
    <Stack gap="xs">
      <TextInput
        label={t('parAssessment.evidence.url')}
        placeholder="https://"
        type="url"
        inputMode="url"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
        error={errors.errors.url}
        required
        withAsterisk={false}
      />
      <TextInput
        label={t('parAssessment.evidence.linkLabel')}
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
        error={errors.errors.label}
        required
        withAsterisk={false}
      />
      <Group>
        <Button size="xs" leftSection={<Icon name="plus" size={16} />} loading={add.isPending} onClick={submit}>
          {t('parAssessment.evidence.addLink')}
        </Button>
      </Group>
    </Stack>
  );
}

const optionValue = (option: RecordOption) => `${option.type}:${option.id}`;

function RecordAdder({ view, leaf, stage }: AdderProps) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [picked, setPicked] = useState<RecordOption | null>(null);
  const errors = useFormErrors(['recordId'] as const);
  const options = useQuery(recordOptionsQueryOptions(view.id, debounced.trim()));
  const found = options.data ?? [];
  // The chosen record stays an option while the list follows the search text.
  const listed = picked && !found.some((option) => optionValue(option) === optionValue(picked)) ? [picked, ...found] : found;
  const data = listed.map((option) => ({ value: optionValue(option), label: option.label }));

  const add = useMutation({
    mutationFn: (option: RecordOption) =>
      assessmentApi.addLink(view.id, leaf.code, { kind: 'record', stage, recordType: option.type, recordId: option.id }),
    meta: { handlesErrors: true },
    onSuccess: (answer) => {
      storeView(queryClient, answer.assessment);
      setPicked(null);
      setSearch('');
      notifySuccess(t('parAssessment.evidence.linked'));
    },
    onError: errors.fromError,
  });

  return (
    <Stack gap="xs">
      <Select
        label={t('parAssessment.evidence.record')}
        description={t('parAssessment.evidence.recordHint', { year: view.year })}
        placeholder={t('parAssessment.evidence.recordPlaceholder')}
        searchable
        clearable
        data={data}
        value={picked ? optionValue(picked) : null}
        onChange={(value) => {
          setPicked(listed.find((option) => optionValue(option) === value) ?? null);
          errors.clear();
        }}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={options.isFetching ? t('common.loading') : t('parAssessment.evidence.recordNone')}
        error={errors.errors.recordId}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={260}
      />
      {options.isError && (
        <Alert color="red" icon={<Icon name="alert" />}>
          {t('error.loadFailed')}
        </Alert>
      )}
      <Group>
        <Button size="xs" leftSection={<Icon name="plus" size={16} />} disabled={!picked} loading={add.isPending} onClick={() => picked && add.mutate(picked)}>
          {t('parAssessment.evidence.addRecord')}
        </Button>
      </Group>
    </Stack>
  );
}
