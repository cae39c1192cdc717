import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

import type { Status, TargetLight } from '../../lib/types';

/** GET /api/public/communes/:orgCode/page: everything the commune's public page shows. */
export interface PublicPage {
  commune: { name: string; code: string };
  province: { name: string; code: string } | null;
  intro: string | null;
  today: string;
  published: { plan: boolean; targets: boolean; indicators: boolean };
  plan: {
    title: string;
    number: string | null;
    issuedDate: string | null;
    year: number;
    tasks: PublicTask[];
    areas: PublicArea[];
  } | null;
  targets: Array<{ text: string; op: string | null; value: number | null; unit: string | null; latest: { period: string; periodLabel: string; value: number } | null; light: TargetLight }> | null;
  indicators: { window: { from: string; to: string }; onTime: number | null; resolved: number; online: number | null; received: number } | null;
  parResult: { year: number; rank: number | null; of: number | null; percent: number; className: string; resultsUrl: string } | null;
  ratingUrl: string;
}

export interface PublicTask {
  id: string;
  ref: string | null;
  area: string | null;
  title: string;
  product: string | null;
  lead: string[];
  support: string[];
  timelineText: string | null;
  dueDate: string | null;
  status: Status;
  statusLabel: string;
  progress: number;
  files: Array<{ name: string; size: number; url: string }>;
}

export interface PublicArea {
  area: string | null;
  name: string;
  tasks: number;
  done: number;
  doneShare: number | null;
  doneOnTime: number;
  overdue: number;
  onTimeRate: number | null;
}

export function publicPageQueryOptions(orgCode: string) {
  return queryOptions({
    queryKey: ['public-page', orgCode],
    queryFn: () => api.get<PublicPage>(`/api/public/communes/${encodeURIComponent(orgCode)}/page`, { allowUnauthenticated: true }),
    staleTime: 5 * 60_000,
  });
}

export interface PublicPageSettings {
  publishPlan: boolean;
  publishTargets: boolean;
  publishIndicators: boolean;
  intro: string | null;
  updatedAt: string | null;
  pageUrl: string;
  canEdit: boolean;
}
export type PublicPageSettingsInput = Pick<PublicPageSettings, 'publishPlan' | 'publishTargets' | 'publishIndicators' | 'intro'>;

const settingsPath = (orgId: string) => `/api/orgs/${orgId}/public-page-settings`;

export function publicPageSettingsQueryOptions(orgId: string) {
  return queryOptions({ queryKey: ['public-page-settings', orgId], queryFn: () => api.get<PublicPageSettings>(settingsPath(orgId)) });
}

export function useSavePublicPageSettings(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PublicPageSettingsInput) => api.put<PublicPageSettings>(settingsPath(orgId), input),
    onSuccess: (saved) => {
      client.setQueryData(publicPageSettingsQueryOptions(orgId).queryKey, saved);
      void client.invalidateQueries({ queryKey: ['public-page'] });
    },
  });
}
