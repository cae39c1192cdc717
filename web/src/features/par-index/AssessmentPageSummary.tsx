// The result at a glance: total of the maximum, percentage, class, rank,
// survey points, and last year's result with the change.
import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import { formatPoints } from './assessmentFormat';
import type { AssessmentView } from './assessmentTypes';
import { classLook } from './parQueries';

function Tile({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="par-tile" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} component="div">
        {children}
      </Text>
    </div>
  );
}

/** "+1,25 điểm %" / "−3,5 điểm %": the sign and the words carry it, the colour only adds to them. */
function Change({ value }: { value: number }) {
  const up = value > 0;
  const same = Math.abs(value) < 0.005;
  const text = same ? t('parAssessment.summary.same') : `${up ? '+' : '−'}${formatNumber(Math.abs(value), 2)}`;
  return (
    <Text span size="sm" fw={600} c={same ? 'dimmed' : up ? 'green.8' : 'red.8'} data-testid="percent-change">
      {text}
      {!same && ` ${t('parAssessment.summary.percentPoints')}`}
    </Text>
  );
}

export function AssessmentPageSummary({ view }: { view: AssessmentView }) {
  const { result, previous, rank } = view;
  const look = classLook(result.className);
  const provisional = view.status !== 'final';
  const change = previous && previous.percent !== null && result.percent !== null ? result.percent - previous.percent : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="par-summary-title">
      <Group justify="space-between" gap="xs" mb="xs">
        <Text id="par-summary-title" fw={700} size="md" component="h2" m={0}>
          {t('parAssessment.summary.title')}
        </Text>
        {provisional && (
          <Text size="xs" c="dimmed">
            {t('parAssessment.summary.provisional')}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Tile label={t('parAssessment.summary.total')} testId="summary-total">
          {t('parAssessment.points', { points: formatPoints(result.total), max: formatPoints(result.maxTotal) })}
        </Tile>
        <Tile label={t('parAssessment.summary.percent')} testId="summary-percent">
          {formatPercent(result.percent, 2)}
        </Tile>
        <Tile label={t('parAssessment.summary.class')} testId="summary-class">
          {result.className ? <TagBadge color={look.color} icon={look.icon} label={result.className} size="lg" /> : t('common.dash')}
        </Tile>
        <Tile label={t('parAssessment.summary.rank')} testId="summary-rank">
          {rank ? t('parAssessment.summary.rankValue', { rank: rank.rank, of: rank.of }) : <Text span c="dimmed" size="sm">{t('parAssessment.summary.noRank')}</Text>}
        </Tile>
        <Tile label={t('parAssessment.summary.survey')} testId="summary-survey">
          {view.set.surveyWeight === 0 ? (
            <Text span c="dimmed" size="sm">
              {t('parAssessment.summary.noSurveyInSet')}
            </Text>
          ) : result.survey.missing ? (
            <Text span c="dimmed" size="sm">
              {t('parAssessment.summary.surveyMissing', { max: formatPoints(result.survey.max) })}
            </Text>
          ) : (
            t('parAssessment.points', { points: formatPoints(result.survey.points), max: formatPoints(result.survey.max) })
          )}
        </Tile>
        <Tile label={previous ? t('parAssessment.summary.previous', { year: previous.year }) : t('parAssessment.summary.previousNone')} testId="summary-previous">
          {previous ? (
            <div>
              <Text span size="md" fw={700}>
                {formatPercent(previous.percent, 2)}
                {previous.className && ` · ${previous.className}`}
              </Text>
              {change !== null && (
                <Text size="xs" component="div">
                  <Change value={change} />
                </Text>
              )}
              {previous.rank && (
                <Text size="xs" c="dimmed" component="div">
                  {t('parAssessment.summary.rankValue', { rank: previous.rank.rank, of: previous.rank.of })}
                </Text>
              )}
            </div>
          ) : (
            <Text span c="dimmed" size="sm">
              {t('common.dash')}
            </Text>
          )}
        </Tile>
      </SimpleGrid>
    </Paper>
  );
}
