// The windows the indicators page offers: this month, last month, this
// quarter, this year (each up to today) or any from–to range.
import dayjs from 'dayjs';
import { formatDate, todayIso } from '../../lib/format';
import type { Window } from './indicatorTypes';

export type WindowPreset = 'month' | 'lastMonth' | 'quarter' | 'year' | 'custom';
export const WINDOW_PRESETS: WindowPreset[] = ['month', 'lastMonth', 'quarter', 'year', 'custom'];

const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** The window of a preset as at `today` (ISO); a window never runs past today. */
export function presetWindow(preset: Exclude<WindowPreset, 'custom'>, today: string = todayIso()): Window {
  const d = dayjs(today);
  switch (preset) {
    case 'month':
      return { from: iso(d.startOf('month')), to: today };
    case 'lastMonth': {
      const last = d.subtract(1, 'month');
      return { from: iso(last.startOf('month')), to: iso(last.endOf('month')) };
    }
    case 'quarter': {
      const startMonth = Math.floor(d.month() / 3) * 3;
      return { from: iso(d.month(startMonth).startOf('month')), to: today };
    }
    case 'year':
      return { from: iso(d.startOf('year')), to: today };
  }
}

export interface WindowSearch {
  period?: WindowPreset;
  from?: string;
  to?: string;
}

/** The window the page shows: a custom range when both ends are valid, else the preset (default this month). */
export function resolveWindow(search: WindowSearch, today: string = todayIso()): { preset: WindowPreset; window: Window } {
  if (search.period === 'custom' && search.from && search.to) return { preset: 'custom', window: { from: search.from, to: search.to } };
  const preset = search.period && search.period !== 'custom' ? search.period : 'month';
  return { preset, window: presetWindow(preset, today) };
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}

/** "01/11/2026 – 30/11/2026". */
export function windowText(window: Window): string {
  return `${formatDate(window.from)} – ${formatDate(window.to)}`;
}
