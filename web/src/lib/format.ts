// One place for everything shown as a date, a number or a percentage.
// Dates are dd/mm/yyyy on screen; numbers use the separators of the chosen
// language (Vietnamese: 1.234,5).
import dayjs from 'dayjs';
import { getLanguage } from '../i18n';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function numberLocale(): string {
  return getLanguage() === 'vi' ? 'vi-VN' : 'en-GB';
}

/** Today's calendar date in Asia/Ho_Chi_Minh as `YYYY-MM-DD`. */
let serverToday: string | null = null;

/** The server's date (from /api/auth/me): due dates are judged by it, not by the device's clock. */
export function setServerToday(today: string | null | undefined): void {
  serverToday = today ?? null;
}

export function todayIso(): string {
  if (serverToday) return serverToday;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** `2025-03-31` → `31/03/2025`; timestamps are shown by their calendar date in Viet Nam. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
  return parts;
}

/** A timestamp as `31/03/2025 14:05` in Viet Nam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${formatDate(iso)} ${time}`;
}

/** Parses `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`) or ISO into `YYYY-MM-DD`; null when invalid. */
export function parseDisplayDate(text: string): string | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs(value).isValid() ? value : null;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = dayjs(iso);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === iso ? iso : null;
}

/** Whole days from `from` to `to` (both ISO dates); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).startOf('day').diff(dayjs(from).startOf('day'), 'day');
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return dayjs(iso).add(days, 'day').format('YYYY-MM-DD');
}

export function formatNumber(value: number | null | undefined, maxFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(numberLocale(), {
    maximumFractionDigits: maxFractionDigits,
  }).format(value);
}

/** A value already expressed in percent (92.3 → `92,3%`). */
export function formatPercent(value: number | null | undefined, maxFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${formatNumber(value, maxFractionDigits)}%`;
}

/** A target value with its unit: `98%`, `1.200 hồ sơ`. */
export function formatQuantity(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (!unit) return formatNumber(value, 2);
  if (unit === '%') return formatPercent(value, 2);
  return `${formatNumber(value, 2)} ${unit}`;
}

/** File sizes: `820 KB`, `3,4 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** Separators for number inputs, matching how numbers are shown. */
export function numberInputSeparators(): { decimalSeparator: string; thousandSeparator: string } {
  return getLanguage() === 'vi' ? { decimalSeparator: ',', thousandSeparator: '.' } : { decimalSeparator: '.', thousandSeparator: ',' };
}
