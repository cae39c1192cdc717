// The monthly one-stop results table (Biểu 06/VPCP/KSTT columns): one
// definition feeds the screen, the print and the CSV file.
import type { Column } from '../../components/DataTable';
import { t, type MessageKey } from '../../i18n';
import { periodLabel, periodSpan, previousMonth } from '../../lib/periods';
import type { Breakdown } from '../indicators/indicatorTypes';

/** Counts and rates of one row (a procedure field) or of the total. */
type BreakdownFigures = Breakdown['total'];

export interface MonthlyColumn {
  key: string;
  /** The header above a group of columns (null: one column spanning both header rows). */
  group: MessageKey | null;
  header: MessageKey;
  value: (figures: BreakdownFigures) => number | null;
  percent?: boolean;
}

export const MONTHLY_GROUPS: MessageKey[] = ['records.monthly.received', 'records.monthly.resolved', 'records.monthly.pending'];

export const MONTHLY_COLUMNS: MonthlyColumn[] = [
  { key: 'handled', group: 'records.monthly.received', header: 'records.monthly.total', value: (f) => f.counts.handled },
  { key: 'online', group: 'records.monthly.received', header: 'records.monthly.online', value: (f) => f.counts.received.online },
  { key: 'direct', group: 'records.monthly.received', header: 'records.monthly.directPost', value: (f) => f.counts.received.direct + f.counts.received.post },
  { key: 'carried', group: 'records.monthly.received', header: 'records.monthly.carriedOver', value: (f) => f.counts.carried_over },
  { key: 'resolved', group: 'records.monthly.resolved', header: 'records.monthly.total', value: (f) => f.counts.resolved.total },
  { key: 'early', group: 'records.monthly.resolved', header: 'records.monthly.early', value: (f) => f.counts.resolved.early },
  { key: 'onTime', group: 'records.monthly.resolved', header: 'records.monthly.onTime', value: (f) => f.counts.resolved.on_time },
  { key: 'late', group: 'records.monthly.resolved', header: 'records.monthly.late', value: (f) => f.counts.resolved.late },
  { key: 'pending', group: 'records.monthly.pending', header: 'records.monthly.total', value: (f) => f.counts.pending.total },
  { key: 'within', group: 'records.monthly.pending', header: 'records.monthly.withinTime', value: (f) => f.counts.pending.within_time },
  { key: 'overdue', group: 'records.monthly.pending', header: 'records.monthly.overdue', value: (f) => f.counts.pending.overdue },
  { key: 'rate', group: null, header: 'records.monthly.onTimeRate', value: (f) => f.rates.on_time.rate, percent: true },
];

export interface MonthlyRow {
  key: string;
  /** "1", "2" … ; empty on the total row. */
  number: string;
  label: string;
  figures: BreakdownFigures;
  total?: boolean;
}

export function monthlyRows(breakdown: Breakdown): MonthlyRow[] {
  return [
    ...breakdown.rows.map((row, index) => ({ key: row.key, number: String(index + 1), label: row.label, figures: row })),
    { key: '__total', number: '', label: t('records.monthly.totalRow'), figures: breakdown.total, total: true },
  ];
}

/** The same columns for the file: numbers plain (98.5, not 98,5 %). */
export function monthlyCsvColumns(): Column<MonthlyRow>[] {
  return [
    { key: 'number', header: t('records.monthly.number'), render: () => null, exportValue: (row) => row.number },
    { key: 'label', header: t('records.monthly.field'), render: () => null, exportValue: (row) => row.label },
    ...MONTHLY_COLUMNS.map<Column<MonthlyRow>>((column) => ({
      key: column.key,
      header: column.group ? `${t(column.group)} – ${t(column.header)}` : t(column.header),
      render: () => null,
      exportValue: (row) => column.value(row.figures) ?? '',
    })),
  ];
}

/** The month shown first: the last one completed. */
export function defaultMonth(today: string): string {
  return previousMonth(today);
}

/** Months that can be picked, newest first: this month back to January of last year. */
export function monthOptions(today: string): { value: string; label: string }[] {
  const [year, month] = today.split('-').map(Number);
  const out: { value: string; label: string }[] = [];
  for (let y = year, m = month; y >= year - 1; ) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ value: key, label: y === year && m === month ? t('records.monthly.thisMonth', { month: periodLabel(key) }) : periodLabel(key) });
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** The window of a month, cut at today while the month is under way. */
export function monthWindow(month: string, today: string): { from: string; to: string } {
  const span = periodSpan(month)!;
  return { from: span.start, to: span.end < today ? span.end : today };
}

export const isMonthKey = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
