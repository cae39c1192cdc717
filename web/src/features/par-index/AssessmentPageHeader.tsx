// The head of the assessment page: commune, year, criteria set (with a
// warning when it is the example set), status, and the steps of the process
// with who did each and when.
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { TagBadge } from '../../components/TagBadge';
import { t, type MessageKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { AssessmentView, Step } from './assessmentTypes';
import { PAR_STATUS_LOOK, parStatusLabel } from './parQueries';

interface StepItem {
  key: string;
  label: MessageKey;
  done: boolean;
  step: Step | null;
}

function stepsOf(view: AssessmentView): StepItem[] {
  const { steps } = view;
  return [
    { key: 'self', label: 'parAssessment.step.self', done: view.status !== 'draft', step: null },
    { key: 'submitted', label: 'parAssessment.step.submitted', done: steps.submitted !== null, step: steps.submitted },
    { key: 'round1', label: 'parAssessment.step.round1', done: steps.round1 !== null, step: steps.round1 },
    { key: 'explained', label: 'parAssessment.step.explained', done: steps.explained !== null, step: steps.explained },
    { key: 'final', label: 'parAssessment.step.final', done: steps.final !== null, step: steps.final },
  ];
}

/** The five steps as an ordered list: done ones with who and when, the current one marked. */
function ProcessSteps({ view }: { view: AssessmentView }) {
  const items = stepsOf(view);
  const current = items.findIndex((item) => !item.done);
  return (
    <ol className="steps par-steps" aria-label={t('parAssessment.step.label')}>
      {items.map((item, index) => {
        const state = item.done ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li key={item.key} className="step" data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {item.done ? <Icon name="check" size={14} /> : index + 1}
            </span>
            <span className="step-body">
              <Text size="sm" fw={600} component="span" display="block">
                {t(item.label)}
              </Text>
              <Text size="xs" c="dimmed" component="span" display="block">
                {item.step
                  ? [item.step.by, formatDate(item.step.at)].filter(Boolean).join(' · ')
                  : state === 'current'
                    ? t('parAssessment.step.current')
                    : state === 'done'
                      ? t('parAssessment.step.done')
                      : t('parAssessment.step.todo')}
              </Text>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function AssessmentPageHeader({ view, actions }: { view: AssessmentView; actions?: ReactNode }) {
  const look = PAR_STATUS_LOOK[view.status];
  const legal = view.set.legalRef;
  return (
    <Paper withBorder p="md" component="header" className="par-header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={6} style={{ flex: '1 1 420px', minWidth: 0 }}>
            <Group gap="xs">
              <TagBadge color={look.color} icon={look.icon} label={parStatusLabel(view.status, true)} size="lg" testId="assessment-status" state={view.status} />
              {view.set.isExample && (
                <Badge color="orange" variant="filled" leftSection={<Icon name="alert" size={14} />} data-testid="example-set">
                  {t('parAssessment.exampleSet')}
                </Badge>
              )}
            </Group>
            <Title order={1} size="h3">
              {t('parAssessment.title', { org: view.org.name, year: view.year })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('parAssessment.setLine', { label: view.set.label, version: view.set.version })}
              {legal &&
                ` · ${t('parAssessment.legalRef', { number: legal.number })}${legal.date ? ` ${t('parAssessment.legalDate', { date: formatDate(legal.date) })}` : ''}`}
            </Text>
          </Stack>
          {actions}
        </Group>
        {view.set.isExample && (
          <Alert color="orange" variant="light" icon={<Icon name="alert" />} p="xs">
            <Text size="sm">{t('parAssessment.exampleWarning')}</Text>
          </Alert>
        )}
        <ProcessSteps view={view} />
      </Stack>
    </Paper>
  );
}
