// The share done on time of each commune as bars (best at the top); this module (and ECharts with it) loads only with the chart.
import { useMemo } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { EChart } from '../dashboard/EChart';
import type { EChartsCoreOption } from '../dashboard/echarts';
import type { OverviewRow } from './overviewQueries';

const colourOf = (rate: number | null) => (rate === null ? '#adb5bd' : rate >= 90 ? '#2f9e44' : rate >= 70 ? '#f08c00' : '#e03131');

export function OnTimeChart({ rows }: { rows: OverviewRow[] }) {
  const sorted = useMemo(() => [...rows].sort((a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1)), [rows]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, 1)}%` : '') },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: sorted.map((row) => row.name), axisLabel: { width: 170, overflow: 'truncate' } },
      series: [
        {
          name: t('overview.colOnTime'),
          type: 'bar',
          barMaxWidth: 20,
          data: sorted.map((row) => ({ value: row.onTimeRate ?? 0, itemStyle: { color: colourOf(row.onTimeRate) } })),
          label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, 1) : '') },
        },
      ],
    }),
    [sorted],
  );
  const label = `${t('overview.colOnTime')}: ${[...sorted].reverse().map((row) => `${row.name} ${formatNumber(row.onTimeRate ?? 0, 1)}%`).join('; ')}`;
  return <EChart option={option} height={Math.max(120, 40 + sorted.length * 24)} label={label} />;
}
