/**
 * The PAR index of a commune (Chỉ số cải cách hành chính của UBND cấp xã):
 * criteria sets as versioned data, the inputs a commune gives per leaf, and
 * the computed results. Pure types; see docs/par-index.md.
 *
 * A criteria set (bộ tiêu chí) is issued by the province per year and subject
 * (xã or phường); a later decision may replace it in the same year (`replaces`),
 * after which results are recomputed (`rescore`).
 */
import type { AreaCode } from "../areas.js";
import type { IsoDate } from "../dates.js";

export type Subject = "xa" | "phuong";

/**
 * Who gives a leaf its points:
 * - self: the commune self-scores (tự chấm) with evidence; appraisal may change it;
 * - appraised: the appraisers only (thẩm định);
 * - survey: from a sociological or satisfaction survey (điều tra xã hội học, SIPAS);
 * - computed: from the system's records (`computedKey`).
 */
export type Method = "self" | "appraised" | "survey" | "computed";

/**
 * What "not applicable" (không phát sinh / không áp dụng) does to a leaf:
 * - full: "không phát sinh … được tính điểm tối đa" — the leaf gets its maximum;
 * - remove: "giảm trừ điểm tối đa tương ứng" — the leaf leaves the maximum, the
 *   percentage is taken out of the reduced maximum.
 * A leaf without a policy cannot be declared not applicable.
 */
export type NotApplicable = "full" | "remove";

/** One step of a threshold rule: at least `min` (percent, or a count) gives `points`. */
export interface Tier { min: number; points: number }

/**
 * Structured scoring rules (reference §2.2). Points are in steps of 0.25; rates
 * are percentages (0–100, a measured rate may exceed 100).
 */
export type Rule =
  /** yes/no: done → `points` (= the leaf's maximum), not done → 0. */
  | { kind: "boolean"; points: number }
  /** deadline met: on time, late, not done; `due` lets a date be measured. */
  | { kind: "deadline"; onTime: number; late: number; missing: number; due?: IsoDate }
  /** tiered thresholds on a rate, highest threshold first; below the last → 0; "không thực hiện" → `notDone` (default 0). */
  | { kind: "tiers"; tiers: Tier[]; notDone?: number }
  /** proportional inside a band: rate ≥ full → max; from ≤ rate < full → max × rate / 100; rate < from → `below`. */
  | { kind: "band"; full: number; from: number; below: number }
  /** capped proportional: max × min(1, rate / target). */
  | { kind: "capped"; target: number }
  /** count thresholds, highest first (≥ 2 sáng kiến → 2; ≥ 1 → 1); below the last → 0. */
  | { kind: "count"; tiers: Tier[] }
  /**
   * Sum of parts, on a node with children. Every parent sums its children; the
   * rule is needed only to mark a parent whose children's maxima add to more
   * than its own (`capAtMax`): its points are capped at its maximum (§2.1).
   */
  | { kind: "sum"; capAtMax?: boolean }
  /** deduction: max − min(perItem × occurrences, maxDeduction (default: the maximum)). */
  | { kind: "deduction"; perItem: number; maxDeduction?: number };

export type RuleKind = Rule["kind"];
export const RULE_KINDS: readonly RuleKind[] = ["boolean", "deadline", "tiers", "band", "capped", "count", "sum", "deduction"];

/** Automatic sources a computed leaf can read; `measure` says which rules fit. */
export const COMPUTED_KEYS = {
  on_time: { measure: "rate", label: "Tỷ lệ hồ sơ TTHC giải quyết trước hạn, đúng hạn" },
  online_submission: { measure: "rate", label: "Tỷ lệ hồ sơ TTHC nộp trực tuyến" },
  fully_online: { measure: "rate", label: "Tỷ lệ hồ sơ TTHC trực tuyến toàn trình" },
  fully_online_eligible: { measure: "rate", label: "Tỷ lệ hồ sơ trực tuyến toàn trình của TTHC đủ điều kiện" },
  online_payment: { measure: "rate", label: "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến" },
  digitised_dossiers: { measure: "rate", label: "Tỷ lệ hồ sơ TTHC được số hóa" },
  digitised_results: { measure: "rate", label: "Tỷ lệ kết quả giải quyết TTHC được số hóa" },
  e_results: { measure: "rate", label: "Tỷ lệ hồ sơ được cấp kết quả điện tử" },
  reuse: { measure: "rate", label: "Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa" },
  feedback_on_time: { measure: "rate", label: "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn" },
  satisfaction: { measure: "rate", label: "Tỷ lệ đánh giá hài lòng khi giải quyết TTHC" },
  units_inspected_share: { measure: "rate", label: "Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC trong năm" },
  findings_fixed_share: { measure: "rate", label: "Tỷ lệ vấn đề phát hiện qua kiểm tra đã được xử lý" },
  tasks_on_time: { measure: "rate", label: "Tỷ lệ nhiệm vụ của kế hoạch CCHC hoàn thành đúng hạn" },
  initiatives_count: { measure: "count", label: "Số sáng kiến, giải pháp CCHC được công nhận" },
} as const satisfies Record<string, { measure: "rate" | "count"; label: string }>;
export type ComputedKey = keyof typeof COMPUTED_KEYS;

