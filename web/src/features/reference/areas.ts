import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Area, AreaRef } from '../../lib/types';

export const areasQueryOptions = queryOptions({
  queryKey: ['reference', 'areas'],
  queryFn: () => api.get<AreaRef[]>('/api/reference/areas'),
  staleTime: Infinity,
});

/** The 8 reform areas in their official order (empty while loading). */
export function useAreas(): AreaRef[] {
  return useQuery(areasQueryOptions).data ?? [];
}

export function areaName(areas: AreaRef[], code: Area | null): string | null {
  if (!code) return null;
  return areas.find((area) => area.code === code)?.name ?? code;
}
