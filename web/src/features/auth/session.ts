import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { setServerToday } from '../../lib/format';
import type { Me } from '../../lib/types';

export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await api.get<Me>('/api/auth/me', { allowUnauthenticated: true });
    setServerToday(me?.today);
    return me;
  },
  staleTime: 5 * 60_000,
});

/** The signed-in user; the app routes make sure it is loaded before rendering. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions).data;
}

export async function login(username: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', { username, password }, { allowUnauthenticated: true });
  setServerToday(me.today);
  return me;
}

export function logout(): Promise<{ ok: true }> {
  return api.post<{ ok: true }>('/api/auth/logout', {}, { allowUnauthenticated: true });
}

/** Whether the navbar shows "Nhiệm vụ của tôi". */
export function hasOwnTasks(me: Me): boolean {
  return me.role === 'unit_officer' || me.units.length > 0;
}

/** The page a user lands on after signing in. */
export function homePath(me: Me): '/dashboard' | '/my-tasks' | '/plans' {
  if (me.role === 'chairman' || me.role === 'province_viewer') return '/dashboard';
  if (me.role === 'unit_officer') return '/my-tasks';
  return '/plans';
}
