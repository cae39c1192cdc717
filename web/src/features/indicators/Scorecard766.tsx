import { Box, Button, Group, Paper, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { SectionPanel } from '../../components/SectionPanel';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import type { IndicatorFigures, IndicatorHint, IndicatorResult, SeriesMonth } from './indicatorTypes';
import { classBands, classOf, type ClassBand } from './scoreClasses';
import { windowText } from './windows';

const Index766Trend = lazy(() => import('./IndicatorCharts').then((module) => ({ default: module.Index766Trend })));

const points = (value: number) => formatNumber(value, 2);

export function ClassBadge({ band, size = 'lg' }: { band: ClassBand; size?: 'sm' | 'md' | 'lg' }) {
  return <TagBadge color={band.color} icon={band.icon} label={band.name} size={size} testId="score-766-class" state={band.name} />;
}

/** 0–100 filled to the total in its class colour, with the class limits marked; the words are printed under it. */
function ScoreBar({ total, bands }: { total: number; bands: ClassBand[] }) {
  const ascending = [...bands].reverse();
  const band = classOf(total, bands);
  return (
    <Box mt="sm">
      <Box pos="relative" className="score-bar" aria-hidden>
        <Progress value={Math.max(0, Math.min(100, total))} color={band.color} size={22} radius="sm" />
        {ascending
          .filter((b) => b.min > 0 && b.min < 100)
          .map((b) => (
            <Box key={b.name} className="score-bar-tick" style={{ left: `${b.min}%` }}>
              <Text size="xs" c="dimmed" className="score-bar-tick-label">
                {b.min}
              </Text>
            </Box>
          ))}
      </Box>
      <Group justify="space-between" mt={22} gap={4} wrap="wrap">
        {ascending.map((b, i) => {
          const upper = i + 1 < ascending.length ? ascending[i + 1]!.min : null;
          const current = b.name === band.name;
          return (
            <Text key={b.name} size="xs" fw={current ? 700 : 400} c={current ? undefined : 'dimmed'}>
              {upper === null ? t('indicators.s766.bandTop', { name: b.name, min: b.min }) : b.min === 0 ? t('indicators.s766.bandBottom', { name: b.name, max: upper }) : t('indicators.s766.band', { name: b.name, min: b.min, max: upper })}
            </Text>
          );
        })}
      </Group>
    </Box>
  );
}

/** A status that is not a computed score: its badge and the sentence explaining it. */
function ExplainedStatus({ color, icon, label, state, explain }: { color: string; icon: 'download' | 'file' | 'circleDashed'; label: string; state: string; explain: string }) {
  return (
    <Stack gap={2}>
      <TagBadge color={color} icon={icon} label={label} size="sm" state={state} />
      <Text size="xs" c="dimmed">
        {explain}
      </Text>
    </Stack>
  );
}

function StatusCell({ row }: { row: IndicatorResult }) {
  const full = row.points >= row.max;
  switch (row.status) {
    case 'external':
      return <ExplainedStatus color="cyan" icon="download" label={t('indicators.s766.status.external')} state="external" explain={t('indicators.s766.explain.external')} />;
    case 'no_input':
      return <ExplainedStatus color="gray" icon="file" label={t('indicators.s766.status.noInput')} state="no_input" explain={t('indicators.s766.explain.noInput')} />;
    case 'empty':
      return (
        <ExplainedStatus color="gray" icon="circleDashed" label={t('indicators.s766.status.empty')} state="empty"
          explain={t(full ? 'indicators.s766.explain.emptyFull' : 'indicators.s766.explain.emptyZero')} />
      );
    default:
      return full ? (
        <TagBadge color="green" icon="check" label={t('indicators.s766.status.full')} size="sm" state="full" />
      ) : (
        <TagBadge color="orange" icon="hourglass" label={t('indicators.s766.status.below')} size="sm" state="below" />
      );
  }
}

function HintCell({ hint }: { hint: IndicatorHint | undefined }) {
  if (!hint) return null;
  return (
    <Stack gap={2} data-testid="indicator-hint">
      <Text size="sm" fw={600}>
        {hint.what}{' '}
        <Text span size="sm" c="green.8" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {t('indicators.s766.gain', { points: points(hint.pointsGained) })}
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {hint.advice}
      </Text>
    </Stack>
  );
}

interface ScorecardProps {
  figures: IndicatorFigures;
  months: SeriesMonth[];
  year: number;
  filtered: boolean;
}

/** Bộ chỉ số 766: total and class, each group and indicator with what would raise it, the monthly trend. */
export function Scorecard766({ figures, months, year, filtered }: ScorecardProps) {
  const index = figures.index766;
  const bands = classBands(figures.settings.classes);
  const band = classOf(index.total, bands);
  const hints = new Map(figures.hints.map((h) => [h.id, h]));
  const gain = figures.hints.reduce((sum, h) => sum + h.pointsGained, 0);

  const columns: Column<IndicatorResult>[] = [
    {
      key: 'name',
      header: t('indicators.s766.indicator'),
      primary: true,
      width: '28%',
      render: (row) => (
        <Text size="sm">
          <Text span fw={700}>
            {row.id}
          </Text>{' '}
          {row.name}
        </Text>
      ),
    },
    { key: 'rate', header: t('indicators.s766.rate'), align: 'right', width: '9%', render: (row) => formatPercent(row.rate, 2) },
    {
      key: 'fraction',
      header: t('indicators.s766.fraction'),
      align: 'right',
      width: '10%',
      render: (row) => (row.numerator === null || row.denominator === null ? t('common.dash') : `${formatNumber(row.numerator, 0)}/${formatNumber(row.denominator, 0)}`),
    },
    {
      key: 'points',
      header: t('indicators.s766.points'),
      align: 'right',
      width: '10%',
      render: (row) => (
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {points(row.points)} / {points(row.max)}
        </Text>
      ),
    },
    { key: 'status', header: t('indicators.s766.status'), width: '16%', render: (row) => <StatusCell row={row} /> },
    { key: 'hint', header: t('indicators.s766.hint'), width: '27%', render: (row) => <HintCell hint={hints.get(row.id)} /> },
  ];

  return (
    <Stack gap="md" className="scorecard-766">
      <Paper withBorder p="md" data-testid="score-766">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Text size="sm" c="dimmed">
              {t('indicators.s766.totalOf', { window: windowText(figures.window) })}
            </Text>
            <Group gap="sm" align="center" wrap="wrap">
              <Text fz={40} fw={700} lh={1.1} data-testid="score-766-total" data-value={index.total}>
                {points(index.total)}
              </Text>
              <Text size="lg" c="dimmed">
                / {formatNumber(index.max, 0)} {t('indicators.s766.pointsWord')}
              </Text>
              <ClassBadge band={band} />
            </Group>
          </div>
          <Button variant="default" leftSection={<Icon name="printer" size={16} />} onClick={() => window.print()} className="no-print">
            {t('indicators.s766.print')}
          </Button>
        </Group>
        <ScoreBar total={index.total} bands={bands} />
        {gain > 0 && (
          <Text size="sm" mt="sm">
            {t('indicators.s766.possibleGain', { points: points(Math.round(gain * 100) / 100) })}
          </Text>
        )}
        {filtered && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('indicators.s766.wholeCommune')}
          </Text>
        )}
        {!figures.hasCatalogue && (
          <Text size="xs" c="orange.9" mt={4}>
            <Icon name="alert" size={12} style={{ verticalAlign: '-1px', marginRight: 4 }} />
            {t('indicators.s766.noCatalogue')}
          </Text>
        )}
      </Paper>

      {index.groups.map((group) => (
        <SectionPanel
          key={group.id}
          id={`group-766-${group.id}`}
          title={t('indicators.s766.group', { id: group.id, name: group.name, points: points(group.points), max: points(group.max) })}
          className="print-group"
          data-testid="group-766"
        >
          <Progress value={(group.points / group.max) * 100} size="sm" mb="sm" aria-hidden color={group.points >= group.max ? 'green' : 'blue'} />
          <DataTable
            columns={columns}
            rows={group.indicators}
            rowKey={(row) => row.id}
            rowTestId="indicator-row"
            caption={group.name}
            minWidth={900}
            fixedLayout
          />
        </SectionPanel>
      ))}

      <SectionPanel id="trend-766-heading" title={t('indicators.s766.trendYear', { year })} className="print-group">
        {months.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('common.empty')}
          </Text>
        ) : (
          <>
            <Suspense fallback={<Skeleton height={260} aria-label={t('dashboard.chartLoading')} />}>
              <Index766Trend months={months} bands={bands} />
            </Suspense>
            <Text size="xs" c="dimmed" mt="xs">
              {months.map((m) => `${m.label}: ${points(m.index766)}`).join(' · ')}
            </Text>
          </>
        )}
      </SectionPanel>
    </Stack>
  );
}
