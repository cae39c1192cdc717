// Emulation campaigns: the queries and writes of src/api/routes/emulation.ts,
// and how outcomes and statuses look (colour, icon and word together).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { t, type MessageKey } from '../../i18n';
import { api, query } from '../../lib/api';
import { formatDate, formatNumber, formatQuantity } from '../../lib/format';
import type { LabelledLook } from '../../lib/status';
import type {
  AppliesTo,
  Campaign,
  CampaignInput,
  CampaignStatus,
  CampaignYear,
  Criterion,
  CriterionInput,
  JudgmentInput,
  Outcome,
  Participant,
  ParticipantInput,
  ProposalEntry,
  Subject,
} from './emulationTypes';

export const campaignKey = (id: string) => ['emulation', 'campaign', id] as const;

export function campaignsQueryOptions(orgId: string, year: number) {
  return queryOptions({
    queryKey: ['emulation', 'year', orgId, year],
    queryFn: () => api.get<CampaignYear>(`/api/orgs/${orgId}/campaigns${query({ year })}`),
  });
}

export function campaignQueryOptions(id: string) {
  return queryOptions({
    queryKey: campaignKey(id),
    queryFn: () => api.get<Campaign>(`/api/campaigns/${id}`),
  });
}

export const emulationApi = {
  create: (orgId: string, input: CampaignInput) => api.post<Campaign>(`/api/orgs/${orgId}/campaigns`, input),
  createFromPlan: (planId: string) => api.post<Campaign>(`/api/plans/${planId}/campaign`),
  update: (id: string, input: Partial<Omit<CampaignInput, 'year'>>) => api.patch<unknown>(`/api/campaigns/${id}`, input),
  saveCriteria: (id: string, criteria: CriterionInput[]) => api.patch<unknown>(`/api/campaigns/${id}`, { criteria }),
  remove: (id: string) => api.delete<unknown>(`/api/campaigns/${id}`),
  addParticipant: (id: string, input: ParticipantInput) => api.post<unknown>(`/api/campaigns/${id}/participants`, input),
  removeParticipant: (participantId: string) => api.delete<unknown>(`/api/campaign-participants/${participantId}`),
  judge: (id: string, input: JudgmentInput) => api.put<unknown>(`/api/campaigns/${id}/judgments`, input),
  confirm: (id: string, entries: ProposalEntry[]) => api.post<unknown>(`/api/campaigns/${id}/confirm`, { entries }),
  reopen: (id: string) => api.post<unknown>(`/api/campaigns/${id}/reopen`),
  docxHref: (id: string) => `/api/campaigns/${id}/proposal.docx`,
  xlsxHref: (id: string) => `/api/campaigns/${id}/proposal.xlsx`,
};

function isCampaign(value: unknown, id: string): value is Campaign {
  return Boolean(value && typeof value === 'object' && (value as Campaign).id === id && Array.isArray((value as Campaign).participants));
}

/**
 * After a write on a campaign: a whole campaign in the answer replaces the
 * cached one (otherwise it is fetched again); the years' lists are refreshed.
 */
export function storeCampaign(queryClient: QueryClient, id: string, answer: unknown): Promise<void> {
  const fresh = isCampaign(answer, id);
  if (fresh) queryClient.setQueryData(campaignKey(id), answer);
  return queryClient.invalidateQueries({
    queryKey: ['emulation'],
    predicate: (q) => !(fresh && q.queryKey[1] === 'campaign' && q.queryKey[2] === id),
  });
}

/** After creating or deleting a campaign. */
export function invalidateCampaigns(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['emulation'] });
}

// ── Words and looks ───────────────────────────────────────────────────────

export const OUTCOME_LOOK: Record<Outcome, LabelledLook> = {
  met: { color: 'green', icon: 'check', label: 'emulation.outcome.met' },
  missed: { color: 'red', icon: 'x', label: 'emulation.outcome.missed' },
  na: { color: 'gray', icon: 'minus', label: 'emulation.outcome.na' },
  pending: { color: 'orange', icon: 'hourglass', label: 'emulation.outcome.pending' },
};

export const outcomeLabel = (outcome: Outcome) => t(OUTCOME_LOOK[outcome].label);

export const STATUS_LOOK: Record<CampaignStatus, LabelledLook> = {
  open: { color: 'blue', icon: 'progress', label: 'emulation.status.open' },
  confirmed: { color: 'green', icon: 'checklist', label: 'emulation.status.confirmed' },
};

const APPLIES_KEY: Record<AppliesTo, MessageKey> = {
  unit: 'emulation.applies.unit',
  person: 'emulation.applies.person',
  both: 'emulation.applies.both',
};

export const appliesLabel = (value: AppliesTo) => t(APPLIES_KEY[value]);

export const appliesToSubject = (criterion: Pick<Criterion, 'appliesTo'>, kind: Subject) => criterion.appliesTo === 'both' || criterion.appliesTo === kind;

/** "≥ 100 %", "không quá 0 nhiệm vụ". */
export function thresholdText(threshold: number, unit: string | null, direction: 'min' | 'max' | null): string {
  const value = formatNumber(threshold, 2);
  const withUnit = unit ? `${value} ${unit}` : value;
  return direction === 'max' ? t('emulation.thresholdMax', { value: withUnit }) : t('emulation.thresholdMin', { value: withUnit });
}

/** How a criterion is judged, in one line. */
export function criterionRule(criterion: Criterion, cutOff: string): string {
  if (criterion.source.kind === 'judged') return t('emulation.rule.judged');
  const { threshold, asOf } = criterion.source;
  return t('emulation.rule.computed', {
    metric: criterion.metricLabel ?? criterion.source.metric,
    threshold: thresholdText(threshold, criterion.unit, criterion.direction),
    date: asOf ? t('emulation.rule.asOf', { date: formatDate(asOf) }) : t('emulation.rule.cutOff', { date: formatDate(cutOff) }),
  });
}

/** A figure with its unit: "90%", "2 nhiệm vụ". */
export function valueText(value: number | null, unit: string | null): string | null {
  return value === null ? null : formatQuantity(value, unit);
}

/** Criteria, participants, name and period change only while the list is not confirmed. */
export const canEdit = (campaign: Campaign) => campaign.can.manage && campaign.status === 'open';

/** Results still waiting for a judgment, over every participant: the proposal cannot be confirmed while any is left. */
export function pendingCount(campaign: Campaign): number {
  return campaign.participants.reduce((sum, p) => sum + p.results.filter((r) => r.applies && r.outcome === 'pending').length, 0);
}

/** "Công chức Tư pháp – Hộ tịch · Tư pháp – Hộ tịch" says the unit twice: the title alone when it names the unit. */
export function personLine(participant: Pick<Participant, 'title' | 'unit'>): string {
  const { title, unit } = participant;
  if (title && title.toLocaleLowerCase('vi').includes(unit.name.toLocaleLowerCase('vi'))) return title;
  return [title, unit.name].filter(Boolean).join(' · ');
}
