import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Org, Unit } from '../../lib/types';

export const orgsQueryOptions = queryOptions({
  queryKey: ['orgs'],
  queryFn: () => api.get<Org[]>('/api/orgs'),
  staleTime: 10 * 60_000,
});

export function unitsQueryOptions(orgId: string, includeInactive = false) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'units', includeInactive ? 'all' : 'active'],
    queryFn: () => api.get<Unit[]>(`/api/orgs/${orgId}/units${query({ all: includeInactive ? 1 : undefined })}`),
    staleTime: 5 * 60_000,
  });
}

/** Active units of an organisation, in their sort order (empty while loading). */
export function useUnits(orgId: string | null | undefined): Unit[] {
  const result = useQuery({ ...unitsQueryOptions(orgId ?? ''), enabled: Boolean(orgId) });
  return result.data ?? [];
}
