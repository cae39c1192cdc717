import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Plan, PlanDetail, PlanStatus, PlanType } from '../../lib/types';

export function plansQueryOptions(orgId: string, year?: number) {
  return queryOptions({
    queryKey: ['plans', orgId, year ?? 'all'],
    queryFn: () => api.get<Plan[]>(`/api/orgs/${orgId}/plans${query({ year })}`),
  });
}

export function planQueryOptions(planId: string) {
  return queryOptions({
    queryKey: ['plan', planId],
    queryFn: () => api.get<PlanDetail>(`/api/plans/${planId}`),
  });
}

export interface PlanInput {
  type: PlanType;
  title: string;
  year: number;
  number?: string | null;
  issuedDate?: string | null;
  issuer?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
  legalBases?: string[];
}

export const planApi = {
  create: (orgId: string, input: PlanInput) => api.post<Plan>(`/api/orgs/${orgId}/plans`, input),
  update: (planId: string, input: Partial<PlanInput>) => api.patch<Plan>(`/api/plans/${planId}`, input),
  setStatus: (planId: string, status: PlanStatus) => api.post<Plan>(`/api/plans/${planId}/status`, { status }),
};
