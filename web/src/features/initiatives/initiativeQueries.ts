// Initiatives (sáng kiến): the queries and writes of src/api/routes/initiatives.ts,
// how a status and a unit's standing against the call look (colour, icon and
// word together), and the words of the call's deadline.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import { api, query } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { invalidateWorkData } from '../../lib/invalidate';
import type { LabelledLook } from '../../lib/status';
import type { Initiative, InitiativeCall, InitiativeInput, InitiativePatch, InitiativeStatus, InitiativeYear, UnitTally } from './initiativeTypes';

const yearKey = (orgId: string, year: number) => ['initiatives', 'year', orgId, year] as const;
export const initiativeKey = (id: string) => ['initiatives', 'initiative', id] as const;

export function initiativeYearQueryOptions(orgId: string, year: number) {
  return queryOptions({
    queryKey: yearKey(orgId, year),
    queryFn: () => api.get<InitiativeYear>(`/api/orgs/${orgId}/initiatives${query({ year })}`),
  });
}

export function initiativeQueryOptions(id: string) {
  return queryOptions({
    queryKey: initiativeKey(id),
    queryFn: () => api.get<Initiative>(`/api/initiatives/${id}`),
  });
}

export const initiativeApi = {
  setCall: (orgId: string, year: number, call: InitiativeCall) => api.put<InitiativeYear>(`/api/orgs/${orgId}/initiative-call`, { year, ...call }),
  register: (orgId: string, input: InitiativeInput) => api.post<Initiative>(`/api/orgs/${orgId}/initiatives`, input),
  update: (id: string, patch: InitiativePatch) => api.patch<Initiative>(`/api/initiatives/${id}`, patch),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/initiatives/${id}`),
  addLink: (id: string, label: string, url: string) => api.post<Initiative>(`/api/initiatives/${id}/evidence`, { label, url }),
  removeEvidence: (evidenceId: string) => api.delete<Initiative>(`/api/initiative-evidence/${evidenceId}`),
  evidenceUploadPath: (id: string) => `/api/initiatives/${id}/evidence`,
  evidenceHref: (evidenceId: string) => `/api/initiative-evidence/${evidenceId}`,
};

/** The year's view answered by a write replaces the cached one. */
export function storeYear(queryClient: QueryClient, view: InitiativeYear): void {
  queryClient.setQueryData(yearKey(view.orgId, view.year), view);
  void invalidateWorkData(queryClient);
}

/**
 * A write answered with the initiative: it replaces the cached one; the year's
 * lists and tallies are refetched, and so are the plan targets counting initiatives.
 */
export function storeInitiative(queryClient: QueryClient, initiative: Initiative): Promise<void> {
  queryClient.setQueryData(initiativeKey(initiative.id), initiative);
  void invalidateWorkData(queryClient);
  return queryClient.invalidateQueries({ queryKey: ['initiatives', 'year'] });
}

/** After a delete: the initiative is forgotten and the year refetched. */
export function forgetInitiative(queryClient: QueryClient, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: initiativeKey(id) });
  void invalidateWorkData(queryClient);
  return queryClient.invalidateQueries({ queryKey: ['initiatives', 'year'] });
}

// ── Words and looks ───────────────────────────────────────────────────────

export const STATUS_LOOK: Record<InitiativeStatus, LabelledLook> = {
  submitted: { color: 'blue', icon: 'upload', label: 'initiatives.status.submitted' },
  recognised: { color: 'teal', icon: 'check', label: 'initiatives.status.recognised' },
  applied: { color: 'green', icon: 'checklist', label: 'initiatives.status.applied' },
};

export const statusLabel = (status: InitiativeStatus) => t(STATUS_LOOK[status].label);

/** "còn 12 ngày" / "hôm nay là hạn cuối" / "đã quá hạn 3 ngày". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return t('initiatives.daysLeft', { days: daysLeft });
  if (daysLeft === 0) return t('initiatives.dueToday');
  return t('initiatives.daysPast', { days: -daysLeft });
}

export type DueState = 'none' | 'missing' | 'late' | 'enough';

/** Where a unit stands against the call: no call, still short before the deadline, short after it, or enough. */
export function dueState(tally: UnitTally, call: InitiativeCall | null): DueState {
  if (!call) return 'none';
  if (!tally.due) return 'enough';
  return tally.daysLeft !== null && tally.daysLeft < 0 ? 'late' : 'missing';
}

export const DUE_LOOK: Record<Exclude<DueState, 'none'>, Omit<LabelledLook, 'label'>> = {
  missing: { color: 'orange', icon: 'hourglass' },
  late: { color: 'red', icon: 'alert' },
  enough: { color: 'green', icon: 'check' },
};

/** "Còn thiếu 1 — hạn 20/11/2026 (còn 12 ngày)" / "Quá hạn, còn thiếu 1" / "Đủ". */
export function dueText(tally: UnitTally, call: InitiativeCall | null): string {
  const state = dueState(tally, call);
  if (state === 'none' || !call) return t('initiatives.noCallShort');
  if (state === 'enough') return t('initiatives.due.enough');
  const missing = Math.max(call.perUnit - tally.countByDue, 0);
  if (state === 'late') return t('initiatives.due.late', { missing });
  return t('initiatives.due.missing', { missing, date: formatDate(call.dueDate), left: daysLeftText(tally.daysLeft ?? 0) });
}

/** Units still short come first (the late ones before those with time left); the server's order otherwise. */
export function unitsDueFirst(rows: UnitTally[], call: InitiativeCall | null): UnitTally[] {
  const rank: Record<DueState, number> = { late: 0, missing: 1, enough: 2, none: 2 };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank[dueState(a.row, call)] - rank[dueState(b.row, call)] || a.index - b.index)
    .map(({ row }) => row);
}

/** "03 sáng kiến": a count written as in the commune's plans. */
export function countWords(value: number): string {
  const whole = Number.isInteger(value) && value >= 0 && value < 10 ? String(value).padStart(2, '0') : String(value);
  return t('initiatives.countWords', { count: whole });
}

/** The authors' names as one line. */
export const authorNames = (authors: { name: string }[]) => authors.map((author) => author.name).join(', ');
