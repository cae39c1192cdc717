import type { AssessmentStatus } from "../../domain/par-index/assessment.js";
import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

/**
 * The PAR-index process: the commune's focal point (and chairman) score and
 * explain, the chairman signs off, the province's administrator appraises,
 * enters survey points and publishes; the province's viewers and every
 * member of the commune read.
 */
export type AssessmentAction = "read" | "open" | "selfScore" | "submit" | "appraise" | "respond" | "remediate";

export interface AssessmentRef { orgId: string; status: AssessmentStatus; org: OrgRef }

const scorer = (v: Viewer) => v.role === "focal_point" || v.role === "chairman";
const appraiserOf = (v: Viewer, org: OrgRef) => v.role === "province_admin" && org.parentId === v.orgId;

export function canOnCommuneAssessment(v: Viewer, action: AssessmentAction, org: OrgRef): boolean {
  if (org.kind !== "commune" || !canReadOrg(v, org)) return false;
  switch (action) {
    case "read": return true;
    case "open": case "selfScore": case "respond": return isMemberOf(v, org.id) && scorer(v);
    case "submit": return isMemberOf(v, org.id) && v.role === "chairman";
    case "remediate": return isMemberOf(v, org.id) && v.role === "focal_point";
    case "appraise": return appraiserOf(v, org);
  }
}

export const canOnAssessment = (v: Viewer, action: AssessmentAction, a: AssessmentRef) => canOnCommuneAssessment(v, action, a.org);

/** The province's table of results: its own people; publishing and survey imports: its administrator. */
export const canReadProvinceResults = (v: Viewer, province: OrgRef) => province.kind === "province" && v.orgId === province.id;
export const canManageProvinceResults = (v: Viewer, province: OrgRef) => canReadProvinceResults(v, province) && v.role === "province_admin";
