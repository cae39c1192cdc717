// Inspections: the queries and writes of src/api/routes/inspections.ts, and
// how statuses and severities look (colour, icon and word together). A write
// answers the inspection or the finding, which replaces the cached one; every
// view built from inspections is then refreshed.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import { api, query } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import type { LabelledLook } from '../../lib/status';
import {
  FINDING_DISPLAY_STATUSES,
  type EscalatedFindingList,
  type Finding,
  type FindingDisplayStatus,
  type FindingInput,
  type FindingList,
  type FindingSeverity,
  type FindingStatusChange,
  type FindingSummary,
  type FindingUpdateInput,
  type Inspection,
  type InspectionInput,
  type InspectionPatch,
  type InspectionStatus,
  type InspectionYear,
  type PlanInput,
} from './inspectionTypes';

const inspectionKey = (id: string) => ['inspections', 'inspection', id] as const;
const findingKey = (id: string) => ['inspections', 'finding', id] as const;

export function inspectionYearQueryOptions(orgId: string, year: number) {
  return queryOptions({
    queryKey: ['inspections', 'year', orgId, year],
    queryFn: () => api.get<InspectionYear>(`/api/orgs/${orgId}/inspections${query({ year })}`),
  });
}

export function inspectionQueryOptions(id: string) {
  return queryOptions({
    queryKey: inspectionKey(id),
    queryFn: () => api.get<Inspection>(`/api/inspections/${id}`),
  });
}

export function findingQueryOptions(id: string) {
  return queryOptions({
    queryKey: findingKey(id),
    queryFn: () => api.get<Finding>(`/api/findings/${id}`),
  });
}

/** Every finding of a commune's year; the screen filters them itself (one download, instant filters). */
export function findingsQueryOptions(orgId: string, year: number) {
  return queryOptions({
    queryKey: ['inspections', 'findings', orgId, year],
    queryFn: () => api.get<FindingList>(`/api/orgs/${orgId}/findings${query({ year })}`),
  });
}

export function escalatedFindingsQueryOptions(provinceId: string, year: number) {
  return queryOptions({
    queryKey: ['inspections', 'escalated', provinceId, year],
    queryFn: () => api.get<EscalatedFindingList>(`/api/orgs/${provinceId}/escalated-findings${query({ year })}`),
  });
}

export const inspectionApi = {
  savePlan: (orgId: string, body: PlanInput) => api.put<InspectionYear>(`/api/orgs/${orgId}/inspection-plan`, body),
  create: (planId: string, body: InspectionInput) => api.post<Inspection>(`/api/inspection-plans/${planId}/inspections`, body),
  update: (id: string, body: InspectionPatch) => api.patch<Inspection>(`/api/inspections/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/inspections/${id}`),
  addFinding: (inspectionId: string, body: FindingInput) => api.post<Finding>(`/api/inspections/${inspectionId}/findings`, body),
  updateFinding: (id: string, body: Partial<FindingInput>) => api.patch<Finding>(`/api/findings/${id}`, body),
  followUp: (id: string, body: FindingUpdateInput) => api.post<Finding>(`/api/findings/${id}/updates`, body),
  noticeHref: (id: string) => `/api/inspections/${id}/notice.docx`,
};

/** After a write: the year's page, the lists and the other inspections and findings are refreshed. */
export function refreshInspections(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['inspections'] });
}

export async function storeInspection(queryClient: QueryClient, inspection: Inspection): Promise<void> {
  queryClient.setQueryData(inspectionKey(inspection.id), inspection);
  await queryClient.invalidateQueries({ queryKey: ['inspections'], predicate: (q) => q.queryKey[1] !== 'inspection' || q.queryKey[2] !== inspection.id });
}

export async function storeFinding(queryClient: QueryClient, finding: Finding): Promise<void> {
  queryClient.setQueryData(findingKey(finding.id), finding);
  await queryClient.invalidateQueries({ queryKey: ['inspections'], predicate: (q) => q.queryKey[1] !== 'finding' || q.queryKey[2] !== finding.id });
}

export function forgetInspection(queryClient: QueryClient, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: inspectionKey(id) });
  return refreshInspections(queryClient);
}

// ── Words and looks ───────────────────────────────────────────────────────

export const INSPECTION_STATUS_LOOK: Record<InspectionStatus, LabelledLook> = {
  planned: { color: 'gray', icon: 'circleDashed', label: 'inspections.status.planned' },
  overdue: { color: 'red', icon: 'alert', label: 'inspections.status.overdue' },
  done: { color: 'green', icon: 'check', label: 'inspections.status.done' },
};

export const FINDING_STATUS_LOOK: Record<FindingDisplayStatus, LabelledLook> = {
  open: { color: 'blue', icon: 'progress', label: 'findings.status.open' },
  due_soon: { color: 'orange', icon: 'hourglass', label: 'findings.status.due_soon' },
  overdue: { color: 'red', icon: 'alert', label: 'findings.status.overdue' },
  fixed: { color: 'green', icon: 'check', label: 'findings.status.fixed' },
  fixed_late: { color: 'grape', icon: 'checkClock', label: 'findings.status.fixed_late' },
  escalated: { color: 'cyan', icon: 'upload', label: 'findings.status.escalated' },
};

export const SEVERITY_LOOK: Record<FindingSeverity, LabelledLook> = {
  minor: { color: 'gray', icon: 'minus', label: 'findings.severity.minor' },
  moderate: { color: 'orange', icon: 'alert', label: 'findings.severity.moderate' },
  serious: { color: 'red', icon: 'alert', label: 'findings.severity.serious' },
};

export const STATUS_CHANGE_LOOK: Record<FindingStatusChange, LabelledLook> = {
  fixed: { color: 'green', icon: 'check', label: 'findings.change.fixed' },
  escalated: { color: 'cyan', icon: 'upload', label: 'findings.change.escalated' },
  reopened: { color: 'orange', icon: 'refresh', label: 'findings.change.reopened' },
};

export const findingStatusLabel = (status: FindingDisplayStatus) => t(FINDING_STATUS_LOOK[status].label);
export const severityLabel = (severity: FindingSeverity) => t(SEVERITY_LOOK[severity].label);
export const inspectionStatusLabel = (status: InspectionStatus) => t(INSPECTION_STATUS_LOOK[status].label);

/** Most urgent first: overdue, due soon, open, then the handled ones; earlier due dates first within each. */
export function byUrgency<T extends FindingSummary>(a: T, b: T): number {
  const rank = (status: FindingDisplayStatus) => FINDING_DISPLAY_STATUSES.indexOf(status);
  return rank(a.displayStatus) - rank(b.displayStatus) || a.fixDue.localeCompare(b.fixDue) || a.description.localeCompare(b.description, 'vi');
}

/** "33,33 %": the shares on these screens are written with two decimals and a space before the sign. */
export function shareText(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('common.dash');
  return t('inspections.share', { value: formatNumber(value, 2) });
}

/** One member a line, blank lines dropped. */
export function teamFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
