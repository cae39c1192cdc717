// The percentage of each commune as bars, coloured by class; this module (and ECharts with it) loads only with the chart.
import { useMemo } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { EChart } from '../dashboard/EChart';
import type { EChartsCoreOption } from '../dashboard/echarts';
import { classLook, type ParResultRow } from './parQueries';

export function ParPercentChart({ rows }: { rows: ParResultRow[] }) {
  // Best at the top: ECharts draws a category axis from the bottom up.
  const sorted = useMemo(() => [...rows].sort((a, b) => (a.result?.percent ?? 0) - (b.result?.percent ?? 0)), [rows]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${formatNumber(value, 2)}%` : ''),
      },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: sorted.map((row) => row.name), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          name: t('parResults.colPercent'),
          type: 'bar',
          barMaxWidth: 22,
          data: sorted.map((row) => ({
            value: row.result?.percent ?? 0,
            itemStyle: { color: classLook(row.result?.className).hex, opacity: row.status === 'final' ? 1 : 0.45 },
          })),
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, 1) : ''),
          },
        },
      ],
    }),
    [sorted],
  );
  const label = `${t('parResults.colPercent')}: ${sorted
    .slice()
    .reverse()
    .map((row) => `${row.name} ${formatNumber(row.result?.percent ?? 0, 2)}%`)
    .join('; ')}`;
  return <EChart option={option} height={Math.max(120, 40 + sorted.length * 28)} label={label} />;
}
