// The two dashboard charts. This module (and ECharts with it) is loaded only
// when the dashboard is shown.
import { useMemo } from 'react';
import { t } from '../../i18n';
import { formatPercent } from '../../lib/format';
import { STATUS_LOOK, statusLabel } from '../../lib/status';
import { STATUSES, type AreaRef, type Dashboard } from '../../lib/types';
import { EChart } from './EChart';
import type { EChartsCoreOption } from './echarts';

function shortAreaName(areas: AreaRef[], code: string | null, name: string): string {
  return areas.find((area) => area.code === code)?.short || name;
}

export function AreaStatusChart({ dashboard, areas }: { dashboard: Dashboard; areas: AreaRef[] }) {
  const option = useMemo<EChartsCoreOption>(() => {
    const rows = dashboard.byArea;
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, left: 0, itemGap: 12, itemWidth: 16 },
      grid: { left: 8, right: 16, top: 16, bottom: 84, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => shortAreaName(areas, row.area, row.name)),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: STATUSES.map((status) => ({
        name: statusLabel(status),
        type: 'bar',
        stack: 'status',
        emphasis: { focus: 'series' },
        itemStyle: { color: STATUS_LOOK[status].hex },
        data: rows.map((row) => row.statusCounts[status] || 0),
      })),
    };
  }, [dashboard, areas]);
  return <EChart option={option} height={Math.max(340, dashboard.byArea.length * 36 + 130)} label={t('dashboard.byArea')} />;
}

function rateColor(rate: number | null): string {
  if (rate === null) return '#adb5bd';
  if (rate >= 90) return STATUS_LOOK.done_on_time.hex;
  if (rate >= 70) return STATUS_LOOK.due_soon.hex;
  return STATUS_LOOK.overdue.hex;
}

export function UnitRateChart({ dashboard }: { dashboard: Dashboard }) {
  const option = useMemo<EChartsCoreOption>(() => {
    const rows = dashboard.byUnit;
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: unknown) => (typeof value === 'number' ? formatPercent(value) : t('dashboard.noData')),
      },
      grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.unit.name),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          name: t('dashboard.ratePercent'),
          type: 'bar',
          data: rows.map((row) => ({ value: row.onTimeRate, itemStyle: { color: rateColor(row.onTimeRate) } })),
          label: {
            show: true,
            position: 'right',
            formatter: (params: { value: unknown }) =>
              typeof params.value === 'number' ? formatPercent(params.value) : t('dashboard.noData'),
          },
        },
      ],
    };
  }, [dashboard]);
  return <EChart option={option} height={Math.max(240, dashboard.byUnit.length * 30 + 60)} label={t('dashboard.byUnit')} />;
}
