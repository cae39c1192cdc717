// Chỉ số CCHC lists and results: a commune's assessments by year, the
// province's ranked table, survey import, publishing, and the public page.
// Shapes as src/api/routes/par-assessments.ts and par-results.ts return them.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Look } from '../../lib/status';
import { t, type MessageKey } from '../../i18n';
import { api, query } from '../../lib/api';

/** draft: đang tự chấm; submitted: đã trình; round1: đã thẩm định lần 1; explained: đã giải trình; final: đã chốt điểm. */
export type ParStatus = 'draft' | 'submitted' | 'round1' | 'explained' | 'final';
/** A commune without an assessment for the year. */
export type ParStatusOrNone = ParStatus | 'none';
export const PAR_STATUSES: ParStatusOrNone[] = ['none', 'draft', 'submitted', 'round1', 'explained', 'final'];

export type ParSubject = 'xa' | 'phuong';

export interface ParArea {
  code: string;
  name: string;
  points: number;
  max: number;
}

export interface ParSummary {
  total: number;
  maxTotal: number;
  percent: number | null;
  className: string | null;
  survey: { points: number; max: number; missing: boolean };
  areas: ParArea[];
  /** Leaves without a value yet. */
  missing: number;
}

export interface ParAssessmentItem {
  id: string;
  year: number;
  status: ParStatus;
  statusLabel: string;
  result: ParSummary | null;
  updatedAt: string;
}

export interface ParAssessmentList {
  assessments: ParAssessmentItem[];
  /** Years the viewer may open a self-assessment for (focal point and chairman only). */
  openableYears: number[];
}

export interface ParPrevious {
  percent: number | null;
  className: string | null;
  rank: number | null;
}

export interface ParResultRow {
  orgId: string;
  code: string;
  name: string;
  subject: ParSubject;
  assessmentId: string | null;
  status: ParStatus | null;
  statusLabel: string;
  result: ParSummary | null;
  /** Among the communes whose score is final; null otherwise. */
  rank: number | null;
  of: number;
  previous: ParPrevious | null;
  /** Percentage points since the previous year. */
  change: number | null;
}

export interface ParResults {
  year: number;
  rows: ParResultRow[];
  counts: Partial<Record<ParStatusOrNone, number>>;
  published: { at: string } | null;
  canManage: boolean;
}

export interface PublicParRow {
  rank: number;
  of: number;
  code: string;
  name: string;
  subject: ParSubject;
  total: number;
  maxTotal: number;
  percent: number | null;
  className: string | null;
  areas: ParArea[];
  survey: number;
  previous: ParPrevious | null;
  change: number | null;
}

export interface PublicParResults {
  province: { name: string; code: string };
  year: number;
  publishedAt: string;
  years: number[];
  rows: PublicParRow[];
}

export function parAssessmentsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['par', 'assessments', orgId],
    queryFn: () => api.get<ParAssessmentList>(`/api/orgs/${orgId}/par-assessments`),
  });
}

export function parResultsQueryOptions(provinceId: string, year: number) {
  return queryOptions({
    queryKey: ['par', 'results', provinceId, year],
    queryFn: () => api.get<ParResults>(`/api/orgs/${provinceId}/par-results${query({ year })}`),
  });
}

export function publicParResultsQueryOptions(provinceCode: string, year?: number) {
  return queryOptions({
    queryKey: ['public-par-results', provinceCode, year ?? 'latest'],
    queryFn: () =>
      api.get<PublicParResults>(`/api/public/provinces/${encodeURIComponent(provinceCode)}/par-results${query({ year })}`, {
        allowUnauthenticated: true,
      }),
    staleTime: 5 * 60_000,
  });
}

export const parApi = {
  open: (orgId: string, year: number) => api.post<{ id: string }>(`/api/orgs/${orgId}/par-assessments`, { year }),
  publish: (provinceId: string, year: number) => api.post<{ ok: true }>(`/api/orgs/${provinceId}/par-results/publish`, { year }),
  surveyPath: (provinceId: string) => `/api/orgs/${provinceId}/par-survey`,
};

