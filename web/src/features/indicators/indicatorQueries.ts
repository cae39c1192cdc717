import { queryOptions, type Query } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Breakdown, BreakdownBy, IndicatorFigures, IndicatorSeries, LateList, Window } from './indicatorTypes';

export interface IndicatorFilter {
  field?: string;
  unit?: string;
}

const base = (orgId: string) => `/api/orgs/${orgId}/indicators`;

/** While another window or filter loads, the figures of the same organisation stay on screen (never another one's). */
function sameOrg<T>(orgId: string) {
  return (previous: T | undefined, previousQuery: Query<T, Error, T, readonly unknown[]> | undefined) =>
    previousQuery?.queryKey[1] === orgId ? previous : undefined;
}

export function indicatorsQueryOptions(orgId: string, window: Window, filter: IndicatorFilter = {}) {
  return queryOptions({
    queryKey: ['indicators', orgId, window.from, window.to, filter.field ?? null, filter.unit ?? null],
    queryFn: () => api.get<IndicatorFigures>(`${base(orgId)}${query({ ...window, ...filter })}`),
    placeholderData: sameOrg(orgId),
  });
}

export function seriesQueryOptions(orgId: string, year: number) {
  return queryOptions({
    queryKey: ['indicators', orgId, 'series', year],
    queryFn: () => api.get<IndicatorSeries>(`${base(orgId)}/series${query({ year })}`),
    staleTime: 5 * 60_000,
  });
}

export function breakdownQueryOptions(orgId: string, window: Window, by: BreakdownBy, filter: IndicatorFilter = {}) {
  return queryOptions({
    queryKey: ['indicators', orgId, 'breakdown', by, window.from, window.to, filter.field ?? null, filter.unit ?? null],
    queryFn: () => api.get<Breakdown>(`${base(orgId)}/breakdown${query({ ...window, ...filter, by })}`),
    placeholderData: sameOrg(orgId),
  });
}

export function lateQueryOptions(orgId: string, window: Window, filter: IndicatorFilter = {}, limit = 500) {
  return queryOptions({
    queryKey: ['indicators', orgId, 'late', window.from, window.to, filter.field ?? null, filter.unit ?? null, limit],
    queryFn: () => api.get<LateList>(`${base(orgId)}/late${query({ ...window, ...filter, limit })}`),
    placeholderData: sameOrg(orgId),
  });
}
