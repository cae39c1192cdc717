// One PAR-index assessment: the view, its writes (each answers the whole
// view, which replaces the cached one), history and the record picker.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { AssessmentView, HistoryEntry, LeafInput, Move, RecordOption, Stage, SurveyInput } from './assessmentTypes';

const base = (id: string) => `/api/par-assessments/${id}`;
const leafPath = (id: string, code: string) => `${base(id)}/leaves/${encodeURIComponent(code)}`;

export const assessmentKey = (id: string) => ['par', 'assessment', id] as const;

export function assessmentQueryOptions(id: string) {
  return queryOptions({
    queryKey: assessmentKey(id),
    queryFn: () => api.get<AssessmentView>(base(id)),
  });
}

export function leafHistoryQueryOptions(id: string, code: string) {
  return queryOptions({
    queryKey: ['par', 'assessment', id, 'history', code],
    queryFn: () => api.get<HistoryEntry[]>(`${leafPath(id, code)}/history`),
    staleTime: 0,
  });
}

export function recordOptionsQueryOptions(id: string, q: string) {
  return queryOptions({
    queryKey: ['par', 'assessment', id, 'records', q],
    queryFn: () => api.get<RecordOption[]>(`${base(id)}/records${query({ q })}`),
    staleTime: 60_000,
  });
}

export interface EntryBody {
  input?: LeafInput | null;
  text?: string;
  explanation?: string;
}

export type LinkBody =
  | { kind: 'link'; stage: 'self' | 'response'; url: string; label: string }
  | { kind: 'record'; stage: 'self' | 'response'; recordType: RecordOption['type']; recordId: string };

export const assessmentApi = {
  saveEntry: (id: string, code: string, stage: Stage, body: EntryBody) => api.put<AssessmentView>(`${leafPath(id, code)}/${stage}`, body),
  evidenceUploadPath: (id: string, code: string) => `${leafPath(id, code)}/evidence`,
  addLink: (id: string, code: string, body: LinkBody) => api.post<{ id: string; assessment: AssessmentView }>(`${leafPath(id, code)}/evidence-links`, body),
  removeEvidence: (id: string, evidenceId: string) => api.delete<AssessmentView>(`${base(id)}/evidence/${evidenceId}`),
  evidenceHref: (id: string, evidenceId: string) => `${base(id)}/evidence/${evidenceId}`,
  move: (id: string, move: Move) => api.post<AssessmentView>(`${base(id)}/moves`, { move }),
  setSurvey: (id: string, survey: SurveyInput | null) => api.put<AssessmentView>(`${base(id)}/survey`, { survey }),
  refresh: (id: string) => api.post<AssessmentView>(`${base(id)}/refresh`),
  remediationPlan: (id: string) => api.post<{ planId: string; tasks: number; targets: number }>(`${base(id)}/remediation-plan`),
};

/**
 * A write answered with the whole view: it replaces the cached one (the page
 * updates without a reload), and the lists and province tables built from the
 * assessments are refreshed.
 */
export function storeView(queryClient: QueryClient, view: AssessmentView): void {
  queryClient.setQueryData(assessmentKey(view.id), view);
  void queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'public-par-results' || (q.queryKey[0] === 'par' && q.queryKey[1] !== 'assessment'),
  });
  void queryClient.invalidateQueries({ queryKey: ['par', 'assessment', view.id, 'history'] });
}
