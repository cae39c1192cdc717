import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Status } from '../../lib/types';

export interface OverviewCounts {
  tasks: number;
  statusCounts: Record<Status, number>;
  done: number;
  doneOnTime: number;
  overdue: number;
  dueSoon: number;
  onTimeRate: number | null;
}

export interface OverviewRow extends OverviewCounts {
  rank: number;
  id: string;
  name: string;
  code: string;
  planId: string | null;
  targets: { total: number; withData: number; met: number; atRisk: number; missed: number };
  targetRate: number | null;
  lastUpdateAt: string | null;
}

export interface ProvinceOverview {
  year: number;
  today: string;
  area: string | null;
  province: { id: string; name: string; code: string };
  rows: OverviewRow[];
  totals: OverviewCounts & { communes: number; withPlan: number; targetsMet: number; targetsWithData: number };
  byArea: Array<OverviewCounts & { area: string | null; name: string }>;
}

export function overviewQueryOptions(provinceId: string, year: number, area: string | null) {
  return queryOptions({
    queryKey: ['province-overview', provinceId, year, area ?? 'all'],
    queryFn: () => api.get<ProvinceOverview>(`/api/orgs/${provinceId}/overview${query({ year, area })}`),
    refetchInterval: 5 * 60_000,
  });
}

/** The calendar day (in Viet Nam) of a timestamp. */
export function vietnamDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
