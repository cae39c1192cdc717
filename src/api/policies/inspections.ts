import type { FindingStatusChange } from "../../domain/inspections/coverage.js";
import { canReadOrg, isMemberOf, isProvincial, type OrgRef, type Viewer } from "./viewer.js";

/**
 * The commune's self-inspection: everyone who reads the commune reads it; its
 * focal point plans the inspections and records what they found; an officer of
 * the unit that must fix a finding reports on it (a note, or that it is
 * fixed); escalating and reopening are the focal point's. The province reads
 * and never writes.
 */
export interface FindingRef { org: OrgRef; responsibleUnitId: string }

export const canReadInspections = (v: Viewer, org: OrgRef) => org.kind === "commune" && canReadOrg(v, org);

export const canManageInspections = (v: Viewer, org: OrgRef) => canReadInspections(v, org) && isMemberOf(v, org.id) && v.role === "focal_point";

const isResponsibleOfficer = (v: Viewer, f: FindingRef) =>
  canReadInspections(v, f.org) && isMemberOf(v, f.org.id) && v.role === "unit_officer" && v.unitIds.includes(f.responsibleUnitId);

/** Who may post a follow-up: a note or "fixed" by the responsible unit's officers; "escalated" and "reopened" by the focal point. */
export function canUpdateFinding(v: Viewer, f: FindingRef, change: FindingStatusChange | null = null): boolean {
  if (canManageInspections(v, f.org)) return true;
  return (change === null || change === "fixed") && isResponsibleOfficer(v, f);
}

/** The escalated findings of a province's communes: the province's own people. */
export const canReadEscalatedFindings = (v: Viewer, province: OrgRef) => province.kind === "province" && isProvincial(v) && v.orgId === province.id;

export const NOT_ALLOWED = {
  manage: "Chỉ công chức đầu mối CCHC của xã, phường lập kế hoạch kiểm tra và ghi nhận kết quả kiểm tra.",
  update: "Chỉ công chức đầu mối CCHC hoặc công chức của bộ phận chịu trách nhiệm khắc phục được cập nhật vấn đề này.",
  escalate: "Chỉ công chức đầu mối CCHC được kiến nghị cấp trên hoặc mở lại vấn đề.",
  escalated: "Chỉ cán bộ của tỉnh theo dõi các vấn đề được xã, phường kiến nghị cấp trên.",
} as const;
