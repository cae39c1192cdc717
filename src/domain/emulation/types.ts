import type { IsoDate } from "../dates.js";
import type { ParticipantResult } from "./evaluate.js";

/**
 * Emulation campaigns (thi đua): criteria are data. A computed criterion reads
 * the records (tasks, initiatives, inspection findings) of a participant up to
 * a cut-off date and compares one figure with a threshold; a judged criterion
 * is decided by a person with a note. See docs/emulation.md.
 */
export const METRICS = {
  tasks_done_share: { label: "Tỷ lệ nhiệm vụ được giao đã hoàn thành", unit: "%", direction: "min" },
  tasks_on_time_share: { label: "Tỷ lệ nhiệm vụ được giao hoàn thành đúng hạn", unit: "%", direction: "min" },
  initiatives_count: { label: "Số sáng kiến CCHC đã nộp", unit: "sáng kiến", direction: "min" },
  findings_fixed_share: { label: "Tỷ lệ vấn đề phát hiện qua kiểm tra đã được xử lý", unit: "%", direction: "min" },
  overdue_tasks_at: { label: "Số nhiệm vụ quá hạn tại ngày xét", unit: "nhiệm vụ", direction: "max" },
} as const satisfies Record<string, { label: string; unit: string; direction: "min" | "max" }>;
export type Metric = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as [Metric, ...Metric[]];

export type Subject = "unit" | "person";
export type AppliesTo = Subject | "both";

export type CriterionSource =
  /** met when the figure is ≥ threshold (direction "min") or ≤ threshold ("max"). */
  | { kind: "computed"; metric: Metric; threshold: number; asOf: IsoDate | null }
  | { kind: "judged" };

export interface CampaignCriterion {
  /** Stable within the campaign ("c1", "c2", …): judgments refer to it. */
  id: string;
  /** As printed in the campaign plan: "Hoàn thành 100% nhiệm vụ được giao trong năm". */
  label: string;
  appliesTo: AppliesTo;
  source: CriterionSource;
}

/** The focal point's decision on one participant when confirming the proposal. */
export interface ProposalEntry {
  participantId: string;
  included: boolean;
  /** Required when the decision differs from what the criteria propose. */
  reason: string | null;
  /**
   * The participant's results as they stood when the list was confirmed (and
   * the cut date they were judged at): a confirmed list and its documents do
   * not move when records change afterwards. Absent on entries stored before.
   */
  frozen?: { cutOff: IsoDate; results: ParticipantResult["results"]; proposed: boolean; missing: string[] };
}
