import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { MessageKey } from '../../i18n';

/** The three answers of the public page, best first (as the API spells them). */
export const RATINGS = ['rat-hai-long', 'hai-long', 'khong-hai-long'] as const;
export type Rating = (typeof RATINGS)[number];
export type RatingSource = 'public' | 'survey';

export const RATING_LABEL: Record<Rating, MessageKey> = {
  'rat-hai-long': 'ratings.answer.veryPleased',
  'hai-long': 'ratings.answer.pleased',
  'khong-hai-long': 'ratings.answer.notPleased',
};

export interface PublicCommune {
  name: string;
  code: string;
}

export type AnswerCounts = Record<Rating, number> & { total: number };

export interface RatingSummary {
  org: { id: string; name: string; code: string };
  /** The page the QR code opens; null for a province (no rating page). */
  pageUrl: string | null;
  window: { from: string; to: string };
  answers: AnswerCounts;
  bySource: Record<RatingSource, AnswerCounts>;
  satisfied: { numerator: number; denominator: number; rate: number | null };
}

const publicPath = (orgCode: string) => `/api/public/communes/${encodeURIComponent(orgCode)}`;

export function publicCommuneQueryOptions(orgCode: string) {
  return queryOptions({
    queryKey: ['public-commune', orgCode],
    queryFn: () => api.get<PublicCommune>(publicPath(orgCode), { allowUnauthenticated: true }),
    staleTime: 60 * 60_000,
  });
}

export function submitRating(orgCode: string, dossierCode: string, rating: Rating) {
  return api.post<{ ok: true; message: string }>(`${publicPath(orgCode)}/ratings`, { dossierCode, rating }, { allowUnauthenticated: true });
}

export function ratingSummaryQueryOptions(orgId: string, window?: { from: string; to: string }) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'ratings', window?.from ?? 'month', window?.to ?? 'today'],
    queryFn: () => api.get<RatingSummary>(`/api/orgs/${orgId}/ratings/summary${query({ from: window?.from, to: window?.to })}`),
    refetchInterval: 5 * 60_000,
  });
}

export const ratingQrPath = (orgId: string) => `/api/orgs/${orgId}/rating-qr.svg`;