/** After opening, publishing or importing: every list and table of the PAR index. */
export function invalidatePar(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['par'] }),
    queryClient.invalidateQueries({ queryKey: ['public-par-results'] }),
  ]).then(() => undefined);
}

/** The public page of a province's published results (what citizens see). */
export function publicParPath(provinceCode: string, year?: number): string {
  return `/cong-khai/chi-so-cchc/${encodeURIComponent(provinceCode)}${year ? `?year=${year}` : ''}`;
}

// ── How statuses and classes look: colour, icon and word together ──────────

export const PAR_STATUS_LOOK: Record<ParStatusOrNone, Look> = {
  none: { color: 'gray', hex: '#868e96', icon: 'circleDashed' },
  draft: { color: 'blue', hex: '#228be6', icon: 'pencil' },
  submitted: { color: 'cyan', hex: '#1098ad', icon: 'hourglass' },
  round1: { color: 'orange', hex: '#f59f00', icon: 'alert' },
  explained: { color: 'grape', hex: '#9c36b5', icon: 'checkClock' },
  final: { color: 'green', hex: '#2f9e44', icon: 'check' },
};

const STATUS_SHORT: Record<ParStatusOrNone, MessageKey> = {
  none: 'parResults.status.none',
  draft: 'parResults.status.draft',
  submitted: 'parResults.status.submitted',
  round1: 'parResults.status.round1',
  explained: 'parResults.status.explained',
  final: 'parResults.status.final',
};

const STATUS_LONG: Record<ParStatusOrNone, MessageKey> = {
  none: 'parResults.statusLong.none',
  draft: 'parResults.statusLong.draft',
  submitted: 'parResults.statusLong.submitted',
  round1: 'parResults.statusLong.round1',
  explained: 'parResults.statusLong.explained',
  final: 'parResults.statusLong.final',
};

/** "Đã trình" (chips, tables); `long`: "Đã trình, chờ thẩm định". */
export function parStatusLabel(status: ParStatusOrNone, long = false): string {
  return t((long ? STATUS_LONG : STATUS_SHORT)[status]);
}

export function subjectLabel(subject: ParSubject): string {
  return t(subject === 'phuong' ? 'parResults.subject.phuong' : 'parResults.subject.xa');
}

// Class names come from the province's criteria set; the usual ones get their colour, others stay grey.
const CLASS_LOOK: Array<{ match: RegExp; look: Look }> = [
  { match: /xuất sắc/i, look: { color: 'green', hex: '#2f9e44', icon: 'check' } },
  { match: /^tốt/i, look: { color: 'teal', hex: '#0c8599', icon: 'check' } },
  { match: /^khá/i, look: { color: 'blue', hex: '#1c7ed6', icon: 'progress' } },
  { match: /trung bình/i, look: { color: 'orange', hex: '#f08c00', icon: 'hourglass' } },
  { match: /yếu|kém/i, look: { color: 'red', hex: '#e03131', icon: 'alert' } },
];
const OTHER_CLASS: Look = { color: 'gray', hex: '#868e96', icon: 'circleDashed' };

export function classLook(className: string | null | undefined): Look {
  if (!className) return OTHER_CLASS;
  return CLASS_LOOK.find((c) => c.match.test(className.trim()))?.look ?? OTHER_CLASS;
}

/** Areas of every row, by code, in code order (sets of xã and phường may differ). */
export function areasOf(results: Array<{ areas: ParArea[] } | null | undefined>): Array<{ code: string; name: string }> {
  const seen = new Map<string, string>();
  for (const r of results) for (const a of r?.areas ?? []) if (!seen.has(a.code)) seen.set(a.code, a.name);
  return [...seen.entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
}
