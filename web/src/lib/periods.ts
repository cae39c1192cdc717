// Reporting periods of a year as the API names them: "2025-03" (month),
// "2025-Q1" (quarter), "2025-H1" (half year), "2025" (year).
import { t } from '../i18n';

const ROMAN = ['I', 'II', 'III', 'IV'];

export interface PeriodOption {
  value: string;
  label: string;
}

export function periodLabel(key: string): string {
  let match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) return t('periodKey.month', { month: Number(match[2]), year: match[1] });
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) return t('periodKey.quarter', { quarter: ROMAN[Number(match[2]) - 1], year: match[1] });
  match = /^(\d{4})-H([12])$/.exec(key);
  if (match) return t(match[2] === '1' ? 'periodKey.half' : 'periodKey.secondHalf', { year: match[1] });
  if (/^\d{4}$/.test(key)) return t('periodKey.year', { year: key });
  return key;
}

/** Every period of a year, grouped for a Select: year, halves, quarters, months. */
export function periodOptionsOfYear(year: number): { group: string; items: PeriodOption[] }[] {
  const item = (value: string) => ({ value, label: periodLabel(value) });
  return [
    { group: t('periodGroup.year'), items: [item(String(year))] },
    { group: t('periodGroup.half'), items: [item(`${year}-H1`), item(`${year}-H2`)] },
    { group: t('periodGroup.quarter'), items: [1, 2, 3, 4].map((q) => item(`${year}-Q${q}`)) },
    {
      group: t('periodGroup.month'),
      items: Array.from({ length: 12 }, (_, index) => item(`${year}-${String(index + 1).padStart(2, '0')}`)),
    },
  ];
}

/** The quarter containing an ISO date, as a period key. */
export function quarterOf(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The first and last day (ISO) of a period key; null for a key that is not a period. */
export function periodSpan(key: string): { start: string; end: string } | null {
  const lastDay = (year: number, month: number) => String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
  const span = (year: number, firstMonth: number, lastMonth: number) => ({
    start: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    end: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay(year, lastMonth)}`,
  });
  let match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) return span(Number(match[1]), Number(match[2]), Number(match[2]));
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) return span(Number(match[1]), Number(match[2]) * 3 - 2, Number(match[2]) * 3);
  match = /^(\d{4})-H([12])$/.exec(key);
  if (match) return span(Number(match[1]), match[2] === '1' ? 1 : 7, match[2] === '1' ? 6 : 12);
  if (/^\d{4}$/.test(key)) return span(Number(key), 1, 12);
  return null;
}

/** The month before the one `iso` falls in, as a period key ("2026-06-15" → "2026-05"). */
export function previousMonth(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** What a year picker offers: the next year (plans are made ahead), this one and four back, and the chosen one. */
export function yearOptions(today: string, chosen: number): PeriodOption[] {
  const current = Number(today.slice(0, 4));
  const list = Array.from({ length: 6 }, (_, i) => current + 1 - i);
  const years = list.includes(chosen) ? list : [...list, chosen].sort((a, b) => b - a);
  return years.map((year) => ({ value: String(year), label: String(year) }));
}
