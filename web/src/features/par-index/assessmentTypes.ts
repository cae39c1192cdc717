// The PAR-index assessment as GET /api/par-assessments/:id returns it
// (src/api/presenters/par-assessment.ts). Points are rounded to hundredths by
// the server; timestamps are ISO 8601.
import type { ParStatus } from './parQueries';

/** self: tự chấm; round1: thẩm định lần 1; response: giải trình; final: điểm chốt (thẩm định lần 2). */
export type Stage = 'self' | 'round1' | 'response' | 'final';
/** The stages whose value is a score (a response has none). */
export type ScoredStage = 'self' | 'round1' | 'final';

export type DeadlineStatus = 'on_time' | 'late' | 'missing';

/** What a leaf receives: see src/domain/par-index/types.ts. */
export type LeafInput =
  | { kind: 'not_applicable' }
  | { kind: 'score'; points: number }
  | { kind: 'not_done' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'deadline'; status: DeadlineStatus }
  | { kind: 'date'; date: string | null; due?: string }
  | { kind: 'rate'; percent: number }
  | { kind: 'ratio'; numerator: number; denominator: number }
  | { kind: 'count'; value: number };

export type InputKind = LeafInput['kind'];

export type SurveyInput = { kind: 'points'; points: number } | { kind: 'percent'; percent: number };

export type Method = 'self' | 'appraised' | 'survey' | 'computed';
export type LeafStatus = 'scored' | 'na_full' | 'na_removed' | 'missing';

export interface LeafEntryView {
  stage: Stage;
  input: LeafInput | null;
  /** The input as a short Vietnamese phrase ("Đạt", "97,5 %"). */
  display: string | null;
  /** Note (self), comment (round 1, final) or the explanation (response); for an automatic value, how it was computed. */
  text: string;
  /** Self stage: how the score was reached without evidence (giải trình). */
  explanation: string;
  automatic: boolean;
  by: string | null;
  at: string;
}

export interface EvidenceView {
  id: string;
  stage: 'self' | 'response';
  kind: 'file' | 'link' | 'record';
  label: string;
  filename: string | null;
  size: number | null;
  mimeType: string | null;
  url: string | null;
  recordType: 'plan' | 'task' | 'target' | null;
  recordId: string | null;
  addedBy: string | null;
  createdAt: string;
}

interface NodeBase {
  code: string;
  name: string;
  depth: number;
  areaCode: string;
  maxPoints: number;
  ruleText: string;
  method: Method;
  methodLabel: string;
  points: number;
  /** Maximum after removing not-applicable leaves. */
  max: number;
  lost: number;
}

export interface ParentNode extends NodeBase {
  isLeaf: false;
}

export interface LeafNode extends NodeBase {
  isLeaf: true;
  rule: { kind: string } | null;
  ruleLabel: string | null;
  notApplicable: 'full' | 'remove' | null;
  notApplicableLabel: string | null;
  evidenceHint: string | null;
  computedKey: string | null;
  /** The commune scores it (self or computed). */
  selfScored: boolean;
  inputKinds: InputKind[];
  appraisalKinds: InputKind[];
  status: LeafStatus | null;
  /** Stage whose value counts; null when nothing counts yet. */
  countingStage: ScoredStage | null;
  /** Why points were lost, in Vietnamese. */
  why: string | null;
  entries: Record<Stage, LeafEntryView | null>;
  historyCount: number;
  evidence: EvidenceView[];
}

export type AssessmentNode = ParentNode | LeafNode;

export interface Step {
  by: string | null;
  at: string;
}

export interface LostPoint {
  code: string;
  name: string;
  areaCode: string;
  max: number;
  points: number;
  lost: number;
  explanation: string;
}

export interface AreaScore {
  code: string;
  name: string;
  points: number;
  max: number;
  maxPoints: number;
  lost: number;
}

export interface AssessmentView {
  id: string;
  year: number;
  status: ParStatus;
  statusLabel: string;
  org: { id: string; name: string; code: string };
  set: {
    id: string;
    label: string;
    version: number;
    isExample: boolean;
    surveyWeight: number;
    classes: Array<{ name: string; minPercent: number }>;
    legalRef: { number: string; date?: string; issuer?: string; url?: string } | null;
  };
  stages: Array<{ stage: Stage; label: string }>;
  steps: { submitted: Step | null; round1: Step | null; explained: Step | null; final: Step | null };
  survey: SurveyInput | null;
  surveySource: string | null;
  result: {
    total: number;
    maxTotal: number;
    percent: number | null;
    className: string | null;
    tree: { points: number; max: number };
    survey: { points: number; max: number; missing: boolean };
    areas: AreaScore[];
    lostPoints: LostPoint[];
    missing: string[];
  };
  rank: { rank: number; of: number } | null;
  previous: {
    year: number;
    total: number;
    percent: number | null;
    className: string | null;
    rank: { rank: number; of: number } | null;
  } | null;
  nodes: AssessmentNode[];
  /** What blocks the chairman's sign-off (draft only), one sentence each. */
  problems: string[];
  /** Values the leaf's rule can no longer take (after the criteria set changed). */
  dropped: Array<{ code: string; stage: Stage; reason: string }>;
  rescoreReport: Record<string, unknown> | null;
  can: {
    selfScore: boolean;
    submit: boolean;
    appraiseRound1: boolean;
    closeRound1: boolean;
    respond: boolean;
    closeExplanation: boolean;
    appraiseFinal: boolean;
    closeFinal: boolean;
    setSurvey: boolean;
    remediate: boolean;
  };
  updatedAt: string;
}

/** One stored value, as GET …/leaves/:code/history lists them (newest first). */
export interface HistoryEntry {
  leafCode: string;
  stage: Stage;
  input: LeafInput | null;
  text: string;
  explanation: string;
  automatic: boolean;
  by: string | null;
  at: string;
}

export interface RecordOption {
  type: 'plan' | 'task' | 'target';
  id: string;
  label: string;
}

export type Move = 'submit' | 'close_round1' | 'close_explanation' | 'close_final';
