import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Dashboard } from '../../lib/types';

export function dashboardQueryOptions(orgId: string, year?: number) {
  return queryOptions({
    queryKey: ['dashboard', orgId, year ?? 'current'],
    queryFn: () => api.get<Dashboard>(`/api/orgs/${orgId}/dashboard${query({ year })}`),
    refetchInterval: 5 * 60_000,
  });
}
