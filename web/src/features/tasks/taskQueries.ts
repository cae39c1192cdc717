import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Extension, Task, TaskSummary } from '../../lib/types';

export function taskQueryOptions(taskId: string) {
  return queryOptions({
    queryKey: ['task', taskId],
    queryFn: () => api.get<Task>(`/api/tasks/${taskId}`),
  });
}

export const myTasksQueryOptions = queryOptions({
  queryKey: ['myTasks'],
  queryFn: () => api.get<TaskSummary[]>(`/api/my/tasks${query({})}`),
});

export function requestExtension(taskId: string, proposedDue: string, reason: string): Promise<Extension> {
  return api.post<Extension>(`/api/tasks/${taskId}/extensions`, { proposedDue, reason });
}
