// One cell of the results opened: the outcome and its explanation, the rule,
// the records counted (those that fail first, each marked with a sign and a
// word and linked to its page), and for a judged criterion the judgment with
// its note — given or changed here by the focal point or the chairman.
import { Button, Drawer, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AnchorLink } from '../../../components/AnchorLink';
import { t, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { checkedSubmit, required, useFormErrors, type FieldProblem } from '../../../lib/formErrors';
import { notifySuccess } from '../../../lib/notify';
import { criterionRule, emulationApi, personLine, storeCampaign, valueText } from '../emulationQueries';
import type { Campaign, Criterion, CriterionResult, Participant, ResultRecord } from '../emulationTypes';
import { OutcomeBadge } from './EmulationBadges';
// The app's stylesheet lists only the Mantine components it uses; the drawer brings its own.
import '@mantine/core/styles/Drawer.css';

export interface CellSelection {
  participantId: string;
  criterionId: string;
  /** Opened from the cell's "Đánh giá" button: the form gets the focus. */
  judge: boolean;
}

const RECORD_KIND: Record<ResultRecord['kind'], MessageKey> = {
  task: 'emulation.record.task',
  initiative: 'emulation.record.initiative',
  finding: 'emulation.record.finding',
};

export function ResultDrawer({ campaign, selection, opened, onClose }: { campaign: Campaign; selection: CellSelection | null; opened: boolean; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const participant = selection ? campaign.participants.find((p) => p.id === selection.participantId) : undefined;
  const criterion = selection ? campaign.criteria.find((c) => c.id === selection.criterionId) : undefined;
  const result = participant && criterion ? participant.results.find((r) => r.criterionId === criterion.id) : undefined;
  const shown = Boolean(participant && criterion && result);

  return (
    <Drawer
      opened={opened && shown}
      onClose={onClose}
      position={phone ? 'bottom' : 'right'}
      size={phone ? '90%' : 'lg'}
      title={criterion?.label}
      closeButtonProps={{ 'aria-label': t('emulation.drawer.close') }}
    >
      {participant && criterion && result && (
        <CellDetails key={`${participant.id}-${criterion.id}`} campaign={campaign} participant={participant} criterion={criterion} result={result} focusJudge={selection?.judge ?? false} />
      )}
    </Drawer>
  );
}

function CellDetails({
  campaign,
  participant,
  criterion,
  result,
  focusJudge,
}: {
  campaign: Campaign;
  participant: Participant;
  criterion: Criterion;
  result: CriterionResult;
  focusJudge: boolean;
}) {
  const value = criterion.source.kind === 'computed' ? valueText(result.value, criterion.unit) : null;
  const judgeable = criterion.source.kind === 'judged' && campaign.can.judge && campaign.status === 'open';

  return (
    <Stack gap="md" data-testid="result-details" data-outcome={result.outcome}>
      <div>
        <Text size="sm" fw={700}>
          {participant.name}
        </Text>
        {participant.kind === 'person' && (
          <Text size="xs" c="dimmed">
            {personLine(participant)}
          </Text>
        )}
      </div>
      <Group gap="sm">
        <OutcomeBadge outcome={result.outcome} />
        {value !== null && (
          <Text size="sm" fw={700}>
            {value}
          </Text>
        )}
      </Group>
      {/* A judgment's text is its note, shown with who gave it below. */}
      {!(criterion.source.kind === 'judged' && result.judgment) && (
        <Text size="sm" data-testid="result-text">
          {result.text}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {criterionRule(criterion, campaign.cutOff)}
      </Text>
      {result.judgment && (
        <Paper withBorder p="sm" data-testid="result-judgment">
          <Text size="xs" c="dimmed">
            {t('emulation.judge.givenBy', { by: result.judgment.by ?? t('common.dash'), at: formatDateTime(result.judgment.at) })}
          </Text>
          <Text size="sm" fw={600}>
            {result.judgment.met ? t('emulation.outcome.met') : t('emulation.outcome.missed')}
          </Text>
          <Text size="sm" className="emu-pre">
            {result.judgment.note}
          </Text>
        </Paper>
      )}
      {judgeable && <JudgeForm campaign={campaign} participant={participant} criterion={criterion} result={result} autoFocus={focusJudge} />}
      {criterion.source.kind === 'judged' && !judgeable && !result.judgment && (
        <Text size="sm" c="dimmed">
          {t('emulation.judge.whoJudges')}
        </Text>
      )}
      {criterion.source.kind === 'computed' && <RecordList records={result.records} year={campaign.year} />}
    </Stack>
  );
}

function RecordList({ records, year }: { records: ResultRecord[]; year: number }) {
  if (records.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('emulation.record.none')}
      </Text>
    );
  }
  const sorted = [...records].sort((a, b) => Number(a.ok) - Number(b.ok));
  const failing = records.filter((record) => !record.ok).length;
  return (
    <section aria-labelledby="result-records">
      <Text size="sm" fw={700} id="result-records" mb={4}>
        {t('emulation.record.title', { total: records.length, failing })}
      </Text>
      <ul className="emu-records">
        {sorted.map((record) => (
          <li key={`${record.kind}-${record.id}`} data-ok={record.ok} data-testid="result-record">
            <span className={record.ok ? 'emu-record-mark emu-ok' : 'emu-record-mark emu-fail'}>
              <span aria-hidden="true">{record.ok ? '✓' : '✗'}</span> {record.ok ? t('emulation.record.ok') : t('emulation.record.fail')}
            </span>
            <span className="emu-record-body">
              <Text span size="xs" c="dimmed">
                {t(RECORD_KIND[record.kind])}:{' '}
              </Text>
              <RecordLink record={record} year={year} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Each record on its own page: the task, the initiative opened in the year's list, the finding opened beside its inspection. */
function RecordLink({ record, year }: { record: ResultRecord; year: number }) {
  if (record.kind === 'task') {
    return (
      <AnchorLink to="/tasks/$taskId" params={{ taskId: record.id }} size="sm">
        {record.label}
      </AnchorLink>
    );
  }
  if (record.kind === 'initiative') {
    return (
      <AnchorLink to="/sang-kien" search={{ year, initiative: record.id }} size="sm">
        {record.label}
      </AnchorLink>
    );
  }
  if (record.inspectionId) {
    return (
      <AnchorLink to="/kiem-tra/$inspectionId" params={{ inspectionId: record.inspectionId }} search={{ finding: record.id }} size="sm">
        {record.label}
      </AnchorLink>
    );
  }
  return (
    <Text span size="sm">
      {record.label}
    </Text>
  );
}

const JUDGE_FIELDS = ['met', 'note'] as const;
const NOTE_MIN = 3;

function JudgeForm({
  campaign,
  participant,
  criterion,
  result,
  autoFocus,
}: {
  campaign: Campaign;
  participant: Participant;
  criterion: Criterion;
  result: CriterionResult;
  autoFocus: boolean;
}) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(JUDGE_FIELDS);
  const [met, setMet] = useState<'met' | 'missed' | null>(result.judgment ? (result.judgment.met ? 'met' : 'missed') : null);
  const [note, setNote] = useState(result.judgment?.note ?? '');
  const save = useMutation({
    mutationFn: () => emulationApi.judge(campaign.id, { participantId: participant.id, criterionId: criterion.id, met: met === 'met', note: note.trim() }),
    meta: { handlesErrors: true },
    onSuccess: async (answer) => {
      await storeCampaign(queryClient, campaign.id, answer);
      notifySuccess(t('emulation.judge.saved'));
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    (): FieldProblem<(typeof JUDGE_FIELDS)[number]> | undefined => {
      if (!met) return required('met');
      if (note.trim().length < NOTE_MIN) return ['note', t('emulation.judge.noteShort', { min: NOTE_MIN })];
      return undefined;
    },
    () => save.mutate(),
  );

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={t('emulation.judge.formLabel')} data-testid="judge-form">
      <Stack gap="sm">
        <Radio.Group label={t('emulation.judge.result')} value={met} onChange={(value) => setMet(value as 'met' | 'missed')} error={errors.errors.met} required>
          <Group gap="lg" mt={4}>
            <Radio value="met" label={t('emulation.outcome.met')} data-autofocus={autoFocus || undefined} />
            <Radio value="missed" label={t('emulation.outcome.missed')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('emulation.judge.note')}
          description={t('emulation.judge.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.errors.note}
          autosize
          minRows={2}
          required
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('emulation.judge.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
