import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Extension, ExtensionStatus } from '../../lib/types';

export function extensionsQueryOptions(orgId: string, status?: ExtensionStatus) {
  return queryOptions({
    queryKey: ['extensions', orgId, status ?? 'all'],
    queryFn: () => api.get<Extension[]>(`/api/orgs/${orgId}/extensions${query({ status })}`),
  });
}

export function decideExtension(extensionId: string, decision: 'approve' | 'refuse', note: string): Promise<Extension> {
  return api.post<Extension>(`/api/extensions/${extensionId}/decision`, { decision, note: note.trim() || undefined });
}
