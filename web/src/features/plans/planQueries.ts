import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Plan, PlanDetail, PlanStatus, PlanType, Target, Task } from '../../lib/types';

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

export interface TaskInput {
  title: string;
  area?: string | null;
  ref?: string | null;
  product?: string | null;
  leadUnitIds: string[];
  supportUnitIds?: string[];
  timelineText?: string | null;
  milestones?: string[];
  dueDate?: string | null;
  recurrence?: string | null;
  criteria?: string[];
  budgetSource?: string | null;
}

export const taskApi = {
  create: (planId: string, input: TaskInput) => api.post<Task>(`/api/plans/${planId}/tasks`, input),
  update: (taskId: string, input: Partial<TaskInput>) => api.patch<Task>(`/api/tasks/${taskId}`, input),
  remove: (taskId: string) => api.delete<{ ok: true }>(`/api/tasks/${taskId}`),
};

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
