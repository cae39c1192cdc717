// The 766 trend chart; this module (and ECharts with it) loads only when the scorecard is shown.
import { useMemo } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { EChart } from '../dashboard/EChart';
import type { EChartsCoreOption } from '../dashboard/echarts';
import type { SeriesMonth } from './indicatorTypes';
import { classOf, type ClassBand } from './scoreClasses';

export function Index766Trend({ months, bands }: { months: SeriesMonth[]; bands: ClassBand[] }) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${formatNumber(value, 2)} / 100 · ${classOf(value, bands).name}` : ''),
      },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.label.replace(/^Tháng /, 'T')) },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      series: [
        {
          name: t('indicators.s766.total'),
          type: 'bar',
          barMaxWidth: 36,
          data: months.map((m) => ({ value: m.index766, itemStyle: { color: classOf(m.index766, bands).hex } })),
          label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, 1) : '') },
        },
      ],
    }),
    [months, bands],
  );
  const label = `${t('indicators.s766.trend')}: ${months.map((m) => `${m.label} ${formatNumber(m.index766, 2)}`).join('; ')}`;
  return <EChart option={option} height={260} label={label} />;
}