/** A criterion at any depth: lĩnh vực → tiêu chí → tiêu chí thành phần → … */
export interface CriterionNode {
  /** Dotted code: "1", "1.3", "1.3.2", "3.1.1.2"; a segment may be a letter ("4.2.a") for uncoded lines. */
  code: string;
  /** Verbatim Vietnamese name. */
  name: string;
  /** Maximum points, a multiple of 0.25. */
  maxPoints: number;
  /** Verbatim rule text of the decision (may contradict `rule`; it is kept as published). */
  ruleText: string;
  /** Structured rule; a leaf without one is scored directly (tự chấm / thẩm định). */
  rule?: Rule;
  /** Required on every node; on a parent it only describes how its area is scored. */
  method: Method;
  /** Only with method "computed". */
  computedKey?: ComputedKey;
  /** Leaves only. */
  notApplicable?: NotApplicable;
  /** What evidence the commune attaches (tài liệu kiểm chứng). */
  evidenceHint?: string;
  /** Top-level nodes only: the project's reform area. */
  area?: AreaCode;
  children?: CriterionNode[];
}

export interface LegalRef { number: string; date?: IsoDate; issuer?: string; url?: string }

/** A class (xếp loại): the first, in order, whose minimum the percentage reaches. */
export interface ClassBand { name: string; minPercent: number }

export interface CriteriaSet {
  id: string;
  province: string;
  subject: Subject;
  year: number;
  /** 1, 2, … within the province, subject and year. */
  version: number;
  /** id of the set this one replaces. */
  replaces?: string;
  label: string;
  /** An example to adapt, not a province's decision. */
  isExample?: boolean;
  legalRef?: LegalRef;
  /** Points of the 100-point total that come from the survey, outside the tree (0 = no survey). */
  surveyWeight: number;
  /** Without survey points, convert the rest to 100 (Hà Nội 2022) instead of counting the survey as 0. */
  rescaleWithoutSurvey?: boolean;
  /** Ordered, highest minimum first. */
  classes: ClassBand[];
  /** The tree: `maxPoints` = Σ areas = 100 − surveyWeight. */
  root: { maxPoints: number; children: CriterionNode[] };
}

// ---------- Inputs ----------

export type DeadlineStatus = "on_time" | "late" | "missing";

/** What a commune (or the records, or the appraisers) gives for one leaf. */
export type LeafInput =
  /** không phát sinh / không áp dụng: handled by the leaf's policy. */
  | { kind: "not_applicable" }
  /** points given directly (self score or appraisal), 0 ≤ points ≤ max. */
  | { kind: "score"; points: number }
  /** không thực hiện. */
  | { kind: "not_done" }
  | { kind: "boolean"; value: boolean }
  | { kind: "deadline"; status: DeadlineStatus }
  /** done on `date` (null = not done), compared with `due` or the rule's due date. */
  | { kind: "date"; date: IsoDate | null; due?: IsoDate }
  /** a rate in percent (95.2). */
  | { kind: "rate"; percent: number }
  /** a rate as done / total, kept exact (2/3). */
  | { kind: "ratio"; numerator: number; denominator: number }
  /** occurrences: initiatives, violations … */
  | { kind: "count"; value: number };

export type SurveyInput = { kind: "points"; points: number } | { kind: "percent"; percent: number };

export interface AssessmentInput {
  /** By leaf code. A leaf without input scores 0 and is listed in `missing`. */
  leaves: Record<string, LeafInput>;
  survey?: SurveyInput | null;
}

// ---------- Results (rounded to hundredths for display) ----------

export type LeafStatus = "scored" | "na_full" | "na_removed" | "missing";

export interface NodeScore {
  code: string;
  name: string;
  depth: number;
  isLeaf: boolean;
  method: Method;
  /** Declared maximum. */
  maxPoints: number;
  /** Maximum after removing not-applicable leaves. */
  max: number;
  points: number;
  lost: number;
  /** Leaves only. */
  status?: LeafStatus;
}

export interface LostPoint {
  code: string;
  name: string;
  /** Code of the top-level node (lĩnh vực). */
  areaCode: string;
  area?: AreaCode;
  max: number;
  points: number;
  lost: number;
  /** Why the points were lost, in Vietnamese. */
  explanation: string;
}

export interface ScoreResult {
  setId: string;
  setVersion: number;
  /** Every node, depth first. */
  nodes: NodeScore[];
  /** Top-level nodes. */
  areas: NodeScore[];
  tree: { points: number; max: number };
  survey: { points: number; max: number; missing: boolean };
  total: number;
  maxTotal: number;
  /** total / maxTotal × 100; null when the maximum is 0. */
  percent: number | null;
  className: string | null;
  /** Leaves below their maximum, most points lost first. */
  lostPoints: LostPoint[];
  /** Leaves without input. */
  missing: string[];
}
