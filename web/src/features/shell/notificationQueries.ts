import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { NotificationList } from '../../lib/types';

export const notificationsQueryOptions = queryOptions({
  queryKey: ['notifications'],
  queryFn: () => api.get<NotificationList>('/api/notifications'),
  refetchInterval: 60_000,
  staleTime: 15_000,
});

/** Marks the given notifications read (all when no ids are given). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post<{ ok: true }>('/api/notifications/read', ids ? { ids } : {}),
    onMutate: (ids) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationsQueryOptions.queryKey, (previous) => {
        if (!previous) return previous;
        const items = previous.items.map((item) => (!ids || ids.includes(item.id)) && !item.readAt ? { ...item, readAt: now } : item);
        return { unread: items.filter((item) => !item.readAt).length, items };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryOptions.queryKey }),
  });
}
