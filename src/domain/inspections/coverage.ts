import { daysBetween, type IsoDate } from "../dates.js";
import { DUE_SOON_DAYS } from "../task-status.js";
import { fold } from "../text.js";

/**
 * The commune's self-inspection of a year: how many of its bộ phận were
 * inspected against the plan's target share, where each problem found stands,
 * and which follow-up step is allowed from which status. Pure: the callers
 * bring the rows and the date.
 */
export type FindingSeverity = "minor" | "moderate" | "serious";
export type FindingStatus = "open" | "fixed" | "escalated";
export type FindingDisplayStatus = "open" | "due_soon" | "overdue" | "fixed" | "fixed_late" | "escalated";
export type FindingStatusChange = "fixed" | "escalated" | "reopened";
export type InspectionStatus = "planned" | "overdue" | "done";

export const FINDING_DISPLAY_STATUSES = ["open", "due_soon", "overdue", "fixed", "fixed_late", "escalated"] as const satisfies readonly FindingDisplayStatus[];

export const SEVERITY_LABELS: Record<FindingSeverity, string> = { minor: "Nhẹ", moderate: "Trung bình", serious: "Nghiêm trọng" };
export const FINDING_STATUS_LABELS: Record<FindingDisplayStatus, string> = {
  open: "Chưa khắc phục",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  fixed: "Đã khắc phục",
  fixed_late: "Khắc phục trễ hạn",
  escalated: "Đã kiến nghị cấp trên",
};

/** n / d in %, rounded to 2 decimals; 0 when there is nothing to count. */
export function percent(n: number, d: number): number {
  return d ? Math.round((n / d) * 10000) / 100 : 0;
}

export interface CoverageInput {
  /** The units coverage counts: the commune's active bộ phận (COUNTED_UNIT_KINDS). */
  unitIds: string[];
  /** Every inspection of the year's plan. */
  inspections: Array<{ unitId: string; conductedOn: IsoDate | null }>;
  /** The plan's target share in %, or null without a plan. */
  targetShare: number | null;
}

export interface Coverage {
  unitsTotal: number;
  unitsPlanned: number;
  unitsInspected: number;
  plannedShare: number;
  inspectedShare: number;
  targetShare: number | null;
  /** null without a plan, or when the commune has no unit to inspect. */
  met: boolean | null;
  /** How many more units must be inspected to reach the target share. */
  missingToTarget: number;
}

/** The units that must be inspected for `targetShare` % of `total`; the epsilon absorbs float error (33.33 % of 3 is 1). */
const requiredUnits = (targetShare: number, total: number) => Math.max(0, Math.ceil((targetShare * total) / 100 - 1e-9));

/** Distinct counted units planned and inspected (conducted on or before `cutDate`). */
export function coverageOf(input: CoverageInput, cutDate: IsoDate): Coverage {
  const counted = new Set(input.unitIds);
  const planned = new Set(input.inspections.filter((i) => counted.has(i.unitId)).map((i) => i.unitId));
  const inspected = new Set(input.inspections.filter((i) => counted.has(i.unitId) && i.conductedOn && i.conductedOn <= cutDate).map((i) => i.unitId));
  const total = counted.size;
  const target = input.targetShare;
  const missing = target === null ? 0 : Math.max(0, requiredUnits(target, total) - inspected.size);
  return {
    unitsTotal: total,
    unitsPlanned: planned.size,
    unitsInspected: inspected.size,
    plannedShare: percent(planned.size, total),
    inspectedShare: percent(inspected.size, total),
    targetShare: target,
    met: target === null || total === 0 ? null : missing === 0,
    missingToTarget: missing,
  };
}

/** "done" once it took place; "overdue" when its planned window has passed without it. */
export function inspectionStatus(i: { conductedOn: IsoDate | null; plannedTo: IsoDate }, today: IsoDate): InspectionStatus {
  if (i.conductedOn) return "done";
  return i.plannedTo < today ? "overdue" : "planned";
}

/**
 * The head of the inspection team, by name: the member written as "Trưởng
 * đoàn" / "Tổ trưởng", else the first one ("Võ Minh Chính – Chủ tịch UBND xã,
 * Trưởng đoàn" gives "Võ Minh Chính").
 */
export function teamLead(team: string[]): string | null {
  const members = team.map((m) => m.trim()).filter(Boolean);
  const HEAD = /\b(pho )?(truong doan|to truong|truong to)\b/g;
  const isHead = (m: string) => [...fold(m).matchAll(HEAD)].some((x) => !x[1]);
  const lead = members.find(isHead) ?? members[0];
  return lead ? lead.split(/\s+[–—-]\s+|,/u)[0].trim() : null;
}

