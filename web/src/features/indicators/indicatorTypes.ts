// Shapes of the one-stop indicator API (src/api/routes/indicators.ts,
// shared/contracts/dossiers.md). Rates are percentages rounded to 2 decimals.

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0. */
  rate: number | null;
}

export type RateKey =
  | 'on_time'
  | 'online_submission'
  | 'fully_online'
  | 'fully_online_eligible'
  | 'online_payment'
  | 'digitised_dossiers'
  | 'digitised_results'
  | 'e_results'
  | 'reuse'
  | 'feedback_on_time'
  | 'satisfaction';

export type Rates = Record<RateKey, Rate>;

export interface Counts {
  received: { total: number; online: number; direct: number; post: number };
  carried_over: number;
  handled: number;
  resolved: { total: number; early: number; on_time: number; late: number };
  pending: { total: number; within_time: number; overdue: number };
  waiting_supplement: number;
  withdrawn: number;
  stopped: number;
  refused_at_intake: number;
  not_yet_accepted: number;
  apology_letters: number;
  feedback: {
    received: number;
    resolved_on_time: number;
    resolved_late: number;
    pending_within_time: number;
    pending_overdue: number;
    about_procedures: number;
    about_staff: number;
  };
}

export type IndicatorStatus = 'computed' | 'empty' | 'no_input' | 'external';

export interface IndicatorResult {
  id: string;
  name: string;
  max: number;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  points: number;
  status: IndicatorStatus;
}

export interface GroupResult {
  id: string;
  name: string;
  max: number;
  points: number;
  indicators: IndicatorResult[];
}

export interface Index766 {
  profile: string;
  max: number;
  total: number;
  class: string;
  groups: GroupResult[];
}

export interface IndicatorHint {
  id: string;
  name: string;
  unit: 'dossier' | 'procedure' | 'service' | 'feedback' | 'commune';
  max: number;
  points: number;
  targetRate: number;
  additional: number | null;
  additionalNew: number | null;
  pointsGained: number;
  what: string;
  advice: string;
}

export interface Window {
  from: string;
  to: string;
}

export interface IndicatorFigures {
  window: Window;
  counts: Counts;
  rates: Rates;
  index766: Index766;
  hints: IndicatorHint[];
  settings: { classes: { name: string; min: number }[] } & Record<string, unknown>;
  hasCatalogue: boolean;
  stored: { dossiers: number; procedures: number; feedback: number; ratings: number };
}

export interface SeriesMonth {
  period: string;
  label: string;
  received: number;
  resolved: number;
  rates: Rates;
  index766: number;
}

export interface IndicatorSeries {
  year: number;
  months: SeriesMonth[];
}

export type BreakdownBy = 'field' | 'unit' | 'procedure';

export interface BreakdownRow {
  key: string;
  label: string;
  counts: Counts;
  rates: Rates;
}

export interface Breakdown {
  window: Window;
  by: BreakdownBy;
  rows: BreakdownRow[];
  total: { counts: Counts; rates: Rates };
}

export interface LateDossier {
  code: string;
  procedureCode: string;
  procedureName: string | null;
  fieldName: string | null;
  unit: string | null;
  channel: 1 | 2 | 3;
  accepted: string | null;
  due: string | null;
  end: string | null;
  class: 'late' | 'overdue';
  daysLate: number | null;
  reasons: string[];
}

export interface LateList {
  window: Window;
  total: number;
  rows: LateDossier[];
}
