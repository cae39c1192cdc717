import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateWorkData } from '../../lib/invalidate';
import type { RecordImports, RecordImportSummary } from './recordTypes';

export function recordImportsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['records', orgId, 'imports'],
    queryFn: () => api.get<RecordImports>(`/api/orgs/${orgId}/record-imports`),
  });
}

export const recordApi = {
  uploadPath: (orgId: string) => `/api/orgs/${orgId}/record-files`,
  confirm: (orgId: string, uploadId: string) => api.post<RecordImportSummary>(`/api/orgs/${orgId}/record-files/${uploadId}/confirm`),
  discard: (orgId: string, uploadId: string) => api.delete<null>(`/api/orgs/${orgId}/record-files/${uploadId}`),
};

/** After an import: the records views, the indicators computed from them, and the targets of plans and the dashboard. */
export async function invalidateRecords(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['records'] }),
    queryClient.invalidateQueries({ queryKey: ['indicators'] }),
    invalidateWorkData(queryClient),
  ]);
}
