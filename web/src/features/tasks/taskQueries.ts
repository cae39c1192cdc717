import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Extension, Task, TaskSummary } from '../../lib/types';

export function taskQueryOptions(taskId: string) {
  return queryOptions({
    queryKey: ['task', taskId],
    queryFn: () => api.get<Task>(`/api/tasks/${taskId}`),
  });
}

export const myTasksQueryOptions = queryOptions({
  queryKey: ['myTasks'],
  queryFn: () => api.get<TaskSummary[]>('/api/my/tasks'),
});

export function requestExtension(taskId: string, proposedDue: string, reason: string): Promise<Extension> {
  return api.post<Extension>(`/api/tasks/${taskId}/extensions`, { proposedDue, reason });
}

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
