// A small line of monthly values drawn as SVG (no chart library): it prints
// and reads well at card size. The numbers are in its label.

interface SparklineProps {
  /** Values in order; null = no data that month. */
  values: (number | null)[];
  /** Read out instead of the drawing. */
  label: string;
  color?: string;
  height?: number;
}

const W = 120;

export function Sparkline({ values, label, color = 'var(--mantine-color-blue-6)', height = 32 }: SparklineProps) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <div style={{ height }} role="img" aria-label={label} />;
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  if (hi - lo < 2) {
    // A flat line sits in the middle rather than on an edge.
    lo -= 1;
    hi += 1;
  }
  const pad = 3;
  const step = values.length > 1 ? W / (values.length - 1) : W;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - lo) / (hi - lo));
  const points = values.map((v, i) => (v === null ? null : ([i * step, y(v)] as const)));
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${p[0].toFixed(1)},${p[1].toFixed(1)}`);
  }
  if (current.length) segments.push(current.join(' '));
  return (
    <svg viewBox={`0 0 ${W} ${height}`} width="100%" height={height} preserveAspectRatio="none" role="img" aria-label={label} className="sparkline">
      <title>{label}</title>
      {segments.map((s) => (
        <polyline key={s} points={s} fill="none" stroke={color} strokeWidth={1.6} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      ))}
    </svg>
  );
}
