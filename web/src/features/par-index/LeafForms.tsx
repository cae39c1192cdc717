// The form of the stage the viewer can write now, per leaf: the commune's
// self-score (tự chấm) with note and explanation, the appraisers' points and
// comment (thẩm định lần 1, chốt điểm), the commune's explanation (giải trình).
// Each saves the one leaf; the page then shows the returned view.
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { notApplicableLabel } from './assessmentFormat';
import { assessmentApi, storeView, type EntryBody } from './assessmentQueries';
import type { AssessmentView, LeafNode, Stage } from './assessmentTypes';
import { EvidenceAdder } from './LeafEvidence';
import { draftFrom, inputFromDraft, LeafInputFields } from './LeafInputFields';

const FIELDS = ['input', 'text', 'explanation'] as const;

function useSaveEntry(view: AssessmentView, leaf: LeafNode, stage: Stage) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const save = useMutation({
    mutationFn: (body: EntryBody) => assessmentApi.saveEntry(view.id, leaf.code, stage, body),
    meta: { handlesErrors: true },
    onMutate: () => errors.clear(),
    onSuccess: (next) => {
      storeView(queryClient, next);
      notifySuccess(t('parAssessment.form.saved', { code: leaf.code }));
    },
    onError: errors.fromError,
  });
  return { errors, save };
}

function FormFrame({ title, children, onSubmit, saving }: { title: string; children: ReactNode; onSubmit: (event: FormEvent) => void; saving: boolean }) {
  return (
    <Paper withBorder p="sm" radius="sm" className="par-leaf-form no-print">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={4} size="h6">
            {title}
          </Title>
          {children}
          <Group justify="flex-end">
            <Button type="submit" loading={saving} leftSection={<Icon name="check" size={16} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Tự chấm: the leaf's own kinds of input, note, explanation, and the evidence. */
export function SelfForm({ view, leaf }: { view: AssessmentView; leaf: LeafNode }) {
  const entry = leaf.entries.self;
  const [draft, setDraft] = useState(() => draftFrom(entry?.input, leaf.inputKinds));
  // An automatic value's text says how the system computed it; a note of one's own starts empty.
  const [note, setNote] = useState(entry && !entry.automatic ? entry.text : '');
  const [explanation, setExplanation] = useState(entry?.explanation ?? '');
  const { errors, save } = useSaveEntry(view, leaf, 'self');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const built = inputFromDraft(draft);
    if ('problem' in built) return errors.set('input', built.problem);
    save.mutate({ input: built.input, text: note.trim(), explanation: explanation.trim() });
  };

  return (
    <Stack gap="sm">
      <FormFrame title={t('parAssessment.form.selfTitle')} onSubmit={submit} saving={save.isPending}>
        {entry?.automatic && (
          <Alert color="cyan" variant="light" icon={<Icon name="refresh" />} p="xs">
            <Text size="xs">{t('parAssessment.form.automaticOverride')}</Text>
          </Alert>
        )}
        <LeafInputFields
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            errors.clear('input');
          }}
          kinds={leaf.inputKinds}
          maxPoints={leaf.maxPoints}
          pointsLabel={t('parAssessment.field.selfPoints')}
          resultLabel={t('parAssessment.field.selfResult')}
          notApplicableHint={notApplicableLabel(leaf)}
          error={errors.errors.input}
          disabled={save.isPending}
        />
        <Textarea
          label={t('parAssessment.field.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.errors.text}
          autosize
          minRows={2}
          maxLength={5000}
          disabled={save.isPending}
        />
        <Textarea
          label={t('parAssessment.field.explanation')}
          description={t('parAssessment.field.explanationHint')}
          value={explanation}
          onChange={(event) => {
            setExplanation(event.currentTarget.value);
            errors.clear('explanation');
          }}
          error={errors.errors.explanation}
          autosize
          minRows={2}
          maxLength={5000}
          disabled={save.isPending}
        />
      </FormFrame>
      <EvidenceAdder view={view} leaf={leaf} stage="self" />
    </Stack>
  );
}

/**
 * Thẩm định lần 1 / chốt điểm: points (or the leaf's own input) and the
 * comment, which the server requires when the points differ from the self-score.
 * Starts from the value that counts so far, so agreeing is one click.
 */
export function AppraisalForm({ view, leaf, stage }: { view: AssessmentView; leaf: LeafNode; stage: 'round1' | 'final' }) {
  const own = leaf.entries[stage];
  const start = own?.input ?? (stage === 'final' ? leaf.entries.round1?.input : null) ?? leaf.entries.self?.input ?? null;
  const [draft, setDraft] = useState(() => {
    const initial = draftFrom(start, leaf.appraisalKinds);
    // Appraisers usually give points: start there unless a value of another kind exists.
    return start ? initial : { ...initial, kind: 'score' as const };
  });
  const [comment, setComment] = useState(own?.text ?? '');
  const { errors, save } = useSaveEntry(view, leaf, stage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const built = inputFromDraft(draft);
    if ('problem' in built) return errors.set('input', built.problem);
    save.mutate({ input: built.input, text: comment.trim() });
  };

  return (
    <FormFrame
      title={stage === 'round1' ? t('parAssessment.form.round1Title') : t('parAssessment.form.finalTitle')}
      onSubmit={submit}
      saving={save.isPending}
    >
      {!own && start && (
        <Text size="xs" c="dimmed">
          {t('parAssessment.form.prefilled')}
        </Text>
      )}
      <LeafInputFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          errors.clear('input');
        }}
        kinds={leaf.appraisalKinds}
        maxPoints={leaf.maxPoints}
        pointsLabel={t('parAssessment.field.appraisalPoints')}
        resultLabel={t('parAssessment.field.appraisalResult')}
        notApplicableHint={notApplicableLabel(leaf)}
        error={errors.errors.input}
        disabled={save.isPending}
      />
      <Textarea
        label={t('parAssessment.field.comment')}
        description={t('parAssessment.field.commentHint')}
        value={comment}
        onChange={(event) => {
          setComment(event.currentTarget.value);
          errors.clear('text');
        }}
        error={errors.errors.text}
        autosize
        minRows={2}
        maxLength={5000}
        disabled={save.isPending}
      />
    </FormFrame>
  );
}

/** Giải trình: the commune's answer to the first appraisal, with added evidence. */
export function ResponseForm({ view, leaf }: { view: AssessmentView; leaf: LeafNode }) {
  const own = leaf.entries.response;
  const [text, setText] = useState(own?.text ?? '');
  const { errors, save } = useSaveEntry(view, leaf, 'response');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    if (!text.trim()) return errors.set('text', t('common.required'));
    save.mutate({ text: text.trim() });
  };

  return (
    <Stack gap="sm">
      <FormFrame title={t('parAssessment.form.responseTitle')} onSubmit={submit} saving={save.isPending}>
        <Textarea
          label={t('parAssessment.field.response')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            errors.clear('text');
          }}
          error={errors.errors.text}
          autosize
          minRows={3}
          maxLength={5000}
          required
          withAsterisk={false}
          disabled={save.isPending}
        />
      </FormFrame>
      <EvidenceAdder view={view} leaf={leaf} stage="response" />
    </Stack>
  );
}
