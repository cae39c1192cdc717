import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { Icon, type IconName } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import type { RateKey, Rates, SeriesMonth } from './indicatorTypes';
import { Sparkline } from './Sparkline';

interface RateCardDef {
  key: RateKey;
  label: MessageKey;
  /** What the denominator counts ("hồ sơ đã giải quyết"). */
  of: MessageKey;
  icon: IconName;
}

/** The main rates of the one-stop shop, in the order a chairman asks about them. */
export const RATE_CARDS: RateCardDef[] = [
  { key: 'on_time', label: 'indicators.rate.on_time', of: 'indicators.of.resolved', icon: 'checkClock' },
  { key: 'online_submission', label: 'indicators.rate.online_submission', of: 'indicators.of.received', icon: 'upload' },
  { key: 'fully_online', label: 'indicators.rate.fully_online', of: 'indicators.of.received', icon: 'check' },
  { key: 'online_payment', label: 'indicators.rate.online_payment', of: 'indicators.of.feeBearing', icon: 'key' },
  { key: 'digitised_dossiers', label: 'indicators.rate.digitised_dossiers', of: 'indicators.of.received', icon: 'file' },
  { key: 'e_results', label: 'indicators.rate.e_results', of: 'indicators.of.writtenResult', icon: 'download' },
  { key: 'reuse', label: 'indicators.rate.reuse', of: 'indicators.of.received', icon: 'refresh' },
  { key: 'feedback_on_time', label: 'indicators.rate.feedback_on_time', of: 'indicators.of.feedback', icon: 'bell' },
  { key: 'satisfaction', label: 'indicators.rate.satisfaction', of: 'indicators.of.rated', icon: 'users' },
];

function trendLabel(title: string, months: SeriesMonth[], key: RateKey): string {
  const parts = months.map((m) => `${m.label}: ${formatPercent(m.rates[key].rate)}`);
  return `${t('indicators.trendOf', { name: title })} ${parts.join('; ')}`;
}

export function RateCards({ rates, months, year, filtered }: { rates: Rates; months: SeriesMonth[]; year: number; filtered: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      {RATE_CARDS.map((card) => {
        const rate = rates[card.key];
        const title = t(card.label);
        return (
          <Paper
            key={card.key}
            withBorder
            p="sm"
            className="kpi-card rate-card"
            data-testid={`rate-${card.key}`}
            data-value={rate.rate ?? ''}
            style={{ borderLeft: '4px solid var(--mantine-color-blue-filled)' }}
          >
            <Group gap={6} wrap="nowrap" mb={2}>
              <Icon name={card.icon} size={16} style={{ color: 'var(--mantine-color-blue-filled)' }} />
              <Text size="sm" c="dimmed" lh={1.2}>
                {title}
              </Text>
            </Group>
            <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fz={28} fw={700} lh={1.1} className="kpi-value">
                  {rate.rate === null ? t('common.dash') : formatPercent(rate.rate)}
                </Text>
                <Text size="xs" c="dimmed" data-testid="rate-fraction">
                  {rate.denominator === 0
                    ? t('indicators.noneInWindow', { of: t(card.of) })
                    : t('indicators.fraction', { n: formatNumber(rate.numerator, 0), d: formatNumber(rate.denominator, 0), of: t(card.of) })}
                </Text>
              </div>
              <div style={{ width: 110, flexShrink: 0 }}>
                <Sparkline values={months.map((m) => m.rates[card.key].rate)} label={trendLabel(title, months, card.key)} />
              </div>
            </Group>
            {months.length >= 2 && (
              <Text size="xs" c="dimmed" mt={2} ta="right">
                {t(filtered ? 'indicators.sparkCaptionWhole' : 'indicators.sparkCaption', { year })}
              </Text>
            )}
            {filtered && card.key === 'feedback_on_time' && (
              <Text size="xs" c="dimmed" mt={2}>
                {t('indicators.feedbackWhole')}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
