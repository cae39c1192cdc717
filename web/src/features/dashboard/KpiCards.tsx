import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { Icon, type IconName } from '../../components/Icon';
import { t } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import type { Dashboard } from '../../lib/types';

interface Kpi {
  testId: string;
  label: string;
  value: string;
  /** The plain number, for machines (`data-value`). */
  raw: number | null;
  icon: IconName;
  color: string;
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  return (
    <Paper withBorder p="md" className="kpi-card" data-testid={kpi.testId} data-value={kpi.raw ?? ''} style={{ borderLeft: `4px solid var(--mantine-color-${kpi.color}-filled)` }}>
      <Group gap={6} wrap="nowrap" mb={4}>
        <Icon name={kpi.icon} size={16} style={{ color: `var(--mantine-color-${kpi.color}-filled)` }} />
        <Text size="sm" c="dimmed" lh={1.2}>
          {kpi.label}
        </Text>
      </Group>
      <Text fz={30} fw={700} lh={1.1} className="kpi-value">
        {kpi.value}
      </Text>
    </Paper>
  );
}

/** Five numbers: tasks, done on time, overdue, due in 30 days, on-time rate. */
export function KpiCards({ dashboard }: { dashboard: Dashboard }) {
  const counts = dashboard.totals.statusCounts;
  const kpis: Kpi[] = [
    { testId: 'kpi-tasks', label: t('dashboard.kpiTasks'), value: formatNumber(dashboard.totals.tasks, 0), raw: dashboard.totals.tasks, icon: 'list', color: 'blue' },
    { testId: 'kpi-done-on-time', label: t('dashboard.kpiDoneOnTime'), value: formatNumber(counts.done_on_time ?? 0, 0), raw: counts.done_on_time ?? 0, icon: 'check', color: 'green' },
    { testId: 'kpi-overdue', label: t('dashboard.kpiOverdue'), value: formatNumber(counts.overdue ?? 0, 0), raw: counts.overdue ?? 0, icon: 'alert', color: 'red' },
    { testId: 'kpi-due-30', label: t('dashboard.kpiDue30'), value: formatNumber(dashboard.dueNext30.length, 0), raw: dashboard.dueNext30.length, icon: 'hourglass', color: 'orange' },
    {
      testId: 'kpi-on-time-rate',
      label: t('dashboard.kpiOnTimeRate'),
      value: dashboard.totals.onTimeRate === null ? t('common.dash') : formatPercent(dashboard.totals.onTimeRate),
      raw: dashboard.totals.onTimeRate,
      icon: 'target',
      color: 'teal',
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {kpis.map((kpi) => (
        <KpiCard key={kpi.testId} kpi={kpi} />
      ))}
    </SimpleGrid>
  );
}
