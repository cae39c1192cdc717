import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { IndicatorRef, Target } from '../../lib/types';

export interface TargetInput {
  text: string;
  op?: string | null;
  value?: number | null;
  unit?: string | null;
  dataSource?: 'manual' | 'computed';
  indicatorKey?: string | null;
  monitorUnitIds?: string[];
  implementUnitIds?: string[];
}

export const targetApi = {
  create: (planId: string, input: TargetInput) => api.post<Target>(`/api/plans/${planId}/targets`, input),
  update: (targetId: string, input: Partial<TargetInput>) => api.patch<Target>(`/api/targets/${targetId}`, input),
  remove: (targetId: string) => api.delete<{ ok: true }>(`/api/targets/${targetId}`),
  recordValue: (targetId: string, period: string, value: number, note?: string) =>
    api.put<Target>(`/api/targets/${targetId}/values/${encodeURIComponent(period)}`, { value, note: note || undefined }),
};

/** The indicators a computed target can follow (a fixed catalogue). */
export const indicatorsQueryOptions = queryOptions({
  queryKey: ['reference', 'indicators'],
  queryFn: () => api.get<IndicatorRef[]>('/api/reference/indicators'),
  staleTime: Infinity,
});
