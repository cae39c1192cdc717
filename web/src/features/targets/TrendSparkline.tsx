import { t } from '../../i18n';
import { formatQuantity } from '../../lib/format';
import { periodLabel } from '../../lib/periods';

interface TrendSparklineProps {
  trend: { period: string; value: number }[];
  /** The target's value, drawn as a dashed line. */
  goal: number | null;
  unit: string | null;
  color: string;
  width?: number;
  height?: number;
}

/**
 * The monthly values of a target as a small line (inline SVG: no chart library
 * for a table cell). The numbers are in its accessible name and tooltip.
 */
export function TrendSparkline({ trend, goal, unit, color, width = 110, height = 30 }: TrendSparklineProps) {
  if (trend.length === 0) return <span>{t('common.dash')}</span>;
  const values = trend.map((point) => point.value);
  const all = goal === null ? values : [...values, goal];
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  const pad = 3;
  const x = (index: number) => (trend.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (trend.length - 1));
  const y = (value: number) => pad + ((high - value) * (height - 2 * pad)) / (high - low);
  const points = trend.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const described = trend.map((point) => `${periodLabel(point.period)}: ${formatQuantity(point.value, unit)}`).join('; ');
  const label = t('targetLight.trendLabel', { values: described });
  const last = trend.length - 1;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="sparkline" data-testid="target-trend">
      <title>{label}</title>
      {goal !== null && (
        <line x1={0} x2={width} y1={y(goal)} y2={y(goal)} stroke="#adb5bd" strokeWidth={1} strokeDasharray="3 2" />
      )}
      {trend.length > 1 && <polyline points={points} fill="none" stroke={color} strokeWidth={1.6} strokeLinejoin="round" strokeLinecap="round" />}
      <circle cx={x(last)} cy={y(trend[last].value)} r={2.6} fill={color} />
    </svg>
  );
}
