// Periodic reports: the queries and writes of src/api/routes/reports.ts, and
// how statuses and timeliness look (colour, icon and word together). Every
// write on a report answers the whole view, which replaces the cached one.
import type { MantineColor } from '@mantine/core';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { IconName } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import { api, query } from '../../lib/api';
import type {
  MoveBody,
  ReportKind,
  ReportSchedule,
  ReportSettings,
  ReportStatus,
  ReportStatusTable,
  ReportView,
  Timeliness,
} from './reportTypes';

export const reportKey = (id: string) => ['reports', 'report', id] as const;

export function scheduleQueryOptions(orgId: string, year: number) {
  return queryOptions({
    queryKey: ['reports', 'schedule', orgId, year],
    queryFn: () => api.get<ReportSchedule>(`/api/orgs/${orgId}/reports${query({ year })}`),
  });
}

export function reportQueryOptions(id: string) {
  return queryOptions({
    queryKey: reportKey(id),
    queryFn: () => api.get<ReportView>(`/api/reports/${id}`),
  });
}

export function statusTableQueryOptions(provinceId: string, kind: ReportKind, year: number) {
  return queryOptions({
    queryKey: ['reports', 'province', provinceId, kind, year],
    queryFn: () => api.get<ReportStatusTable>(`/api/orgs/${provinceId}/report-status${query({ kind, year })}`),
  });
}

export function settingsQueryOptions(provinceId: string) {
  return queryOptions({
    queryKey: ['reports', 'settings', provinceId],
    queryFn: () => api.get<ReportSettings>(`/api/orgs/${provinceId}/report-settings`),
  });
}

export const reportApi = {
  create: (orgId: string, kind: ReportKind, year: number) => api.post<ReportView>(`/api/orgs/${orgId}/reports`, { kind, year }),
  saveSection: (id: string, key: string, text: string) => api.put<ReportView>(`/api/reports/${id}/sections/${encodeURIComponent(key)}`, { text }),
  refresh: (id: string) => api.post<ReportView>(`/api/reports/${id}/refresh`),
  move: (id: string, body: MoveBody) => api.post<ReportView>(`/api/reports/${id}/moves`, body),
  saveSettings: (provinceId: string, settings: ReportSettings) => api.put<ReportSettings>(`/api/orgs/${provinceId}/report-settings`, settings),
  docxHref: (id: string) => `/api/reports/${id}/export.docx`,
  annexHref: (id: string) => `/api/reports/${id}/annex.xlsx`,
  zipHref: (provinceId: string, kind: ReportKind, year: number) => `/api/orgs/${provinceId}/reports.zip${query({ kind, year })}`,
  figuresHref: (provinceId: string, kind: ReportKind, year: number) => `/api/orgs/${provinceId}/report-figures.xlsx${query({ kind, year })}`,
};

/** A write answered with the whole view: it replaces the cached one; the year's list and the province's tables are refreshed. */
export function storeReport(queryClient: QueryClient, view: ReportView): Promise<void> {
  queryClient.setQueryData(reportKey(view.id), view);
  return queryClient.invalidateQueries({ queryKey: ['reports'], predicate: (q) => q.queryKey[1] !== 'report' || q.queryKey[2] !== view.id });
}

// ── Words and looks ───────────────────────────────────────────────────────

interface Look {
  color: MantineColor;
  icon: IconName;
}

export const KIND_LABEL: Record<ReportKind, MessageKey> = {
  q1: 'reports.kind.q1',
  h1: 'reports.kind.h1',
  q3: 'reports.kind.q3',
  year: 'reports.kind.year',
};

/** "quý III năm 2026", "6 tháng đầu năm 2026", "năm 2026" (with `{year}`). */
export const PERIOD_LABEL: Record<ReportKind, MessageKey> = {
  q1: 'reports.period.q1',
  h1: 'reports.period.h1',
  q3: 'reports.period.q3',
  year: 'reports.period.year',
};

export const kindLabel = (kind: ReportKind) => t(KIND_LABEL[kind]);

export const STATUS_LOOK: Record<ReportStatus, Look & { label: MessageKey }> = {
  draft: { color: 'blue', icon: 'pencil', label: 'reports.status.draft' },
  approved: { color: 'teal', icon: 'checkClock', label: 'reports.status.approved' },
  submitted: { color: 'cyan', icon: 'upload', label: 'reports.status.submitted' },
  received: { color: 'green', icon: 'check', label: 'reports.status.received' },
  returned: { color: 'red', icon: 'alert', label: 'reports.status.returned' },
};

export const statusLabel = (status: ReportStatus) => t(STATUS_LOOK[status].label);

export const TIMELINESS_LOOK: Record<Timeliness, Look & { label: MessageKey }> = {
  on_time: { color: 'green', icon: 'check', label: 'reports.timeliness.on_time' },
  late: { color: 'orange', icon: 'clock', label: 'reports.timeliness.late' },
  missing: { color: 'red', icon: 'alert', label: 'reports.timeliness.missing' },
  not_due: { color: 'gray', icon: 'hourglass', label: 'reports.timeliness.not_due' },
};

export const timelinessLabel = (value: Timeliness) => t(TIMELINESS_LOOK[value].label);

/** The years offered: a few back from this one, and the next when its first window has begun (15/12). */
export function reportYears(today: string, chosen: number): number[] {
  const current = Number(today.slice(0, 4));
  const next = today.slice(5) >= '12-15' ? [current + 1] : [];
  const list = [...next, ...Array.from({ length: 5 }, (_, i) => current - i)];
  return list.includes(chosen) ? list : [...list, chosen].sort((a, b) => b - a);
}