export interface FindingFacts { status: FindingStatus; fixDue: IsoDate; closedOn: IsoDate | null }

/** Where a finding stands on `today`: due soon within 7 days of its deadline, fixed late when closed after it. */
export function findingDisplayStatus(f: FindingFacts, today: IsoDate): FindingDisplayStatus {
  if (f.status === "escalated") return "escalated";
  if (f.status === "fixed") return f.closedOn && f.closedOn > f.fixDue ? "fixed_late" : "fixed";
  if (f.fixDue < today) return "overdue";
  return daysBetween(today, f.fixDue) <= DUE_SOON_DAYS ? "due_soon" : "open";
}

/** Handled: fixed, or escalated to the level that can deal with it ("xử lý hoặc kiến nghị cấp có thẩm quyền xử lý"). */
export const isHandled = (status: FindingStatus) => status === "fixed" || status === "escalated";

export interface FindingsTally {
  total: number;
  /** Open and not yet near its deadline; due soon and overdue are counted apart, so the counts add up to the total. */
  open: number;
  dueSoon: number;
  overdue: number;
  /** Fixed, on time or late. */
  fixed: number;
  escalated: number;
  handledShare: number | null;
}

export function tallyFindings(findings: FindingFacts[], today: IsoDate): FindingsTally {
  const t: FindingsTally = { total: findings.length, open: 0, dueSoon: 0, overdue: 0, fixed: 0, escalated: 0, handledShare: null };
  for (const f of findings) {
    const s = findingDisplayStatus(f, today);
    if (s === "open") t.open++;
    else if (s === "due_soon") t.dueSoon++;
    else if (s === "overdue") t.overdue++;
    else if (s === "escalated") t.escalated++;
    else t.fixed++;
  }
  t.handledShare = t.total ? percent(t.fixed + t.escalated, t.total) : null;
  return t;
}

/** A filter of the findings list: the display statuses, where "fixed" means every fixed one, on time or late. */
export function matchesStatusFilter(display: FindingDisplayStatus, filter: FindingDisplayStatus): boolean {
  return filter === "fixed" ? display === "fixed" || display === "fixed_late" : display === filter;
}

export type Transition = { ok: true; next: FindingStatus } | { ok: false; message: string };

const CURRENTLY: Record<FindingStatus, string> = { open: "chưa khắc phục", fixed: "đã khắc phục", escalated: "đã kiến nghị cấp trên" };

/**
 * The follow-up steps: a fix or an escalation closes an open finding; reopening
 * brings back a fixed or escalated one; a plain note (no change) fits any status.
 */
export function findingTransition(status: FindingStatus, change: FindingStatusChange | null): Transition {
  if (!change) return { ok: true, next: status };
  if (change === "reopened") {
    return status === "open"
      ? { ok: false, message: "Vấn đề đang ở trạng thái chưa khắc phục nên không cần mở lại." }
      : { ok: true, next: "open" };
  }
  if (status !== "open") {
    const what = change === "fixed" ? "ghi nhận đã khắc phục" : "kiến nghị cấp trên";
    return { ok: false, message: `Vấn đề này ${CURRENTLY[status]} nên không thể ${what}; hãy mở lại vấn đề trước.` };
  }
  return { ok: true, next: change };
}

/** The rows inspectionFigures judges: the counted units, the year's inspections and their findings. */
interface InspectionFacts {
  unitIds: string[];
  inspections: Array<{ unitId: string; conductedOn: IsoDate | null }>;
  findings: Array<{ conductedOn: IsoDate | null; status: FindingStatus; closedOn: IsoDate | null }>;
}

export interface Ratio { numerator: number; denominator: number }

/**
 * The figures a plan target or a report takes from the inspections, as at
 * `cutDate`: units inspected of the counted units; findings handled (fixed or
 * escalated by then) of those found by inspections that had taken place.
 */
export function inspectionFigures(input: InspectionFacts, cutDate: IsoDate): { coverage: Ratio; findingsHandled: Ratio } {
  const c = coverageOf({ unitIds: input.unitIds, inspections: input.inspections, targetShare: null }, cutDate);
  const found = input.findings.filter((f) => f.conductedOn && f.conductedOn <= cutDate);
  const handled = found.filter((f) => isHandled(f.status) && f.closedOn && f.closedOn <= cutDate);
  return {
    coverage: { numerator: c.unitsInspected, denominator: c.unitsTotal },
    findingsHandled: { numerator: handled.length, denominator: found.length },
  };
}
