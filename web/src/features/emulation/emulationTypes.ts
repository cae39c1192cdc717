// Emulation campaigns (phong trào thi đua): the shapes src/api/routes/emulation.ts
// returns and accepts. Criteria are data: a computed criterion compares one
// figure read from the records with a threshold, a judged one is decided by a
// person with a note.
import type { Area, Status, UnitRef } from '../../lib/types';

export type Metric = 'tasks_done_share' | 'tasks_on_time_share' | 'initiatives_count' | 'findings_fixed_share' | 'overdue_tasks_at';

/** Tập thể (a unit) or cá nhân (a person). */
export type Subject = 'unit' | 'person';
export type AppliesTo = Subject | 'both';
export const APPLIES_TO: AppliesTo[] = ['unit', 'person', 'both'];

/** min: met when the figure is ≥ threshold; max: met when it is ≤ threshold. */
export type Direction = 'min' | 'max';

export type CriterionSource = { kind: 'computed'; metric: Metric; threshold: number; asOf: string | null } | { kind: 'judged' };

export interface CriterionInput {
  id?: string;
  label: string;
  appliesTo: AppliesTo;
  source: CriterionSource;
}

export interface Criterion {
  /** "c1", "c2", … stable within the campaign. */
  id: string;
  label: string;
  appliesTo: AppliesTo;
  source: CriterionSource;
  metricLabel: string | null;
  unit: string | null;
  direction: Direction | null;
}

export interface MetricInfo {
  key: Metric;
  label: string;
  unit: string;
  direction: Direction;
}

export type CampaignStatus = 'open' | 'confirmed';

/** met: Đạt; missed: Chưa đạt; na: Không phát sinh; pending: Chưa đánh giá. */
export type Outcome = 'met' | 'missed' | 'na' | 'pending';

export interface ResultRecord {
  kind: 'task' | 'initiative' | 'finding';
  id: string;
  label: string;
  ok: boolean;
  planId?: string;
  inspectionId?: string;
}

export interface Judgment {
  met: boolean;
  note: string;
  by: string | null;
  at: string;
}

export interface CriterionResult {
  criterionId: string;
  applies: boolean;
  outcome: Outcome;
  value: number | null;
  /** The Vietnamese explanation written by the server. */
  text: string;
  records: ResultRecord[];
  judgment: Judgment | null;
}

export interface Participant {
  id: string;
  kind: Subject;
  unit: UnitRef;
  userId: string | null;
  /** The unit's name for a unit. */
  name: string;
  title: string | null;
  results: CriterionResult[];
  proposed: boolean;
  /** Labels of the criteria missed or not yet judged. */
  missing: string[];
}

export interface ProposalEntry {
  participantId: string;
  included: boolean;
  reason: string | null;
}

export interface ContentGroup {
  taskId: string;
  ref: string | null;
  title: string;
  area: Area | null;
  status: Status;
  leadUnits: string[];
}

export interface Campaign {
  id: string;
  orgId: string;
  title: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  status: CampaignStatus;
  /** The date computed criteria are judged at unless they name their own: min(periodTo, today). */
  cutOff: string;
  sourcePlan: { id: string; title: string } | null;
  contentGroups: ContentGroup[];
  criteria: Criterion[];
  participants: Participant[];
  proposal: Array<ProposalEntry & { name: string }> | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  metrics: MetricInfo[];
  can: { manage: boolean; judge: boolean; confirm: boolean; export: boolean };
}

export interface CampaignSummary {
  id: string;
  title: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  status: CampaignStatus;
  participants: number;
  proposed: number;
  sourcePlan: { id: string; title: string } | null;
}

export interface CampaignYear {
  year: number;
  campaigns: CampaignSummary[];
  emulationPlans: Array<{ id: string; title: string; hasCampaign: boolean }>;
  can: { manage: boolean };
}

export interface CampaignInput {
  title: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  criteria?: CriterionInput[];
}

export interface ParticipantInput {
  kind: Subject;
  unitId: string;
  userId?: string | null;
  name?: string;
  title?: string;
}

export interface JudgmentInput {
  participantId: string;
  criterionId: string;
  met: boolean;
  note: string;
}
