// Shapes of src/api/routes/initiatives.ts answers (written by hand: the web is a separate build).

export type InitiativeStatus = 'submitted' | 'recognised' | 'applied';

export const INITIATIVE_STATUSES: InitiativeStatus[] = ['submitted', 'recognised', 'applied'];

export interface InitiativeAuthor {
  name: string;
  userId: string | null;
}

export interface UnitName {
  id: string;
  name: string;
}

export interface InitiativeSummary {
  id: string;
  year: number;
  title: string;
  unit: UnitName;
  authors: InitiativeAuthor[];
  submittedOn: string;
  status: InitiativeStatus;
  recognisedOn: string | null;
  appliedOn: string | null;
  evidenceCount: number;
}

export interface InitiativeEvidence {
  id: string;
  kind: 'file' | 'link';
  label: string;
  filename: string | null;
  size: number | null;
  url: string | null;
  addedBy: string | null;
  at: string;
}

export interface Initiative extends InitiativeSummary {
  summary: string;
  evidence: InitiativeEvidence[];
  can: { edit: boolean; changeStatus: boolean; delete: boolean };
}

export interface InitiativeCall {
  dueDate: string;
  perUnit: number;
}

export interface UnitTally {
  unit: UnitName;
  count: number;
  recognised: number;
  applied: number;
  /** Submitted on or before the call's due date. */
  countByDue: number;
  due: boolean;
  daysLeft: number | null;
}

export interface InitiativeTarget {
  id: string;
  planId: string;
  text: string;
  value: number | null;
  current: number;
}

export interface InitiativeYear {
  year: number;
  orgId: string;
  call: InitiativeCall | null;
  initiatives: InitiativeSummary[];
  byUnit: UnitTally[];
  totals: { count: number; recognised: number; applied: number };
  targets: InitiativeTarget[];
  can: { manage: boolean; register: boolean; registerUnitIds: string[] };
}

export interface InitiativeInput {
  year: number;
  title: string;
  summary?: string;
  unitId: string;
  authors: InitiativeAuthor[];
  submittedOn: string;
}

export type InitiativePatch = Partial<{
  title: string;
  summary: string;
  unitId: string;
  authors: InitiativeAuthor[];
  submittedOn: string;
  status: InitiativeStatus;
  recognisedOn: string | null;
  appliedOn: string | null;
}>;
