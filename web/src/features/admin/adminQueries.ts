import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Role, Unit, UnitKind, User } from '../../lib/types';

export function usersQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'users'],
    queryFn: () => api.get<User[]>(`/api/orgs/${orgId}/users`),
  });
}

export interface UnitInput {
  name: string;
  code?: string | null;
  abbreviations?: string[];
  kind?: UnitKind;
  active?: boolean;
  sortOrder?: number;
}

export interface UserInput {
  username?: string;
  fullName?: string;
  role?: Role;
  password?: string;
  unitIds?: string[];
  active?: boolean;
}

export const adminApi = {
  createUnit: (orgId: string, input: UnitInput) => api.post<Unit>(`/api/orgs/${orgId}/units`, input),
  updateUnit: (unitId: string, input: Partial<UnitInput>) => api.patch<Unit>(`/api/units/${unitId}`, input),
  createUser: (orgId: string, input: UserInput) => api.post<User>(`/api/orgs/${orgId}/users`, input),
  updateUser: (userId: string, input: UserInput) => api.patch<User>(`/api/users/${userId}`, input),
};
