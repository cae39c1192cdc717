// Shapes of src/api/routes/inspections.ts answers (written by hand: the web is a separate build).
import type { Area } from '../../lib/types';

export interface UnitName {
  id: string;
  name: string;
}

/** planned: not yet done, within time; overdue: not done and the planned end has passed; done: it took place. */
export type InspectionStatus = 'planned' | 'overdue' | 'done';

export type FindingSeverity = 'minor' | 'moderate' | 'serious';
export const FINDING_SEVERITIES: FindingSeverity[] = ['minor', 'moderate', 'serious'];

/** What is stored: still to fix, fixed, or escalated to the level above. */
export type FindingStatus = 'open' | 'fixed' | 'escalated';

/** What is shown, judged at today: open splits into due soon (≤ 7 days) and overdue; fixed after the due date is late. */
export type FindingDisplayStatus = 'open' | 'due_soon' | 'overdue' | 'fixed' | 'fixed_late' | 'escalated';
export const FINDING_DISPLAY_STATUSES: FindingDisplayStatus[] = ['overdue', 'due_soon', 'open', 'escalated', 'fixed_late', 'fixed'];

export type FindingStatusChange = 'fixed' | 'escalated' | 'reopened';

export interface InspectionPlan {
  id: string;
  title: string;
  number: string | null;
  issuedDate: string | null;
  targetShare: number;
  notes: string | null;
}

export interface Coverage {
  unitsTotal: number;
  unitsPlanned: number;
  unitsInspected: number;
  plannedShare: number;
  inspectedShare: number;
  targetShare: number | null;
  met: boolean | null;
  missingToTarget: number;
}

export interface FindingsTally {
  total: number;
  open: number;
  dueSoon: number;
  overdue: number;
  fixed: number;
  escalated: number;
  handledShare: number | null;
}

export interface InspectionRow {
  id: string;
  unit: UnitName;
  plannedFrom: string;
  plannedTo: string;
  conductedOn: string | null;
  status: InspectionStatus;
  teamLead: string | null;
  findings: { total: number; open: number; overdue: number };
}

export interface InspectionYear {
  year: number;
  orgId: string;
  plan: InspectionPlan | null;
  /** The units counted by coverage. */
  units: UnitName[];
  coverage: Coverage;
  findings: FindingsTally;
  inspections: InspectionRow[];
  can: { manage: boolean };
}

export interface FindingSummary {
  id: string;
  inspectionId: string;
  inspectedUnit: UnitName;
  area: Area | null;
  description: string;
  severity: FindingSeverity;
  responsibleUnit: UnitName;
  fixDue: string;
  status: FindingStatus;
  displayStatus: FindingDisplayStatus;
  closedOn: string | null;
  resolution: string | null;
  lastUpdateAt: string | null;
}

export interface EscalatedFinding extends FindingSummary {
  commune: { id: string; name: string; code: string };
}

export interface FindingUpdate {
  id: string;
  date: string;
  note: string;
  statusChange: FindingStatusChange | null;
  author: string | null;
  at: string;
}

export interface Finding extends FindingSummary {
  updates: FindingUpdate[];
  can: { edit: boolean; update: boolean; escalate: boolean };
}

export interface Inspection {
  id: string;
  orgId: string;
  year: number;
  inspectionPlanId: string;
  unit: UnitName;
  plannedFrom: string;
  plannedTo: string;
  team: string[];
  content: string;
  conductedOn: string | null;
  conclusion: string | null;
  noticeNumber: string | null;
  noticeDate: string | null;
  status: InspectionStatus;
  findings: FindingSummary[];
  can: { manage: boolean; notice: boolean };
}

export interface FindingList {
  year: number;
  findings: FindingSummary[];
}

export interface EscalatedFindingList {
  year: number;
  findings: EscalatedFinding[];
}

// ── Bodies ────────────────────────────────────────────────────────────────

export interface PlanInput {
  year: number;
  title: string;
  number: string | null;
  issuedDate: string | null;
  targetShare: number;
  notes: string | null;
}

export interface InspectionInput {
  unitId: string;
  plannedFrom: string;
  plannedTo: string;
  team: string[];
  content: string;
}

export type InspectionPatch = Partial<{
  plannedFrom: string;
  plannedTo: string;
  team: string[];
  content: string;
  conductedOn: string | null;
  conclusion: string | null;
  noticeNumber: string | null;
  noticeDate: string | null;
}>;

export interface FindingInput {
  area: Area | null;
  description: string;
  severity: FindingSeverity;
  responsibleUnitId: string;
  fixDue: string;
}

export interface FindingUpdateInput {
  note: string;
  statusChange?: FindingStatusChange;
  date?: string;
}
