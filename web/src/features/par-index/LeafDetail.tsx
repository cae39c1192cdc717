// One leaf opened: the decision's text, what to attach, the value of each
// stage the viewer sees (with who and when), why points were lost, the
// evidence, the history, and the form of the stage the viewer can write now.
import { Alert, Badge, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { formatPoints, methodLabel, notApplicableLabel, ruleLabel, stageLabel } from './assessmentFormat';
import type { AssessmentView, LeafEntryView, LeafNode, Stage } from './assessmentTypes';
import { EvidenceList } from './LeafEvidence';
import { AppraisalForm, ResponseForm, SelfForm } from './LeafForms';
import { LeafHistoryButton } from './LeafHistory';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" className="pre-line">
        {children}
      </Text>
    </div>
  );
}

const TEXT_LABEL: Record<Stage, () => string> = {
  self: () => t('parAssessment.field.note'),
  round1: () => t('parAssessment.field.comment'),
  final: () => t('parAssessment.field.comment'),
  response: () => t('parAssessment.field.response'),
};

function StageValue({ stage, entry, counts, closed }: { stage: Stage; entry: LeafEntryView | null; counts: boolean; closed: boolean }) {
  return (
    <Paper withBorder p="xs" radius="sm" className="par-stage-value" data-stage={stage} data-counts={counts || undefined}>
      <Group gap={6} justify="space-between" align="flex-start" wrap="wrap">
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {stageLabel(stage)}
          </Text>
          {entry?.automatic && (
            <Badge size="xs" variant="light" color="cyan" leftSection={<Icon name="refresh" size={12} />}>
              {t('parAssessment.from.automatic')}
            </Badge>
          )}
          {counts && (
            <Badge size="xs" variant="light" color="green" leftSection={<Icon name="check" size={12} />}>
              {t('parAssessment.detail.counts')}
            </Badge>
          )}
        </Group>
        {entry && (
          <Text size="xs" c="dimmed">
            {[entry.by ?? (entry.automatic ? t('parAssessment.history.system') : null), formatDateTime(entry.at)].filter(Boolean).join(' · ')}
          </Text>
        )}
      </Group>
      {entry ? (
        <Stack gap={4} mt={4}>
          {entry.display && (
            <Text size="sm" fw={600}>
              {entry.display}
            </Text>
          )}
          {entry.text && (
            <Field label={entry.automatic ? t('parAssessment.detail.howComputed') : TEXT_LABEL[stage]()}>{entry.text}</Field>
          )}
          {entry.explanation && <Field label={t('parAssessment.field.explanation')}>{entry.explanation}</Field>}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          {closed ? t('parAssessment.detail.unchanged') : t('parAssessment.detail.noValue')}
        </Text>
      )}
    </Paper>
  );
}

/** A stage whose value is due by now, shown as "Chưa có" while empty. */
function expected(view: AssessmentView, leaf: LeafNode, stage: Stage): boolean {
  switch (stage) {
    case 'self':
      return leaf.selfScored;
    case 'round1':
      return view.status !== 'draft';
    case 'final':
      return view.status === 'round1' || view.status === 'explained' || view.status === 'final';
    case 'response':
      return false;
  }
}

export function LeafDetail({ view, leaf, panelId }: { view: AssessmentView; leaf: LeafNode; panelId: string }) {
  const stages = view.stages.map((s) => s.stage).filter((stage) => leaf.entries[stage] || expected(view, leaf, stage));

  const form = (() => {
    if (view.can.selfScore && leaf.selfScored) return <SelfForm view={view} leaf={leaf} />;
    if (view.can.appraiseRound1) return <AppraisalForm view={view} leaf={leaf} stage="round1" />;
    if (view.can.appraiseFinal) return <AppraisalForm view={view} leaf={leaf} stage="final" />;
    if (view.can.respond) return <ResponseForm view={view} leaf={leaf} />;
    return null;
  })();

  const info = (
    <Stack gap="sm">
      {leaf.why && leaf.lost > 0 && (
        <Alert color="orange" variant="light" icon={<Icon name="alert" />} title={t('parAssessment.detail.why', { lost: formatPoints(leaf.lost) })} p="xs">
          <Text size="sm">{leaf.why}</Text>
        </Alert>
      )}
      <Stack gap={6}>
        {stages.map((stage) => (
          <StageValue
            key={stage}
            stage={stage}
            entry={leaf.entries[stage]}
            counts={leaf.countingStage === stage}
            closed={(stage === 'round1' && view.steps.round1 !== null) || (stage === 'final' && view.steps.final !== null)}
          />
        ))}
      </Stack>
      <Field label={t('parAssessment.detail.ruleText')}>{leaf.ruleText || t('common.dash')}</Field>
      <Group gap="lg" align="flex-start">
        <Field label={t('parAssessment.detail.maxPoints')}>{formatPoints(leaf.maxPoints)}</Field>
        <Field label={t('parAssessment.detail.method')}>{methodLabel(leaf)}</Field>
        {leaf.rule && <Field label={t('parAssessment.detail.rule')}>{ruleLabel(leaf)}</Field>}
        {leaf.notApplicable && <Field label={t('parAssessment.detail.notApplicable')}>{notApplicableLabel(leaf)}</Field>}
      </Group>
      {leaf.evidenceHint && <Field label={t('parAssessment.detail.evidenceHint')}>{leaf.evidenceHint}</Field>}
      <div>
        <Group justify="space-between" gap="xs" mb={4}>
          <Text size="xs" c="dimmed">
            {t('parAssessment.detail.evidence', { count: leaf.evidence.length })}
          </Text>
          <LeafHistoryButton assessmentId={view.id} leaf={leaf} />
        </Group>
        <EvidenceList view={view} leaf={leaf} />
      </div>
    </Stack>
  );

  return (
    <div id={panelId} className="par-leaf-detail" role="region" aria-label={t('parAssessment.detail.region', { code: leaf.code })}>
      {form ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>{info}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>{form}</Grid.Col>
        </Grid>
      ) : (
        info
      )}
    </div>
  );
}
