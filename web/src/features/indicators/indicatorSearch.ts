// The indicators page keeps what it shows in the address (window, filters,
// tab), so a link or a reload shows the same figures.
import { isIsoDate, WINDOW_PRESETS, type WindowPreset } from './windows';

export type IndicatorView = 'overview' | 'late' | 'index766';
const VIEWS: IndicatorView[] = ['overview', 'late', 'index766'];

export interface IndicatorSearch {
  period?: WindowPreset;
  from?: string;
  to?: string;
  field?: string;
  unit?: string;
  view?: IndicatorView;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined);

export function parseIndicatorSearch(search: Record<string, unknown>): IndicatorSearch {
  const period = WINDOW_PRESETS.find((p) => p === search.period);
  const view = VIEWS.find((v) => v === search.view);
  return {
    period,
    // A custom range keeps its dates as given (the server names what is wrong); other presets need none.
    from: period === 'custom' && isIsoDate(search.from) ? search.from : undefined,
    to: period === 'custom' && isIsoDate(search.to) ? search.to : undefined,
    field: text(search.field),
    unit: text(search.unit),
    view: view === 'overview' ? undefined : view,
  };
}
