import { api, query } from '../../lib/api';
import type { Plan } from '../../lib/types';

/** Plan cascade (docs/cascade.md): the province's tasks given to the communes, and where the communes stand. */
export type CascadeState = 'not_started' | 'in_progress' | 'overdue' | 'done_on_time' | 'done_late';
export const CASCADE_STATES: CascadeState[] = ['done_on_time', 'done_late', 'in_progress', 'not_started', 'overdue'];

export interface TemplatePlan {
  id: string;
  title: string;
  number: string | null;
  issuedDate: string | null;
  year: number;
  tasks: Array<{ id: string; title: string; area: string | null; dueDate: string | null }>;
  communePlanId: string | null;
}

export interface Rollup {
  plan: { id: string; title: string; number: string | null; year: number; status: string };
  communeCount: number;
  tasks: Array<{
    task: { id: string; ref: string | null; area: string | null; title: string; dueDate: string | null };
    planned: number;
    counts: Record<CascadeState, number>;
    missing: Array<{ id: string; name: string }>;
    communes: Array<{ id: string; name: string; state: CascadeState }>;
  }>;
}

export const templatesQueryOptions = (orgId: string, year?: number) => ({
  queryKey: ['cascade-templates', orgId, year ?? null],
  queryFn: () => api.get<{ year: number; canCreate: boolean; plans: TemplatePlan[] }>(`/api/orgs/${orgId}/cascade/templates${query({ year })}`),
});

export const rollupQueryOptions = (provinceId: string, planId: string) => ({
  queryKey: ['cascade-rollup', provinceId, planId],
  queryFn: () => api.get<Rollup>(`/api/orgs/${provinceId}/cascade/plans/${planId}/rollup`),
});

export const createFromProvince = (orgId: string, provincePlanId: string) => api.post<Plan>(`/api/orgs/${orgId}/cascade/plans`, { provincePlanId });
