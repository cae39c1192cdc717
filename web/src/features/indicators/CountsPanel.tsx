import { Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { Counts } from './indicatorTypes';

const n = (value: number) => formatNumber(value, 0);

function Stat({ testId, label, value, children }: { testId: string; label: string; value: number; children?: ReactNode }) {
  return (
    <Paper withBorder p="sm" data-testid={testId} data-value={value} className="kpi-card">
      <Text size="sm" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {n(value)}
      </Text>
      {children && (
        <Text size="xs" c="dimmed" component="div">
          {children}
        </Text>
      )}
    </Paper>
  );
}

/** A red number with its alert icon when it is not zero (never colour alone: the word is beside it). */
function Bad({ value, label }: { value: number; label: string }) {
  return (
    <Text span size="xs" c={value ? 'red.8' : undefined} fw={value ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
      {value > 0 && <Icon name="alert" size={12} style={{ verticalAlign: '-1px', marginRight: 2 }} />}
      {label} {n(value)}
    </Text>
  );
}

/** Received, carried over, resolved and pending dossiers of the window (Biểu 06 columns). */
export function CountsPanel({ counts, onShowLate }: { counts: Counts; onShowLate: () => void }) {
  const late = counts.resolved.late + counts.pending.overdue;
  return (
    <div>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat testId="count-received" label={t('indicators.count.received')} value={counts.received.total}>
          {t('indicators.count.receivedSplit', { online: n(counts.received.online), direct: n(counts.received.direct), post: n(counts.received.post) })}
        </Stat>
        <Stat testId="count-carried" label={t('indicators.count.carriedOver')} value={counts.carried_over}>
          {t('indicators.count.handled', { handled: n(counts.handled) })}
        </Stat>
        <Stat testId="count-resolved" label={t('indicators.count.resolved')} value={counts.resolved.total}>
          {t('indicators.count.resolvedSplit', { early: n(counts.resolved.early), onTime: n(counts.resolved.on_time) })}{' '}
          <Bad value={counts.resolved.late} label={t('indicators.count.late')} />
        </Stat>
        <Stat testId="count-pending" label={t('indicators.count.pending')} value={counts.pending.total}>
          {t('indicators.count.pendingSplit', { within: n(counts.pending.within_time) })}{' '}
          <Bad value={counts.pending.overdue} label={t('indicators.count.overdue')} />
        </Stat>
      </SimpleGrid>
      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="xs" c="dimmed">
          {t('indicators.count.other', {
            waiting: n(counts.waiting_supplement),
            withdrawn: n(counts.withdrawn),
            stopped: n(counts.stopped),
            refused: n(counts.refused_at_intake),
            apology: n(counts.apology_letters),
          })}
        </Text>
        {late > 0 && (
          <Button size="xs" variant="light" color="red" leftSection={<Icon name="alert" size={14} />} onClick={onShowLate} className="no-print">
            {t('indicators.showLate', { count: n(late) })}
          </Button>
        )}
      </Group>
    </div>
  );
}
